using System.Diagnostics;
using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pdf;

namespace Extractor.Tests.Engines;

/// <summary>Native objects are released: many rounds of open + glyphs + render + OCR keep the process size flat.</summary>
[Collection(Extractor.Tests.Scan.SerialScanEngines.Name)]
public class LeakTests
{
    private static long RssKb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        throw new InvalidOperationException("VmRSS not found");
    }

    [Fact]
    public void RepeatedOpenRenderOcrDoesNotLeak()
    {
        string path = EngineTestData.JiangsuPdf;
        byte[] bytes = File.ReadAllBytes(path);
        int pageIndex;
        using (var d = PdfDocument.Open(path)) pageIndex = OcrFixture.PageWith(d, "一般公共服务支出");
        using var engine = new OcrEngine();
        string? firstText = null;

        void Round(int i, bool ocr = true)
        {
            using var doc = i % 2 == 0 ? PdfDocument.Open(path) : PdfDocument.Open(bytes);
            using var page = doc.GetPage(pageIndex);
            var glyphs = page.GetGlyphs();
            Assert.NotEmpty(glyphs);
            _ = page.GetImageBoxes();
            _ = page.GetText();
            var img = page.Render(60);
            var amount = glyphs.First(g => char.IsAsciiDigit(g.Text[0]));
            if (!ocr) return;
            var region = new PixelRect((int)img.PtToPx(amount.Box.X - 4), (int)img.PtToPx(amount.Box.Y - 3), 70, 14);
            var res = engine.Recognize(img, region, PageSegMode.SingleLine, "0123456789.,");
            firstText ??= res.Text;
            Assert.Equal(firstText, res.Text);
        }

        // Warm-up. Re-opening documents fills bounded caches (cairo/FreeType font faces: RSS climbs ~45 MB over the
        // first ~100 documents, then stays flat), so the PDF side needs ~100 rounds before growth means a leak.
        for (int i = 0; i < 100; i++) Round(i, ocr: i >= 95);

        // RSS is sampled every few rounds and only the slope of the second half is judged: a leak grows by the same
        // amount every round, while caches that were still filling (on CI a cache shared with earlier tests took
        // longer to turn over) level off. Each sample frees what the process merely holds: an aggressive collection
        // gives managed memory back, and malloc_trim gives back freed native heap.
        var sw = Stopwatch.StartNew();
        var samples = new List<(int Round, long Kb)> { (0, SettledRssKb()) };
        int rounds = 0;
        // Up to 300 rounds, bounded in time so a loaded CI machine still finishes quickly.
        while (rounds < 300 && (sw.Elapsed.TotalSeconds < 25 || rounds < 80))
        {
            Round(rounds++);
            if (rounds % 20 == 0) samples.Add((rounds, SettledRssKb()));
        }
        var late = samples.Skip(samples.Count / 2).ToList();
        double slope = SlopeKbPerRound(late);
        long growthKb = samples[^1].Kb - samples[0].Kb;
        Console.WriteLine($"leak test: {rounds} rounds in {sw.Elapsed.TotalSeconds:0.0} s, RSS growth {growthKb / 1024.0:0.0} MB, " +
                          $"second-half slope {slope:0.0} KB/round ({string.Join(' ', samples.Select(x => x.Kb / 1024))} MB)");
        Assert.True(late.Count >= 3, "too few samples to judge");
        Assert.True(growthKb < 50 * 1024, $"RSS grew {growthKb / 1024} MB over {rounds} rounds");
        Assert.True(slope < 60, $"RSS grew {slope:0} KB per round over the second half of {rounds} rounds");
    }

    private static long SettledRssKb()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        MallocTrim(0);
        return RssKb();
    }

    /// <summary>Least-squares slope of RSS over rounds.</summary>
    private static double SlopeKbPerRound(IReadOnlyList<(int Round, long Kb)> s)
    {
        double mx = s.Average(p => p.Round), my = s.Average(p => (double)p.Kb);
        double sxy = s.Sum(p => (p.Round - mx) * (p.Kb - my)), sxx = s.Sum(p => (p.Round - mx) * (p.Round - mx));
        return sxx == 0 ? 0 : sxy / sxx;
    }

    // glibc keeps freed blocks in its arenas; trimming returns them so RSS follows what is live.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
