using Extractor.Domain;
using Extractor.Pdf;

namespace Extractor.Tests.Engines;

public class TextLayerTests
{
    private const double W = 595, H = 842;

    private static List<Glyph> Line(string text, double x, double y, double size = 10)
    {
        var list = new List<Glyph>();
        foreach (var r in text.EnumerateRunes())
        {
            list.Add(new Glyph(r.ToString(), new Box(x, y, size, size)));
            x += size;
        }
        return list;
    }

    [Fact]
    public void RealJiangsuPagesAreUsable()
    {
        using var doc = PdfDocument.Open(EngineTestData.JiangsuPdf);
        for (int i = 0; i < doc.PageCount; i++)
        {
            using var page = doc.GetPage(i);
            var v = TextLayer.Assess(page.GetGlyphs(), page.WidthPt, page.HeightPt);
            Assert.True(v.Usable, $"page {i + 1}: {v.Reason}");
        }
    }

    [Fact]
    public void NoGlyphsIsUnusable()
    {
        var v = TextLayer.Assess([], W, H);
        Assert.False(v.Usable);
        Assert.Contains("no", v.Reason);
        Assert.False(TextLayer.Assess(Line("   ", 10, 10), W, H).Usable);
    }

    [Fact]
    public void ScannerWatermarkOnlyIsUnusable()
    {
        var glyphs = Line("扫描全能王 创建", 400, 800).Concat(Line("3亿人都在用的扫描App", 400, 815, 6)).ToList();
        var v = TextLayer.Assess(glyphs, W, H);
        Assert.False(v.Usable);
        Assert.Contains("watermark", v.Reason);
        Assert.False(TextLayer.Assess(Line("Scanned with CamScanner", 200, 420), W, H).Usable);
    }

    [Fact]
    public void FooterBandOnlyIsUnusable()
    {
        var v = TextLayer.Assess(Line("第 3 页 共 12 页", 260, 815), W, H);
        Assert.False(v.Usable);
        Assert.Contains("footer", v.Reason);
    }

    [Fact]
    public void GarbageGlyphsAreUnusable()
    {
        var pua = Line("\uE001\uE002\uE003\uE004\uE005\uE006\uE007\uE008\uE009\uE00A", 50, 100);
        Assert.False(TextLayer.Assess(pua, W, H).Usable);
        var replacement = Line(new string('\uFFFD', 20) + "123", 50, 100);
        Assert.False(TextLayer.Assess(replacement, W, H).Usable);
        var control = Line("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008abc", 50, 100);
        Assert.False(TextLayer.Assess(control, W, H).Usable);
        var latinJunk = Line("¸Ã×ÜÖ§³ö±í¼Æ¸ÃÊÕÈë", 50, 100); // GBK bytes read as Latin-1: no Unicode map
        Assert.False(TextLayer.Assess(latinJunk, W, H).Usable);
    }

    [Fact]
    public void RealTextWithWatermarkIsUsable()
    {
        var glyphs = Line("收支预算总表", 250, 100, 16)
            .Concat(Line("一般公共服务支出 2,345.67", 60, 200))
            .Concat(Line("扫描全能王 创建", 400, 815)).ToList();
        var v = TextLayer.Assess(glyphs, W, H);
        Assert.True(v.Usable, v.Reason);
    }
}
