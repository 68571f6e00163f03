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
        // A page of running text; OSD is slow (legacy classifier on every blob), 100 dpi is enough.
        var render = EngineTestData.RenderJiangsuPage(2, 100);
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

    [Fact]
    public void Decimal_points_sit_at_the_foot_of_an_upright_page_and_the_head_of_a_turned_one()
    {
        GrayImage render;
        using (var doc = PdfDocument.Open(EngineTestData.JiangsuPdf))
        using (var page = doc.GetPage(OcrFixture.PageWith(doc, "一般公共服务支出")))
            render = page.Render(200);
        var (foot, head) = Orientation.PunctuationVotes(render);
        Assert.True(foot >= 8 && foot >= 3 * head, $"upright: foot {foot}, head {head}");
        var (foot2, head2) = Orientation.PunctuationVotes(Rotation.Rotate90(render, 2));
        Assert.True(head2 >= 8 && head2 >= 3 * foot2, $"turned: foot {foot2}, head {head2}");
        // Paper alone says nothing.
        Assert.Equal((0, 0), Orientation.PunctuationVotes(new GrayImage(400, 300, 200, Enumerable.Repeat((byte)235, 400 * 300).ToArray())));
    }

    [Fact]
    public void Scanned_table_pages_are_turned_upright_both_ways_up()
    {
        // Ruled tables of small print read about as badly either way up in a strip the rules cross, so the flip
        // rests on up to four strips; every table page of a real disclosure, made scan-like, comes out upright.
        using var engine = new OcrEngine();
        using var doc = PdfDocument.Open(EngineTestData.JiangsuPdf);
        int checkedPages = 0;
        for (int i = 0; i < doc.PageCount && checkedPages < 4; i++)
        {
            using var page = doc.GetPage(i);
            if (!string.Concat(page.GetGlyphs().Select(g => g.Text)).Contains("合计")) continue;
            var scan = Extractor.Tests.Scan.ScanImages.Grain(Extractor.Tests.Scan.ScanImages.Soften(page.Render(200)), 225, 12, 4, i);
            Assert.Equal(0, Orientation.Detect(scan, engine).QuarterTurns);
            Assert.Equal(2, Orientation.Detect(Rotation.Rotate90(scan, 2), engine).QuarterTurns);
            checkedPages++;
        }
        Assert.Equal(4, checkedPages);
    }

    [Fact]
    public void TextLinesGiveTheAxisOfAPageWithoutRules()
    {
        var c = new Extractor.Tests.Tables.Canvas(850, 1100, dpi: 100, seed: 4);
        for (int line = 0; line < 12; line++) c.Text(120, 150 + line * 30, 6 + line % 5 * 4, 14);
        double upright = Orientation.HorizontalTextShare(c.Image);
        double sideways = Orientation.HorizontalTextShare(Rotation.Rotate90(c.Image, 1));
        Assert.InRange(upright, 0.8, 1.0);
        Assert.InRange(sideways, 0.0, 0.2);
        Assert.Equal(-1, Orientation.HorizontalTextShare(new GrayImage(850, 1100, 100, Enumerable.Repeat((byte)235, 850 * 1100).ToArray())));
    }

    [Fact]
    public void PageWithTextOnlyInItsTopQuarterIsTurnedUpright()
    {
        // A contents page: a few lines at the top, the rest blank. The flip used to be read from the middle half of
        // the page only, which was paper.
        var render = EngineTestData.RenderJiangsuPage(2, 200);
        var top = render.Clone();
        for (int i = render.Height / 4 * render.Width; i < top.Pixels.Length; i++) top.Pixels[i] = 245;
        using var engine = new OcrEngine();
        Assert.Equal(0, Orientation.Detect(top, engine).QuarterTurns);
        Assert.Equal(2, Orientation.Detect(Rotation.Rotate90(top, 2), engine).QuarterTurns);
        var quarter = Orientation.Detect(Rotation.Rotate90(top, 1), engine);
        Assert.Equal(3, quarter.QuarterTurns);
    }
}
