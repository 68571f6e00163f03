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

        var acc = new Dictionary<int, (int X0, int Y0, int X1, int Y1, int N, double Sx, double Sy)>();
        for (int i = 0; i < runs.Count; i++)
        {
            var (y, x0, x1) = runs[i];
            int r = Root(i), n = x1 - x0;
            double sx = (x0 + x1 - 1) / 2.0 * n;
            if (acc.TryGetValue(r, out var a))
                acc[r] = (Math.Min(a.X0, x0), Math.Min(a.Y0, y), Math.Max(a.X1, x1), Math.Max(a.Y1, y + 1), a.N + n, a.Sx + sx, a.Sy + (double)y * n);
            else
                acc[r] = (x0, y, x1, y + 1, n, sx, (double)y * n);
        }
        var ids = new Dictionary<int, int>();
        foreach (var k in acc.Keys) ids[k] = ids.Count + 1;
        if (labels is not null)
            for (int i = 0; i < runs.Count; i++)
            {
                var (y, x0, x1) = runs[i];
                int id = ids[Root(i)];
                Array.Fill(labels, id, y * img.Width + x0, x1 - x0);
            }
        var result = new List<Component>(acc.Count);
        foreach (var (k, a) in acc)
            if (a.N >= minPixels)
                result.Add(new Component(ids[k], new PixelRect(a.X0, a.Y0, a.X1 - a.X0, a.Y1 - a.Y0), a.N, a.Sx / a.N, a.Sy / a.N));
        result.Sort((u, v) => u.Box.Y != v.Box.Y ? u.Box.Y.CompareTo(v.Box.Y) : u.Box.X.CompareTo(v.Box.X));
        return result;
    }
}
