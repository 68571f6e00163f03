using Extractor.Pdf;

namespace Extractor.Tests.Engines;

public class PdfDocumentTests
{
    [Fact]
    public void OpensRealJiangsuPdfWithPagesGlyphsAndRender()
    {
        using var doc = PdfDocument.Open(EngineTestData.JiangsuPdf);
        Assert.True(doc.PageCount > 3);
        bool found = false;
        for (int i = 0; i < doc.PageCount && !found; i++)
        {
            using var page = doc.GetPage(i);
            Assert.InRange(page.WidthPt, 500, 900);
            Assert.InRange(page.HeightPt, 500, 900);
            var glyphs = page.GetGlyphs();
            foreach (var g in glyphs)
            {
                Assert.InRange(g.Box.X, -1, page.WidthPt + 1);
                Assert.InRange(g.Box.Bottom, -1, page.HeightPt + 1);
            }
            string joined = string.Concat(glyphs.Select(g => g.Text));
            found = joined.Contains("一般公共服务支出");
            Console.WriteLine($"page {i}: {page.WidthPt}x{page.HeightPt} rot {page.Rotation} glyphs {glyphs.Count} images {page.GetImageBoxes().Count} found {found}");
        }
        Assert.True(found);
    }
}
