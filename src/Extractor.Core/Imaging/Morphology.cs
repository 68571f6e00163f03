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
        return horizontal ? RunsAlongRows(src, dst, n, keepInk) : RunsAlongColumns(src, dst, n, keepInk);
    }

    private static BinaryImage RunsAlongRows(BinaryImage src, BinaryImage dst, int n, bool keepInk)
    {
        int w = src.Width;
        byte target = keepInk ? (byte)1 : (byte)0;
        for (int y = 0; y < src.Height; y++)
        {
            var row = src.Bits.AsSpan(y * w, w);
            var outRow = dst.Bits.AsSpan(y * w, w);
            int i = 0;
            while (i < w)
            {
                // Jump over runs of the other value in one vectorised search.
                int rel = row[i..].IndexOf(target);
                if (rel < 0) break;
                i += rel;
                int len = row[i..].IndexOfAnyExcept(target);
                int j = len < 0 ? w : i + len;
                if (keepInk ? j - i < n : j - i <= n && i > 0 && j < w) outRow[i..j].Fill((byte)(keepInk ? 0 : 1));
                i = j;
            }
        }
        return dst;
    }

    // Row-major with a running length per column, so memory is read in order (a column walk misses the cache).
    private static BinaryImage RunsAlongColumns(BinaryImage src, BinaryImage dst, int n, bool keepInk)
    {
        int w = src.Width, h = src.Height;
        byte target = keepInk ? (byte)1 : (byte)0;
        byte fill = keepInk ? (byte)0 : (byte)1;
        var b = src.Bits; var d = dst.Bits;
        var run = new int[w];
        var seenInk = new bool[w];      // closing fills only paper runs with ink above them
        for (int y = 0; y <= h; y++)
        {
            int o = y * w;
            for (int x = 0; x < w; x++)
            {
                bool isTarget = y < h && b[o + x] == target;
                if (isTarget) { run[x]++; continue; }
                int len = run[x];
                if (len > 0)
                {
                    bool change = keepInk ? len < n : len <= n && seenInk[x] && y < h;
                    if (change)
                        for (int k = y - len; k < y; k++) d[k * w + x] = fill;
                    run[x] = 0;
                }
                if (!keepInk && y < h) seenInk[x] = true;   // a non-target pixel here is ink
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
        if (r == 1) return SlideByOne(src, horizontal, dilate);
        var dst = new BinaryImage(src.Width, src.Height);
        int w = src.Width, h = src.Height, window = 2 * r + 1;
        var b = src.Bits; var d = dst.Bits;
        if (horizontal)
        {
            for (int y = 0; y < h; y++)
            {
                int start = y * w, count = 0;
                for (int k = 0; k < Math.Min(r, w); k++) count += b[start + k];
                for (int i = 0; i < w; i++)
                {
                    if (i + r < w) count += b[start + i + r];
                    if (i - r - 1 >= 0) count -= b[start + i - r - 1];
                    d[start + i] = (dilate ? count > 0 : count == window) ? (byte)1 : (byte)0;
                }
            }
            return dst;
        }
        // Vertical: one count per column, rows visited in memory order.
        var counts = new int[w];
        for (int k = 0; k < Math.Min(r, h); k++)
            for (int x = 0; x < w; x++) counts[x] += b[k * w + x];
        for (int y = 0; y < h; y++)
        {
            int add = y + r, rem = y - r - 1, o = y * w;
            if (add < h) for (int x = 0; x < w; x++) counts[x] += b[add * w + x];
            if (rem >= 0) for (int x = 0; x < w; x++) counts[x] -= b[rem * w + x];
            for (int x = 0; x < w; x++) d[o + x] = (dilate ? counts[x] > 0 : counts[x] == window) ? (byte)1 : (byte)0;
        }
        return dst;
    }

    // Radius 1 (the common case): OR (dilate) or AND (erode) of the pixel with its two neighbours, on whole rows
    // at a time so the vector units do the work. Outside the image counts as paper.
    private static BinaryImage SlideByOne(BinaryImage src, bool horizontal, bool dilate)
    {
        int w = src.Width, h = src.Height;
        var dst = src.Clone();
        var b = src.Bits; var d = dst.Bits;
        if (horizontal)
        {
            for (int y = 0; y < h; y++)
            {
                var row = b.AsSpan(y * w, w); var o = d.AsSpan(y * w, w);
                if (w < 2) { if (!dilate) o.Clear(); continue; }
                Combine(o[1..], row[..^1], dilate);
                Combine(o[..^1], row[1..], dilate);
                if (!dilate) { o[0] = 0; o[w - 1] = 0; }
            }
            return dst;
        }
        for (int y = 0; y < h; y++)
        {
            var o = d.AsSpan(y * w, w);
            if (y > 0) Combine(o, b.AsSpan((y - 1) * w, w), dilate); else if (!dilate) o.Clear();
            if (y + 1 < h) Combine(o, b.AsSpan((y + 1) * w, w), dilate); else if (!dilate) o.Clear();
        }
        return dst;
    }

    private static void Combine(Span<byte> into, ReadOnlySpan<byte> other, bool or)
    {
        int i = 0, vn = System.Numerics.Vector<byte>.Count;
        for (; i + vn <= into.Length; i += vn)
        {
            var a = new System.Numerics.Vector<byte>(into[i..]); var c = new System.Numerics.Vector<byte>(other[i..]);
            (or ? a | c : a & c).CopyTo(into[i..]);
        }
        for (; i < into.Length; i++) into[i] = (byte)(or ? into[i] | other[i] : into[i] & other[i]);
    }
}
