namespace Extractor.Imaging;

/// <summary>
/// Binary morphology with line and rectangle structuring elements, written on runs so each pass is linear
/// in the number of pixels whatever the element size.
/// </summary>
public static class Morphology
{
    /// <summary>
    /// Opening with a 1×<paramref name="length"/> horizontal line: keeps exactly the horizontal ink runs of at
    /// least that length (what survives is every translate of the line that fits inside the ink).
    /// </summary>
    public static BinaryImage OpenHorizontal(BinaryImage src, int length) => Runs(src, length, horizontal: true, keepInk: true);

    /// <summary>Opening with a vertical line of <paramref name="length"/> pixels.</summary>
    public static BinaryImage OpenVertical(BinaryImage src, int length) => Runs(src, length, horizontal: false, keepInk: true);

    /// <summary>
    /// Closing with a horizontal line of <paramref name="gap"/>+1 pixels: fills paper runs of at most
    /// <paramref name="gap"/> pixels lying between two ink pixels of the same row (bridges broken rules).
    /// </summary>
    public static BinaryImage CloseHorizontal(BinaryImage src, int gap) => Runs(src, gap, horizontal: true, keepInk: false);

    /// <summary>Closing along columns: fills vertical paper gaps of at most <paramref name="gap"/> pixels.</summary>
    public static BinaryImage CloseVertical(BinaryImage src, int gap) => Runs(src, gap, horizontal: false, keepInk: false);

    // keepInk: drop ink runs shorter than n (opening). !keepInk: fill interior paper runs of at most n (closing).
    private static BinaryImage Runs(BinaryImage src, int n, bool horizontal, bool keepInk)
    {
        var dst = src.Clone();
        if (n <= 1 && keepInk) return dst;
        if (n <= 0) return dst;
        int lines = horizontal ? src.Height : src.Width, len = horizontal ? src.Width : src.Height;
        int step = horizontal ? 1 : src.Width;
        var b = src.Bits; var d = dst.Bits;
        for (int l = 0; l < lines; l++)
        {
            int start = horizontal ? l * src.Width : l;
            int i = 0;
            while (i < len)
            {
                byte v = b[start + i * step];
                int j = i;
                while (j < len && b[start + j * step] == v) j++;
                int runLen = j - i;
                if (keepInk && v == 1 && runLen < n)
                    for (int k = i; k < j; k++) d[start + k * step] = 0;
                else if (!keepInk && v == 0 && runLen <= n && i > 0 && j < len)
                    for (int k = i; k < j; k++) d[start + k * step] = 1;
                i = j;
            }
        }
        return dst;
    }

    /// <summary>Dilation with a (2rx+1)×(2ry+1) rectangle.</summary>
    public static BinaryImage Dilate(BinaryImage src, int rx, int ry) => Rect(src, rx, ry, dilate: true);

    /// <summary>Erosion with a (2rx+1)×(2ry+1) rectangle; pixels outside the image count as paper.</summary>
    public static BinaryImage Erode(BinaryImage src, int rx, int ry) => Rect(src, rx, ry, dilate: false);

    public static BinaryImage Open(BinaryImage src, int rx, int ry) => Dilate(Erode(src, rx, ry), rx, ry);

    public static BinaryImage Close(BinaryImage src, int rx, int ry) => Erode(Dilate(src, rx, ry), rx, ry);

    // Separable: a rectangle is a horizontal line then a vertical line; each pass uses a sliding count.
    private static BinaryImage Rect(BinaryImage src, int rx, int ry, bool dilate)
    {
        if (rx < 0 || ry < 0) throw new ArgumentOutOfRangeException(nameof(rx), "radius must be >= 0");
        var tmp = Slide(src, rx, horizontal: true, dilate);
        return Slide(tmp, ry, horizontal: false, dilate);
    }

    private static BinaryImage Slide(BinaryImage src, int r, bool horizontal, bool dilate)
    {
        if (r == 0) return src.Clone();
        var dst = new BinaryImage(src.Width, src.Height);
        int lines = horizontal ? src.Height : src.Width, len = horizontal ? src.Width : src.Height;
        int step = horizontal ? 1 : src.Width;
        var b = src.Bits; var d = dst.Bits;
        int window = 2 * r + 1;
        for (int l = 0; l < lines; l++)
        {
            int start = horizontal ? l * src.Width : l;
            // count of ink in [i-r, i+r]
            int count = 0;
            for (int k = 0; k < Math.Min(r, len); k++) count += b[start + k * step];
            for (int i = 0; i < len; i++)
            {
                int add = i + r;
                if (add < len) count += b[start + add * step];
                int rem = i - r - 1;
                if (rem >= 0) count -= b[start + rem * step];
                bool on = dilate ? count > 0 : count == window;
                d[start + i * step] = on ? (byte)1 : (byte)0;
            }
        }
        return dst;
    }
}
