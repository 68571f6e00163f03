using Extractor.Imaging;

namespace Extractor.Tests.Tables;

public class ContrastTests
{
    private static GrayImage GrainyCell(int paper, int ink, int seed)
    {
        var rng = new Random(seed);
        var img = new GrayImage(60, 30, 200);
        for (int y = 0; y < img.Height; y++)
            for (int x = 0; x < img.Width; x++)
                img[x, y] = (byte)(paper + rng.Next(-12, 13));
        for (int y = 8; y < 22; y++)
            for (int x = 20; x < 24; x++) img[x, y] = (byte)(ink + rng.Next(-5, 6)); // one stroke
        return img;
    }

    [Fact]
    public void Paper_becomes_white_and_ink_black()
    {
        var src = GrainyCell(paper: 190, ink: 70, seed: 3);
        var dst = Contrast.WhitenPaper(src);
        int median = src.Pixels.Order().ElementAt(src.Pixels.Length / 2);
        for (int i = 0; i < src.Pixels.Length; i++)
            if (src.Pixels[i] >= median) Assert.Equal(255, dst.Pixels[i]);
        Assert.True(dst[21, 15] < 40, $"stroke {dst[21, 15]}");
        // Darker stays darker: the stretch keeps the order of grays.
        for (int i = 1; i < src.Pixels.Length; i++)
            if (src.Pixels[i] < src.Pixels[i - 1]) Assert.True(dst.Pixels[i] <= dst.Pixels[i - 1]);
    }

    [Fact]
    public void A_crop_without_ink_is_left_as_it_is()
    {
        var src = new GrayImage(40, 20, 200);
        var rng = new Random(5);
        for (int i = 0; i < src.Pixels.Length; i++) src.Pixels[i] = (byte)(200 + rng.Next(-5, 6));
        Assert.Equal(src.Pixels, Contrast.WhitenPaper(src).Pixels);
    }
}
