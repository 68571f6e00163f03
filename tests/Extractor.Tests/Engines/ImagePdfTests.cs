using Extractor.Imaging;
using Extractor.Pdf;

namespace Extractor.Tests.Engines;

public class ImagePdfTests
{
    [Fact]
    public void ImageOnlyPdfRoundTripHasNoGlyphsAndRendersTheSameInk()
    {
        var render = EngineTestData.RenderJiangsuPage(13, 150);
        string dir = EngineTestData.Scratch();
        string path = Path.Combine(dir, "scan.pdf");
        ImagePdfWriter.Write(path, [render, render]);
        Assert.True(new FileInfo(path).Length > 1000);

        using var scan = PdfDocument.Open(path);
        Assert.Equal(2, scan.PageCount);
        using var p0 = scan.GetPage(0);
        Assert.Equal(render.Width * 72.0 / 150, p0.WidthPt, 1);
        Assert.Equal(render.Height * 72.0 / 150, p0.HeightPt, 1);
        Assert.Empty(p0.GetGlyphs());
        var images = p0.GetImageBoxes();
        Assert.Single(images);
        Assert.True(images[0].Width > p0.WidthPt * 0.95 && images[0].Height > p0.HeightPt * 0.95);

        var again = p0.Render(150);
        Assert.Equal(render.Width, again.Width);
        int diff = 0;
        for (int i = 0; i < render.Pixels.Length; i++) if (Math.Abs(render.Pixels[i] - again.Pixels[i]) > 40) diff++;
        Assert.True(diff < render.Pixels.Length / 100, $"{diff} pixels differ");
        Directory.Delete(dir, true);
    }

    [Fact]
    public void RgbWriterKeepsTheImageUpright()
    {
        // A dark band in the top quarter must render at the top of the page (no flip between image and PDF space).
        var img = new GrayImage(200, 400, 72);
        for (int y = 0; y < 100; y++) for (int x = 0; x < 200; x++) img[x, y] = 0;
        string dir = EngineTestData.Scratch();
        string path = Path.Combine(dir, "band.pdf");
        var rgb = new byte[200 * 400 * 3];
        for (int i = 0; i < img.Pixels.Length; i++) rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = img.Pixels[i];
        ImagePdfWriter.Write(path, [(rgb, 200, 400, 72.0)]);
        using var doc = PdfDocument.Open(path);
        using var page = doc.GetPage(0);
        Assert.Equal(200, page.WidthPt, 1);
        Assert.Equal(400, page.HeightPt, 1);
        var r = page.Render(72);
        Assert.True(r[100, 50] < 30);
        Assert.True(r[100, 300] > 225);
        Directory.Delete(dir, true);
    }
}
