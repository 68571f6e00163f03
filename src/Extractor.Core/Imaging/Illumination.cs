namespace Extractor.Imaging;

/// <summary>
/// Evens out phone-photo lighting: the paper's brightness is estimated as the local maximum over blocks (ink is
/// small and dark, paper is everywhere), each pixel is divided by it, and the result is stretched so the
/// darkest ink is black again. A dim corner or a shadow over a faint page otherwise makes Tesseract's global
/// threshold drop whole text blocks (measured: a contents page read as no text at all, read after flattening).
/// </summary>
public static class Illumination
{
    /// <summary>Flattened and contrast-stretched copy; <paramref name="windowIn"/> is the paper estimate's reach.</summary>
    public static GrayImage Flatten(GrayImage src, double windowIn = 0.2)
    {
        ArgumentNullException.ThrowIfNull(src);
        int w = src.Width, h = src.Height;
        // Paper level on a coarse grid of blocks: block maxima, then a max over the neighbouring blocks.
        int block = Math.Max(2, (int)Math.Round(windowIn * src.Dpi / 5));
        int bw = (w + block - 1) / block, bh = (h + block - 1) / block;
        var blockMax = new byte[bw * bh];
        for (int y = 0; y < h; y++)
        {
            int by = y / block, row = y * w;
            for (int x = 0; x < w; x++)
            {
                int i = by * bw + x / block;
                byte p = src.Pixels[row + x];
                if (p > blockMax[i]) blockMax[i] = p;
            }
        }
        var paper = new byte[bw * bh];
        const int reach = 2;
        for (int by = 0; by < bh; by++)
            for (int bx = 0; bx < bw; bx++)
            {
                byte m = 0;
                for (int dy = Math.Max(0, by - reach); dy <= Math.Min(bh - 1, by + reach); dy++)
                    for (int dx = Math.Max(0, bx - reach); dx <= Math.Min(bw - 1, bx + reach); dx++)
                        m = Math.Max(m, blockMax[dy * bw + dx]);
                paper[by * bw + bx] = m;
            }

        var flat = new byte[w * h];
        var hist = new int[256];
        for (int y = 0; y < h; y++)
        {
            int row = y * w, prow = y / block * bw;
            for (int x = 0; x < w; x++)
            {
                int bg = Math.Max(1, (int)paper[prow + x / block]);
                int v = Math.Min(255, src.Pixels[row + x] * 255 / bg);
                flat[row + x] = (byte)v;
                hist[v]++;
            }
        }
        // Stretch: the darkest half percent of pixels (the ink) becomes black, and the paper white. Paper is most of
        // any page, so the 25th percentile is still paper; the local maximum above leaves paper a little under 255
        // where lighting falls off, and this lifts it back.
        long acc = 0, n = (long)w * h;
        int lo = 0, hi = 255;
        for (; lo < 254; lo++) { acc += hist[lo]; if (acc > n * 0.005) break; }
        acc = 0;
        for (int v = 0; v < 256; v++) { acc += hist[v]; if (acc > n * 0.25) { hi = v; break; } }
        // On a sparse page (a contents page: four lines of text) ink is under half a percent of the pixels and that
        // percentile is paper: everything but the lightest paper turned black, and Tesseract read nothing. The
        // darkest ink sets a bound: black starts no more than a third of the way from it to the paper.
        int darkest = 0;
        acc = 0;
        for (; darkest < 254; darkest++) { acc += hist[darkest]; if (acc > n * 0.0005) break; }
        lo = Math.Min(lo, darkest + (hi - darkest) / 3);
        hi = Math.Max(hi, lo + 16);
        var result = new GrayImage(w, h, src.Dpi);
        int span = hi - lo;
        for (int i = 0; i < flat.Length; i++) result.Pixels[i] = (byte)Math.Clamp((flat[i] - lo) * 255 / span, 0, 255);
        return result;
    }
}
