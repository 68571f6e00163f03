using Extractor.Imaging;

namespace Extractor.Tests.Scan;

/// <summary>Degradations that turn a clean render into something like a phone scan.</summary>
internal static class ScanImages
{
    /// <summary>A phone camera's softness: a 3×3 box blur.</summary>
    public static GrayImage Soften(GrayImage src)
    {
        var dst = src.Clone();
        for (int y = 1; y < src.Height - 1; y++)
            for (int x = 1; x < src.Width - 1; x++)
            {
                int s = 0;
                for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) s += src[x + dx, y + dy];
                dst[x, y] = (byte)(s / 9);
            }
        return dst;
    }

    /// <summary>
    /// Gray, grainy paper: the page darkened to <paramref name="paper"/> and jittered by up to ±<paramref name="amplitude"/>
    /// in blocks of <paramref name="block"/> pixels (a phone sensor's noise after JPEG is blotchy, not per pixel).
    /// </summary>
    public static GrayImage Grain(GrayImage src, int paper, int amplitude, int block, int seed)
    {
        var rng = new Random(seed);
        int bw = (src.Width + block - 1) / block, bh = (src.Height + block - 1) / block;
        var jitter = new int[bw * bh];
        for (int i = 0; i < jitter.Length; i++) jitter[i] = rng.Next(-amplitude, amplitude + 1);
        var dst = src.Clone();
        for (int y = 0; y < src.Height; y++)
            for (int x = 0; x < src.Width; x++)
                dst[x, y] = (byte)Math.Clamp(src[x, y] * paper / 255 + jitter[y / block * bw + x / block], 0, 255);
        return dst;
    }

    /// <summary>The first page of a PDF rendered at <paramref name="dpi"/>.</summary>
    public static GrayImage FirstPage(string pdf, int dpi)
    {
        using var doc = Extractor.Pdf.PdfDocument.Open(pdf);
        using var page = doc.GetPage(0);
        return page.Render(dpi);
    }
}
