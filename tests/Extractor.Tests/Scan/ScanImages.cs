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
}
