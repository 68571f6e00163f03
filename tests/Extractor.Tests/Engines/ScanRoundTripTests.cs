using System.Diagnostics;
using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pdf;

namespace Extractor.Tests.Engines;

public class ScanRoundTripTests
{
    [Fact]
    public void ImageOnlyPdfIsDetectedAndOcrFindsTheText()
    {
        string dir = EngineTestData.Scratch();
        try
        {
            Glyph[] label;
            GrayImage render;
            using (var doc = PdfDocument.Open(EngineTestData.JiangsuPdf))
            using (var page = doc.GetPage(OcrFixture.PageWith(doc, "一般公共服务支出")))
            {
                var glyphs = page.GetGlyphs();
                int at = string.Concat(glyphs.Select(g => g.Text)).IndexOf("一般公共服务支出", StringComparison.Ordinal);
                label = glyphs.Skip(at).Take(8).ToArray();
                render = page.Render(200);
            }
            // A phone scan: slightly turned page image only.
            string path = Path.Combine(dir, "scan.pdf");
            ImagePdfWriter.Write(path, [Deskew.Rotate(render, 1.2)]);

            using var scan = PdfDocument.Open(path);
            using var p = scan.GetPage(0);
            var glyphsOfScan = p.GetGlyphs();
            Assert.Empty(glyphsOfScan);
            Assert.False(TextLayer.Assess(glyphsOfScan, p.WidthPt, p.HeightPt).Usable);
            Assert.NotEmpty(p.GetImageBoxes());

            var img = p.Render(200);
            double skew = Deskew.FindSkewDegrees(img);
            Assert.InRange(skew, 1.0, 1.4);
            var straight = Deskew.Rotate(img, -skew);
            var box = label[0].Box.Union(label[^1].Box);
            var region = new PixelRect((int)straight.PtToPx(box.X - 3), (int)straight.PtToPx(box.Y - 3),
                (int)straight.PtToPx(box.Width + 6), (int)straight.PtToPx(box.Height + 6));
            using var engine = new OcrEngine();
            var res = engine.Recognize(straight, region);
            Assert.Contains("公共服务支出", res.Text.Replace(" ", ""));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void OrientationOfAnUpsideDownPage()
    {
        GrayImage render;
        using (var doc = PdfDocument.Open(EngineTestData.JiangsuPdf))
        using (var page = doc.GetPage(2)) // a page of running text
            render = page.Render(100); // OSD is slow (legacy classifier on every blob); 100 dpi is enough
        using var engine = new OcrEngine();
        var sw = Stopwatch.StartNew();
        var upright = engine.DetectOrientation(render);
        var turned = engine.DetectOrientation(Rotation.Rotate90(render, 2));
        var quarter = engine.DetectOrientation(Rotation.Rotate90(render, 1));
        Console.WriteLine($"OSD upright {upright}, 180 {turned}, 90cw {quarter}: {sw.ElapsedMilliseconds / 3} ms each");
        Assert.NotNull(upright);
        Assert.Equal(0, upright!.Degrees);
        Assert.Equal(180, turned!.Degrees);
        Assert.Equal(90, quarter!.Degrees); // clockwise turn seen; Rotate90(img, -Degrees / 90) straightens
    }
}
