namespace Extractor.Imaging;

/// <summary>Gray-level stretches for small crops handed to the OCR engine.</summary>
public static class Contrast
{
    /// <summary>
    /// Paper to white, ink to black: every pixel at or above the crop's paper gray (its median) becomes 255 and the
    /// rest is stretched linearly from the darkest percent of pixels to the paper. The paper's grain is what is
    /// gone: Tesseract binarises a small crop by its own threshold, and on a gray, grainy cell it read a clean
    /// "7.5" as "区)" or "了" (the same crop with the paper whitened read "7.5").
    /// </summary>
    public static GrayImage WhitenPaper(GrayImage img)
    {
        ArgumentNullException.ThrowIfNull(img);
        var hist = new int[256];
        foreach (var b in img.Pixels) hist[b]++;
        int n = img.Pixels.Length;
        // The darkest percent, and the median (more than that many pixels at or below each).
        int dark = Threshold.GrayAtCount(hist, n / 100 + 1), paper = Threshold.GrayAtCount(hist, n / 2 + 1);
        var dst = new GrayImage(img.Width, img.Height, img.Dpi);
        if (paper - dark < 16) { Array.Copy(img.Pixels, dst.Pixels, n); return dst; } // no ink to speak of
        var map = new byte[256];
        for (int v = 0; v < 256; v++) map[v] = (byte)Math.Clamp((v - dark) * 255 / (paper - dark), 0, 255);
        for (int i = 0; i < n; i++) dst.Pixels[i] = map[img.Pixels[i]];
        return dst;
    }

}
