using Extractor.Imaging;

namespace Extractor.Tables;

/// <summary>
/// Ruled tables of a phone scan: <see cref="LatticeDetector"/>'s segments, cleaned of what scans add (seal rings,
/// which a gray render turns into mid-gray strokes lighter than any printed rule), then assembled into lattices.
/// </summary>
public static class ScanGrid
{
    /// <summary>Median over a segment's length of the darkest gray across it (the rule's ink, 0 = black).</summary>
    public static int Darkness(GrayImage img, RuleSegment s)
    {
        int half = (int)Math.Ceiling(s.Thickness / 2) + 1;
        int centre = (int)Math.Round(s.Pos);
        var mins = new List<int>(Math.Max(1, s.Length));
        for (int a = s.Start; a < s.End; a++)
        {
            int min = 255;
            for (int k = centre - half; k <= centre + half; k++)
            {
                int x = s.Horizontal ? a : k, y = s.Horizontal ? k : a;
                if ((uint)x >= (uint)img.Width || (uint)y >= (uint)img.Height) continue;
                min = Math.Min(min, img.Pixels[y * img.Width + x]);
            }
            mins.Add(min);
        }
        if (mins.Count == 0) return 255;
        mins.Sort();
        return mins[mins.Count / 2];
    }

    /// <summary>
    /// The lattice without boundaries that are a found seal's ring: an inner boundary drawn over a few rows (columns)
    /// only, every drawn piece lying on the ring (its middle within a tenth of the radius of it). A ring near its
    /// equator runs upright for a row or two and passes the bow test there (dev scan: a 三级指标 column split in two
    /// over two rows, 运维经覆盖读者 read apart from its first half). A real rule crosses the ring, it does not follow it.
    /// </summary>
    public static Lattice WithoutSealRingRules(Lattice l, IReadOnlyList<Seal> seals)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (seals.Count == 0) return l;
        static bool OnRing(Seal s, double x, double y) =>
            Math.Abs(Math.Sqrt((x - s.CenterX) * (x - s.CenterX) + (y - s.CenterY) * (y - s.CenterY)) - s.Radius) <= 0.1 * s.Radius;
        bool[,]? v = null, h = null;
        for (int i = 1; i < l.Xs.Length - 1; i++)
        {
            var drawn = Enumerable.Range(0, l.Rows).Where(j => l.VRule[i, j]).ToList();
            if (drawn.Count == 0 || drawn.Count > Math.Max(2, l.Rows / 4)) continue;
            if (!seals.Any(s => drawn.All(j => OnRing(s, l.Xs[i], (l.Ys[j] + l.Ys[j + 1]) / 2)))) continue;
            v ??= (bool[,])l.VRule.Clone();
            foreach (var j in drawn) v[i, j] = false;
        }
        for (int i = 1; i < l.Ys.Length - 1; i++)
        {
            var drawn = Enumerable.Range(0, l.Cols).Where(j => l.HRule[i, j]).ToList();
            if (drawn.Count == 0 || drawn.Count > Math.Max(2, l.Cols / 4)) continue;
            if (!seals.Any(s => drawn.All(j => OnRing(s, (l.Xs[j] + l.Xs[j + 1]) / 2, l.Ys[i])))) continue;
            h ??= (bool[,])l.HRule.Clone();
            foreach (var j in drawn) h[i, j] = false;
        }
        if (v is null && h is null) return l;
        return new Lattice { Xs = l.Xs, Ys = l.Ys, HRule = h ?? l.HRule, VRule = v ?? l.VRule, Dpi = l.Dpi, RuleThickness = l.RuleThickness }
            .WithoutIdleBoundaries();
    }
}
