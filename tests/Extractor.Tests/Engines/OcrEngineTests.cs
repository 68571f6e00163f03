using System.Diagnostics;
using System.Text.RegularExpressions;
using Extractor.Domain;
using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pdf;

namespace Extractor.Tests.Engines;

/// <summary>Shared engine and a rendered Jiangsu table page with text-layer ground truth for its cells.</summary>
public sealed class OcrFixture : IDisposable
{
    public OcrEngine Engine { get; } = new();
    public GrayImage Page { get; }
    public IReadOnlyList<Glyph> Glyphs { get; }
    public const double Dpi = 300; // at 200 dpi the 9 pt amounts of this file read "3,990,40" with the digit whitelist (see docs/NATIVE.md)

    public OcrFixture()
    {
        using var doc = PdfDocument.Open(EngineTestData.JiangsuPdf);
        using var page = doc.GetPage(PageWith(doc, "一般公共服务支出"));
        Glyphs = page.GetGlyphs();
        Page = page.Render(Dpi);
    }

    public static int PageWith(PdfDocument doc, string text)
    {
        for (int i = 0; i < doc.PageCount; i++)
        {
            using var p = doc.GetPage(i);
            if (string.Concat(p.GetGlyphs().Select(g => g.Text)).Contains(text)) return i;
        }
        throw new InvalidOperationException(text + " not found");
    }

    /// <summary>Runs of consecutive non-space glyphs on one baseline (what Poppler calls words) with their union box.</summary>
    public IEnumerable<(string Text, Box Box)> Runs()
    {
        var text = ""; Box box = default; double lastRight = 0, lastY = -1;
        foreach (var g in Glyphs)
        {
            bool breaks = g.Text.Trim().Length == 0 || Math.Abs(g.Box.CenterY - lastY) > 2 || g.Box.X - lastRight > 3;
            if (breaks && text.Length > 0) { yield return (text, box); text = ""; box = default; }
            if (g.Text.Trim().Length == 0) continue;
            text += g.Text; box = box.Union(g.Box); lastRight = g.Box.Right; lastY = g.Box.CenterY;
        }
        if (text.Length > 0) yield return (text, box);
    }

    public PixelRect ToPixels(Box b, double padPt = 2) =>
        new((int)Math.Floor(Page.PtToPx(b.X - padPt)), (int)Math.Floor(Page.PtToPx(b.Y - padPt)),
            (int)Math.Ceiling(Page.PtToPx(b.Width + 2 * padPt)), (int)Math.Ceiling(Page.PtToPx(b.Height + 2 * padPt)));

    public void Dispose() => Engine.Dispose();
}

public class OcrEngineTests(OcrFixture fx) : IClassFixture<OcrFixture>
{
    [Fact]
    public void DigitsWithWhitelistAreExact()
    {
        var amounts = fx.Runs().Where(r => Regex.IsMatch(r.Text, @"^\d[\d,]*\.\d\d$")).Take(6).ToList();
        Assert.True(amounts.Count >= 3, "the page has amounts");
        var sw = Stopwatch.StartNew();
        foreach (var (text, box) in amounts)
        {
            var res = fx.Engine.Recognize(fx.Page, fx.ToPixels(box), PageSegMode.SingleLine, "0123456789.,");
            Assert.Equal(text, res.Text);
            Assert.InRange(res.Confidence, 0.6, 1);
            Assert.NotEmpty(res.Words);
            var w = res.Words[0].Box;
            var region = fx.ToPixels(box);
            Assert.True(w.X >= region.X - 1 && w.Right <= region.Right + 1, $"word box {w} inside region {region}");
        }
        Console.WriteLine($"OCR {amounts.Count} amount cells: {sw.ElapsedMilliseconds / amounts.Count} ms each");
    }

    [Fact]
    public void ChineseLabelIsRead()
    {
        var label = fx.Runs().First(r => r.Text.Contains("一般公共服务支出"));
        var res = fx.Engine.Recognize(fx.Page, fx.ToPixels(label.Box));
        Assert.Equal(label.Text, res.Text.Replace(" ", ""));
    }

    [Fact]
    public void WhitelistIsResetAfterTheCall()
    {
        var label = fx.Runs().First(r => r.Text.Contains("一般公共服务支出"));
        fx.Engine.Recognize(fx.Page, fx.ToPixels(label.Box), PageSegMode.SingleLine, "0123456789");
        var res = fx.Engine.Recognize(fx.Page, fx.ToPixels(label.Box));
        Assert.Contains("公共服务", res.Text.Replace(" ", ""));
    }

    [Fact]
    public void TinyOrEmptyRegionGivesEmptyResult()
    {
        Assert.Equal("", fx.Engine.Recognize(fx.Page, new PixelRect(10, 10, 2, 2)).Text);
        Assert.Equal("", fx.Engine.Recognize(fx.Page, new PixelRect(-50, -50, 20, 20)).Text);
    }

    [Fact]
    public void RecognizeLinesReadsTheUnitLine()
    {
        // The line above the table: 部门：江苏省人民检察院 … 单位：万元 (normal-size text; see NATIVE.md on big titles).
        var unit = fx.Runs().First(r => r.Text.Contains("江苏省人民检察院"));
        var region = fx.ToPixels(unit.Box, 12);
        region = region with { X = 0, Width = fx.Page.Width };
        var lines = fx.Engine.RecognizeLines(fx.Page, region);
        foreach (var l in lines) Console.WriteLine($"line {l.Text} {l.Box} {l.Confidence:0.00} region {region}");
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Text.Replace(" ", "").Contains("江苏省人民检察院") && l.Confidence > 0.6);
        Assert.All(lines, l => Assert.True(l.Box.Y >= region.Y - 1 && l.Box.Bottom <= region.Bottom + 1));
    }

    [Fact]
    public void PoolWithTwoThreadsGivesIdenticalResults()
    {
        var regions = fx.Runs().Where(r => Regex.IsMatch(r.Text, @"^\d[\d,]*\.\d\d$")).Take(4)
            .Concat(fx.Runs().Where(r => r.Text.Length >= 4 && !char.IsAsciiDigit(r.Text[0])).Take(4))
            .Select(r => fx.ToPixels(r.Box)).ToList();
        var expected = regions.Select(r => fx.Engine.Recognize(fx.Page, r).Text).ToList();
        using var pool = new OcrEnginePool(2);
        var results = new string[2][];
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            var mine = new string[regions.Count];
            for (int i = 0; i < regions.Count; i++)
            {
                using var lease = pool.Rent();
                mine[i] = lease.Engine.Recognize(fx.Page, regions[i]).Text;
            }
            results[t] = mine;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(expected, results[0]);
        Assert.Equal(expected, results[1]);
        Assert.InRange(pool.Created, 1, 2);
    }

    [Fact]
    public async Task RentBlocksUntilAnEngineIsReturned()
    {
        using var pool = new OcrEnginePool(1);
        var first = pool.Rent();
        var second = Task.Run(() => { using var l = pool.Rent(); return l.Engine; });
        var winner = await Task.WhenAny(second, Task.Delay(300));
        Assert.NotSame(second, winner); // still waiting for the only engine
        var engine = first.Engine;
        first.Dispose();
        Assert.Same(engine, await second);
        Assert.Equal(1, pool.Created);
    }
}
