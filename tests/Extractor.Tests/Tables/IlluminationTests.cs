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

    [Fact]
    public void Flatten_keeps_the_paper_of_a_sparse_page_white()
    {
        // A contents page: a few short lines of gray print (140 on paper of 230), 0.2 % of the pixels. Taking the
        // darkest half percent as ink would make most of the paper black.
        int w = 1000, h = 1400;
        var img = new GrayImage(w, h, 200);
        Array.Fill(img.Pixels, (byte)230);
        int inkPixels = 0;
        for (int line = 0; line < 4; line++)
            for (int y = 200 + 60 * line; y < 204 + 60 * line; y++)
                for (int x = 100; x < 450; x++)
                    if (x % 25 < 18) { img.Pixels[y * w + x] = 140; inkPixels++; }
        Assert.True(inkPixels < 0.005 * w * h);
        var flat = Illumination.Flatten(img);
        Assert.True(flat.Pixels[900 * w + 500] >= 240, $"paper {flat.Pixels[900 * w + 500]}");
        Assert.True(flat.Pixels[201 * w + 101] < 100, $"ink {flat.Pixels[201 * w + 101]}");
    }
}
