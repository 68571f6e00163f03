using Extractor.Interop;

namespace Extractor.Imaging;

/// <summary>
/// Skew detection by projection profiles and small-angle rotation. Angles are in degrees, positive = the content
/// is turned counter-clockwise as seen on screen; <c>Rotate(img, -FindSkewDegrees(img))</c> straightens a page.
/// </summary>
public static class Deskew
{
    /// <summary>Largest skew searched (phone scans and feeders stay well inside it).</summary>
    public const double MaxDegrees = 6;

    /// <summary>
    /// Finds the skew of text lines and ruling lines: dark pixels (sampled at ~100 dpi) are projected onto a tilted
    /// axis and the angle whose row histogram is sharpest (largest sum of squares) wins; coarse 0.2° search, then
    /// 0.02° around the best, then a parabola through the peak.
    /// </summary>
    public static double FindSkewDegrees(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (xs, ys, rows) = DarkPoints(image);
        if (xs.Length < 50) return 0;
        double best = Search(xs, ys, rows, -MaxDegrees, MaxDegrees, 0.2, out _);
        double fine = Search(xs, ys, rows, best - 0.25, best + 0.25, 0.02, out var scores);
        // Sub-step refinement: parabola through the best fine score and its neighbours.
        int i = (int)Math.Round((fine - (best - 0.25)) / 0.02);
        if (i > 0 && i < scores.Length - 1)
        {
            double a = scores[i - 1], b = scores[i], c = scores[i + 1];
            double denom = a - 2 * b + c;
            if (denom < 0) fine += 0.02 * 0.5 * (a - c) / denom;
        }
        return Math.Round(fine, 3);
    }

    /// <summary>
    /// Leptonica's pixFindSkew on the image thresholded at 128, in this class's sign convention; null when Leptonica
    /// cannot decide. Kept for comparison (see docs/NATIVE.md); <see cref="FindSkewDegrees"/> is the one to use.
    /// </summary>
    public static unsafe double? FindSkewDegreesLeptonica(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        NativeEnvironment.Require(NativeEnvironment.Leptonica);
        using var pix8 = new PixHandle(LeptonicaNative.pixCreate(image.Width, image.Height, 8));
        if (pix8.IsInvalid) throw new OutOfMemoryException("pixCreate failed");
        uint* data = (uint*)LeptonicaNative.pixGetData(pix8);
        int wpl = LeptonicaNative.pixGetWpl(pix8);
        fixed (byte* src = image.Pixels)
            for (int y = 0; y < image.Height; y++)
            {
                byte* row = (byte*)(data + (long)y * wpl);
                byte* s = src + (long)y * image.Width;
                // Leptonica keeps pixels in 32-bit words, most significant byte first: byte x lives at x ^ 3.
                for (int x = 0; x < image.Width; x++) row[x ^ 3] = s[x];
            }
        using var pix1 = new PixHandle(LeptonicaNative.pixConvertTo1(pix8, 128));
        if (pix1.IsInvalid) return null;
        if (LeptonicaNative.pixFindSkew(pix1, out float angle, out float conf) != 0 || conf <= 0) return null;
        return angle; // measured: same sign as FindSkewDegrees (content turned counter-clockwise = positive)
    }

    /// <summary>Rotates about the centre by <paramref name="degrees"/> (counter-clockwise on screen), bilinear,
    /// same size, uncovered corners white.</summary>
    public static unsafe GrayImage Rotate(GrayImage src, double degrees)
    {
        ArgumentNullException.ThrowIfNull(src);
        if (Math.Abs(degrees) < 1e-4) return src.Clone();
        int w = src.Width, h = src.Height;
        var dst = new GrayImage(w, h, src.Dpi);
        double th = degrees * Math.PI / 180, cos = Math.Cos(th), sin = Math.Sin(th);
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        const int Shift = 16, One = 1 << Shift;
        fixed (byte* s = src.Pixels, d = dst.Pixels)
        {
            for (int y = 0; y < h; y++)
            {
                double dy = y - cy;
                // inverse map: source = R(-θ)·(dest - c) + c in screen coordinates (y down)
                double sx0 = cx - dy * sin - cx * cos, sy0 = cy + dy * cos - cx * sin;
                long fx = (long)(sx0 * One), fy = (long)(sy0 * One);
                long stepX = (long)(cos * One), stepY = (long)(sin * One);
                byte* drow = d + (long)y * w;
                for (int x = 0; x < w; x++, fx += stepX, fy += stepY)
                {
                    long ix = fx >> Shift, iy = fy >> Shift;
                    if (ix < 0 || iy < 0 || ix >= w - 1 || iy >= h - 1) continue; // stays white
                    int ax = (int)(fx & (One - 1)) >> 8, ay = (int)(fy & (One - 1)) >> 8; // 8-bit weights
                    byte* p = s + iy * w + ix;
                    int top = p[0] * (256 - ax) + p[1] * ax;
                    int bot = p[w] * (256 - ax) + p[w + 1] * ax;
                    drow[x] = (byte)((top * (256 - ay) + bot * ay + (1 << 15)) >> 16);
                }
            }
        }
        return dst;
    }

    /// <summary>
    /// Edge points on a grid of about 100 dpi (a cell is dark when its darkest pixel is below an Otsu threshold):
    /// dark cells with a light cell above or below. Using edges instead of all dark cells keeps large dark areas
    /// (the table behind a phone-scanned sheet, black scanner borders) from outweighing text lines and rules.
    /// </summary>
    private static (float[] Xs, float[] Ys, int Rows) DarkPoints(GrayImage img)
    {
        int step = Math.Max(1, (int)Math.Round((img.Dpi > 0 ? img.Dpi : 200) / 100.0));
        int gw = img.Width / step, gh = img.Height / step;
        var p = img.Pixels;
        var grid = new byte[gw * gh];
        var hist = new int[256];
        for (int gy = 0; gy < gh; gy++)
            for (int gx = 0; gx < gw; gx++)
            {
                int min = 255;
                for (int yy = 0; yy < step; yy++)
                {
                    int o = (gy * step + yy) * img.Width + gx * step;
                    for (int xx = 0; xx < step; xx++) if (p[o + xx] < min) min = p[o + xx];
                }
                grid[gy * gw + gx] = (byte)min;
                hist[min]++;
            }
        int threshold = Math.Clamp(Otsu(hist), 60, 200);
        var xs = new List<float>(); var ys = new List<float>();
        // Skip a 2% margin: scanner edges and page borders are long dark runs that are not text.
        int mx = gw / 50, my = Math.Max(1, gh / 50);
        for (int gy = my; gy < gh - my; gy++)
            for (int gx = mx; gx < gw - mx; gx++)
            {
                int i = gy * gw + gx;
                if (grid[i] >= threshold) continue;
                if (grid[i - gw] >= threshold || grid[i + gw] >= threshold) { xs.Add(gx); ys.Add(gy); }
            }
        // Cap the work on very busy pages: an even subsample keeps the profile shape.
        const int Cap = 250_000;
        if (xs.Count > Cap)
        {
            int k = xs.Count / Cap + 1;
            var sx = new List<float>(); var sy = new List<float>();
            for (int i = 0; i < xs.Count; i += k) { sx.Add(xs[i]); sy.Add(ys[i]); }
            xs = sx; ys = sy;
        }
        return (xs.ToArray(), ys.ToArray(), gh);
    }

    /// <summary>Otsu's threshold of a 256-bin histogram.</summary>
    private static int Otsu(int[] hist)
    {
        long total = 0, sum = 0;
        for (int i = 0; i < 256; i++) { total += hist[i]; sum += (long)i * hist[i]; }
        long wB = 0, sumB = 0; double best = -1; int t = 128;
        for (int i = 0; i < 256; i++)
        {
            wB += hist[i];
            if (wB == 0) continue;
            long wF = total - wB;
            if (wF == 0) break;
            sumB += (long)i * hist[i];
            double mB = (double)sumB / wB, mF = (double)(sum - sumB) / wF;
            double between = (double)wB * wF * (mB - mF) * (mB - mF);
            if (between > best) { best = between; t = i + 1; }
        }
        return t;
    }

    private static double Search(float[] xs, float[] ys, int rows, double from, double to, double step, out double[] scores)
    {
        int n = (int)Math.Round((to - from) / step) + 1;
        scores = new double[n];
        float maxX = xs.Max();
        int pad = (int)Math.Ceiling(maxX * Math.Tan(MaxDegrees * 1.2 * Math.PI / 180)) + 2;
        var hist = new int[rows + 2 * pad];
        double bestScore = double.MinValue, best = 0;
        for (int k = 0; k < n; k++)
        {
            double a = from + k * step;
            float t = (float)Math.Tan(a * Math.PI / 180);
            Array.Clear(hist);
            for (int i = 0; i < xs.Length; i++)
            {
                int r = (int)(ys[i] + xs[i] * t + pad + 0.5f);
                if ((uint)r < (uint)hist.Length) hist[r]++;
            }
            double score = 0;
            foreach (int c in hist) score += (double)c * c;
            scores[k] = score;
            if (score > bestScore) { bestScore = score; best = a; }
        }
        return best;
    }
}
