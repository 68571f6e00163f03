using System.Text;
using Extractor.Domain;

namespace Extractor.Classification;

/// <summary>
/// Makes a text-layer page look OCR-read: characters dropped, swapped for look-alikes (支/文, 0/O …) or split by
/// stray spaces, at a given rate. Used to train on noisy copies so that the model does not hang on single n-grams,
/// and to estimate accuracy on scans before there are labelled scans. Deterministic for a given Random.
/// </summary>
public static class OcrNoise
{
    private static readonly Dictionary<char, char[]> LookAlikes = new()
    {
        ['支'] = ['文', '攴'], ['文'] = ['支'], ['出'] = ['山'], ['收'] = ['牧'], ['入'] = ['人', '八'], ['人'] = ['入'],
        ['预'] = ['顶'], ['算'] = ['箅'], ['总'] = ['怠'], ['表'] = ['衣'], ['费'] = ['贵'], ['经'] = ['终'],
        ['目'] = ['日', '自'], ['日'] = ['曰', '目'], ['己'] = ['已'], ['已'] = ['己'], ['万'] = ['方'], ['元'] = ['无'],
        ['0'] = ['O', 'o'], ['1'] = ['l', 'I'], ['5'] = ['S'], ['8'] = ['B'], ['.'] = [',', ' '], [','] = ['.'],
        ['（'] = ['('], ['）'] = [')'], ['、'] = [','], ['：'] = [':'],
    };

    public static PageContent Perturb(PageContent page, Random rng, double rate = 0.04)
    {
        string N(string s) => Noisy(s, rng, rate);
        var lines = page.Lines.Select(l => l with { Text = N(l.Text), Confidence = Math.Min(l.Confidence, 0.8) }).ToList();
        var tables = page.Tables.Select(t => t.WithCells(t.Cells.Select(c => c with { Text = N(c.Text), Source = CellSource.Ocr }).ToList())).ToList();
        return new PageContent
        {
            PageNumber = page.PageNumber, WidthPt = page.WidthPt, HeightPt = page.HeightPt, Rotation = page.Rotation,
            Scanned = true, TextLayerUsable = false, SkewDegrees = page.SkewDegrees, TextConfidence = 0.8,
            RawText = N(page.RawText), Lines = lines, Tables = tables,
        };
    }

    public static string Noisy(string s, Random rng, double rate)
    {
        if (string.IsNullOrEmpty(s) || rate <= 0) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (ch == '\n' || ch == '\t') { sb.Append(ch); continue; }
            double r = rng.NextDouble();
            if (r < rate * 0.4) continue;                                        // dropped
            if (r < rate * 0.8 && LookAlikes.TryGetValue(ch, out var alts))     // misread
            {
                sb.Append(alts[rng.Next(alts.Length)]);
                continue;
            }
            sb.Append(ch);
            if (r > 1 - rate * 0.2) sb.Append(' ');                              // stray space
        }
        return sb.ToString();
    }
}
