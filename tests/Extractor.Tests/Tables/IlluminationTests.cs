using Extractor.Imaging;

namespace Extractor.Tests.Tables;

public class IlluminationTests
{
    [Fact]
    public void Flatten_makes_shadowed_paper_white_and_faint_ink_black()
    {
        // 200 dpi page: paper falls from 235 on the left to 120 in a shadow on the right; "ink" strokes are 40 levels
        // darker than the paper around them (faint print), everywhere on the page.
        int w = 800, h = 600;
        var img = new GrayImage(w, h, 200);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int paper = 235 - 115 * x / w;
                bool ink = y % 60 is >= 20 and < 24 && x % 50 < 35;
                img.Pixels[y * w + x] = (byte)(ink ? paper - 40 : paper);
            }
        var flat = Illumination.Flatten(img);
        Assert.Equal(img.Width, flat.Width);
        Assert.Equal(img.Dpi, flat.Dpi);
        // Paper near the shadowed edge is now as white as on the bright side, and ink is far darker than paper.
        byte PaperAt(GrayImage g, int x) => g.Pixels[40 * w + x];
        byte InkAt(GrayImage g, int x) => g.Pixels[21 * w + x];
        Assert.True(PaperAt(flat, 10) >= 240 && PaperAt(flat, w - 20) >= 240, $"paper {PaperAt(flat, 10)} / {PaperAt(flat, w - 20)}");
        Assert.True(InkAt(flat, w - 30) < 100, $"ink in the shadow {InkAt(flat, w - 30)}");
        // A single global threshold now separates ink from paper across the whole page, which it could not before.
        int t = Threshold.Otsu(flat);
        Assert.True(InkAt(flat, 10) <= t && InkAt(flat, w - 30) <= t && PaperAt(flat, w - 20) > t);
        int tRaw = Threshold.Otsu(img);
        Assert.False(InkAt(img, 10) <= tRaw && PaperAt(img, w - 20) > tRaw);
    }
}
