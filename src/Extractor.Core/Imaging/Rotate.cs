namespace Extractor.Imaging;

/// <summary>Quarter-turn rotations (page orientation), exact and lossless.</summary>
public static class Rotation
{
    /// <summary>Rotates clockwise by <paramref name="quarterTurns"/> × 90° (negative = counter-clockwise).</summary>
    public static GrayImage Rotate90(GrayImage src, int quarterTurns)
    {
        ArgumentNullException.ThrowIfNull(src);
        int q = ((quarterTurns % 4) + 4) % 4;
        if (q == 0) return src.Clone();
        int w = src.Width, h = src.Height;
        var dst = q == 2 ? new GrayImage(w, h, src.Dpi) : new GrayImage(h, w, src.Dpi);
        var s = src.Pixels; var d = dst.Pixels;
        int dw = dst.Width;
        for (int y = 0; y < h; y++)
        {
            int row = y * w;
            for (int x = 0; x < w; x++)
            {
                byte v = s[row + x];
                switch (q)
                {
                    case 1: d[x * dw + (h - 1 - y)] = v; break;           // clockwise: (x,y) → (h-1-y, x)
                    case 2: d[(h - 1 - y) * w + (w - 1 - x)] = v; break;
                    default: d[(w - 1 - x) * dw + y] = v; break;          // counter-clockwise: (x,y) → (y, w-1-x)
                }
            }
        }
        return dst;
    }
}
