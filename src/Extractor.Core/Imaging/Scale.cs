namespace Extractor.Imaging;

/// <summary>Image enlargement for OCR of small text.</summary>
public static class Scale
{
    /// <summary>Bilinear enlargement by an integer factor (the dpi grows with it).</summary>
    public static GrayImage Up(GrayImage src, int factor)
    {
        ArgumentNullException.ThrowIfNull(src);
        if (factor <= 1) return src;
        int w = src.Width * factor, h = src.Height * factor;
        var dst = new GrayImage(w, h, src.Dpi * factor);
        var s = src.Pixels; var d = dst.Pixels;
        int sw = src.Width, sh = src.Height;
        for (int y = 0; y < h; y++)
        {
            // Sample at pixel centres so the enlarged image is not shifted.
            double fy = Math.Clamp((y + 0.5) / factor - 0.5, 0, sh - 1);
            int y0 = (int)fy, y1 = Math.Min(sh - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < w; x++)
            {
                double fx = Math.Clamp((x + 0.5) / factor - 0.5, 0, sw - 1);
                int x0 = (int)fx, x1 = Math.Min(sw - 1, x0 + 1);
                double tx = fx - x0;
                double top = s[y0 * sw + x0] * (1 - tx) + s[y0 * sw + x1] * tx;
                double bottom = s[y1 * sw + x0] * (1 - tx) + s[y1 * sw + x1] * tx;
                d[y * w + x] = (byte)Math.Round(top * (1 - ty) + bottom * ty);
            }
        }
        return dst;
    }
}
