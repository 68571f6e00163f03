namespace Extractor.Imaging;

/// <summary>Global thresholds for gray pages: Otsu for ink, a more permissive one for faint ruling lines.</summary>
public static class Threshold
{
    public static int[] Histogram(GrayImage img)
    {
        var h = new int[256];
        foreach (byte p in img.Pixels) h[p]++;
        return h;
    }

    /// <summary>Otsu's threshold: pixels &lt;= the result are ink.</summary>
    public static int Otsu(int[] hist)
    {
        long total = 0, sum = 0;
        for (int i = 0; i < 256; i++) { total += hist[i]; sum += (long)i * hist[i]; }
        if (total == 0) return 127;
        long wB = 0, sumB = 0;
        double best = -1; int t = 127;
        for (int i = 0; i < 255; i++)
        {
            wB += hist[i];
            if (wB == 0) continue;
            long wF = total - wB;
            if (wF == 0) break;
            sumB += (long)i * hist[i];
            double mB = (double)sumB / wB, mF = (double)(sum - sumB) / wF;
            double between = (double)wB * wF * (mB - mF) * (mB - mF);
            if (between > best) { best = between; t = i; }
        }
        return t;
    }

    public static int Otsu(GrayImage img) => Otsu(Histogram(img));

    /// <summary>The smallest gray with at least <paramref name="count"/> pixels at or below it (255 when none is).</summary>
    public static int GrayAtCount(int[] hist, long count)
    {
        long seen = 0;
        for (int v = 0; v < 256; v++) { seen += hist[v]; if (seen >= count) return v; }
        return 255;
    }

    /// <summary>The paper's gray level: the most frequent value in the brighter half of the histogram.</summary>
    public static int Paper(int[] hist)
    {
        int best = 255;
        for (int i = 128; i < 256; i++) if (hist[i] > hist[best]) best = i;
        return best;
    }

    /// <summary>
    /// Threshold for ruling lines: halfway between Otsu and the paper, so thin anti-aliased or faint rules
    /// (light gray on a render, washed out on a scan) still count as ink; noise is removed later by the
    /// length filter of the line opening.
    /// </summary>
    public static int ForLines(int[] hist)
    {
        int otsu = Otsu(hist), paper = Paper(hist);
        if (paper <= otsu) return otsu;
        return otsu + (paper - otsu) * 2 / 3;
    }

    /// <summary>Ink where the gray value is at or below <paramref name="t"/>.</summary>
    public static BinaryImage Binarize(GrayImage img, int t)
    {
        var b = new BinaryImage(img.Width, img.Height);
        var src = img.Pixels; var dst = b.Bits;
        for (int i = 0; i < src.Length; i++) dst[i] = src[i] <= t ? (byte)1 : (byte)0;
        return b;
    }
}
