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
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        long before = RssKb();
        var sw = Stopwatch.StartNew();
        int rounds = 0;
        // Up to 300 rounds, bounded in time so a loaded CI machine still finishes quickly.
        while (rounds < 300 && (sw.Elapsed.TotalSeconds < 25 || rounds < 60)) Round(rounds++);
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        long growthKb = RssKb() - before;
        Console.WriteLine($"leak test: {rounds} rounds in {sw.Elapsed.TotalSeconds:0.0} s, RSS growth {growthKb / 1024.0:0.0} MB");
        Assert.True(growthKb < 50 * 1024, $"RSS grew {growthKb / 1024} MB over {rounds} rounds");
        Assert.True(growthKb / (double)rounds < 100, $"RSS grew {growthKb / (double)rounds:0} KB per round");
    }
}
