namespace Extractor.Imaging;

/// <summary>One 8-connected blob of ink: its bounding box, pixel count and the row/column sums needed for its centre.</summary>
public sealed record Component(int Id, PixelRect Box, int Pixels, double CenterX, double CenterY);

/// <summary>8-connected component labelling on runs (union-find over the ink runs of consecutive rows).</summary>
public static class ConnectedComponents
{
    public static List<Component> Find(BinaryImage img, int minPixels = 1) => Find(img, minPixels, null);

    /// <summary>Components plus a label per pixel (0 = paper, else the component's <see cref="Component.Id"/>).</summary>
    public static List<Component> Label(BinaryImage img, out int[] labels)
    {
        labels = new int[img.Width * img.Height];
        return Find(img, 1, labels);
    }

    /// <summary>
    /// As <see cref="Label(BinaryImage, out int[])"/> into a caller's buffer of at least Width×Height zeros (reused
    /// buffers spare a fresh 4-byte-per-pixel array, whose page faults cost more than the labelling).
    /// </summary>
    public static List<Component> Label(BinaryImage img, int[] labels)
    {
        if (labels.Length < img.Width * img.Height) throw new ArgumentException("label buffer too small", nameof(labels));
        return Find(img, 1, labels);
    }

    private static List<Component> Find(BinaryImage img, int minPixels, int[]? labels)
    {
        var runs = new List<(int Y, int X0, int X1)>();      // X1 exclusive
        var rowStart = new int[img.Height + 1];
        var bits = img.Bits;
        for (int y = 0; y < img.Height; y++)
        {
            rowStart[y] = runs.Count;
            int o = y * img.Width, x = 0;
            while (x < img.Width)
            {
                if (bits[o + x] == 0) { x++; continue; }
                int s = x;
                while (x < img.Width && bits[o + x] != 0) x++;
                runs.Add((y, s, x));
            }
        }
        rowStart[img.Height] = runs.Count;

        var parent = new int[runs.Count];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        int Root(int i) { while (parent[i] != i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }

        for (int y = 1; y < img.Height; y++)
        {
            int p = rowStart[y - 1], pEnd = rowStart[y];
            for (int c = rowStart[y]; c < rowStart[y + 1]; c++)
            {
                var (_, x0, x1) = runs[c];
                while (p < pEnd && runs[p].X1 < x0) p++;          // previous runs ending left of x0-1 cannot touch
                for (int q = p; q < pEnd && runs[q].X0 <= x1; q++)  // 8-connected: [x0-1, x1] overlaps
                {
                    int a = Root(c), b = Root(q);
                    if (a != b) parent[a] = b;
                }
            }
        }

        // Per-root accumulators in arrays indexed by run (a dictionary here cost more than the labelling).
        int nr = runs.Count;
        var root = new int[nr];
        var id = new int[nr];                       // 0 = root not numbered yet
        var x0s = new int[nr]; var y0s = new int[nr]; var x1s = new int[nr]; var y1s = new int[nr]; var ns = new int[nr];
        var sxs = new double[nr]; var sys = new double[nr];
        int next = 0;
        var order = new List<int>();                // roots in first-seen order, so ids are as before
        for (int i = 0; i < nr; i++)
        {
            var (y, x0, x1) = runs[i];
            int r = root[i] = Root(i), n = x1 - x0;
            if (id[r] == 0)
            {
                id[r] = ++next; order.Add(r);
                x0s[r] = x0; y0s[r] = y; x1s[r] = x1; y1s[r] = y + 1;
            }
            else
            {
                if (x0 < x0s[r]) x0s[r] = x0;
                if (x1 > x1s[r]) x1s[r] = x1;
                if (y + 1 > y1s[r]) y1s[r] = y + 1;
            }
            ns[r] += n; sxs[r] += (x0 + x1 - 1) / 2.0 * n; sys[r] += (double)y * n;
        }
        if (labels is not null)
            for (int i = 0; i < nr; i++)
            {
                var (y, x0, x1) = runs[i];
                Array.Fill(labels, id[root[i]], y * img.Width + x0, x1 - x0);
            }
        var result = new List<Component>(order.Count);
        foreach (int r in order)
            if (ns[r] >= minPixels)
                result.Add(new Component(id[r], new PixelRect(x0s[r], y0s[r], x1s[r] - x0s[r], y1s[r] - y0s[r]), ns[r], sxs[r] / ns[r], sys[r] / ns[r]));
        result.Sort((u, v) => u.Box.Y != v.Box.Y ? u.Box.Y.CompareTo(v.Box.Y) : u.Box.X.CompareTo(v.Box.X));
        return result;
    }
}
