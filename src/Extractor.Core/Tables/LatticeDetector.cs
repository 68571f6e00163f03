using Extractor.Imaging;

namespace Extractor.Tables;

/// <summary>Tunables of <see cref="LatticeDetector"/>, in inches so they hold at any resolution.</summary>
public sealed record LatticeOptions
{
    /// <summary>Shortest ink run kept by the line opening.</summary>
    public double MinPieceIn { get; init; } = 0.08;
    /// <summary>Shortest ruling line (after bridging its breaks).</summary>
    public double MinLineIn { get; init; } = 0.12;
    /// <summary>Blobs smaller than this in both directions are text or noise, never rules.</summary>
    public double SmallBlobIn { get; init; } = 0.2;
    /// <summary>Compact blobs (not elongated) smaller than this are glyphs, even large bold ones.</summary>
    public double LargeBlobIn { get; init; } = 0.5;
    /// <summary>Largest break bridged inside one rule.</summary>
    public double BridgeIn { get; init; } = 0.15;
    /// <summary>How far a line may drift (curvature, residual skew) between two of its pieces.</summary>
    public double FollowIn { get; init; } = 0.025;
    /// <summary>Rules closer than this are one boundary (doubled lines, wobble).</summary>
    public double ClusterIn { get; init; } = 0.04;
    /// <summary>How close the end of a rule must come to a crossing rule.</summary>
    public double SnapIn { get; init; } = 0.045;
    /// <summary>Thicker than this is a filled area, not a rule.</summary>
    public double MaxThicknessIn { get; init; } = 0.06;
    /// <summary>Share of a boundary piece that must carry ink for the rule to count as present.</summary>
    public double Coverage { get; init; } = 0.5;
    /// <summary>Gray threshold for ink; null = <see cref="Threshold.ForLines"/>.</summary>
    public int? InkThreshold { get; init; }
}

/// <summary>
/// Finds ruled tables on a gray page: ink mask → drop small blobs (text, specks) → horizontal and vertical
/// line openings → pieces joined along their line (bridging breaks, following slight curvature) → groups of
/// crossing rules → each group cleaned iteratively (a rule must end on a crossing rule or on an edge shared by
/// several rules, which rejects seal rings, underlines and stray strokes) → boundaries by clustering
/// (doubled lines merge) → which boundary pieces carry a rule (missing pieces are merged cells).
/// </summary>
public static class LatticeDetector
{
    public static IReadOnlyList<Lattice> Detect(GrayImage img, LatticeOptions? options = null) => Detect(img, null, options);

    /// <summary>
    /// Lattices of a page image; <paramref name="textBoxes"/> (pixels) are blanked first: where the text layer
    /// says glyphs are, no ruling line can be (bold header text touching the rules would look like rules).
    /// </summary>
    public static IReadOnlyList<Lattice> Detect(GrayImage img, IEnumerable<PixelRect>? textBoxes, LatticeOptions? options = null)
    {
        var o = options ?? new LatticeOptions();
        var mask = InkMask(img, o);
        if (textBoxes is not null)
            foreach (var b in textBoxes)
            {
                var c = b.ClipTo(mask.Width, mask.Height);
                for (int y = c.Y; y < c.Bottom; y++) Array.Clear(mask.Bits, y * mask.Width + c.X, c.Width);
            }
        return Detect(mask, img.Dpi, o);
    }

    public static IReadOnlyList<Lattice> Detect(BinaryImage mask, double dpi, LatticeOptions? options = null)
    {
        var o = options ?? new LatticeOptions();
        var (h, v) = FindSegments(mask, dpi, o);
        return Build(h, v, dpi, o);
    }

    /// <summary>Ink for line finding; falls back to Otsu when the permissive threshold swallows a dark page.</summary>
    public static BinaryImage InkMask(GrayImage img, LatticeOptions? options = null)
    {
        var o = options ?? new LatticeOptions();
        var hist = Threshold.Histogram(img);
        int t = o.InkThreshold ?? Threshold.ForLines(hist);
        long ink = 0;
        for (int i = 0; i <= t; i++) ink += hist[i];
        if (o.InkThreshold is null && ink > img.Pixels.Length * 0.25) t = Threshold.Otsu(hist);
        return Threshold.Binarize(img, t);
    }

    /// <summary>Horizontal and vertical rule segments (pixels) of a binary page.</summary>
    public static (List<RuleSegment> H, List<RuleSegment> V) FindSegments(BinaryImage mask, double dpi, LatticeOptions? options = null)
    {
        var o = options ?? new LatticeOptions();
        int small = Px(o.SmallBlobIn, dpi), big = Px(o.LargeBlobIn, dpi);
        var clean = mask.Clone();
        foreach (var c in ConnectedComponents.Label(mask, out var labels))
        {
            int longSide = Math.Max(c.Box.Width, c.Box.Height), shortSide = Math.Max(1, Math.Min(c.Box.Width, c.Box.Height));
            // Glyphs are compact blobs; rules are long (a grid is usually one big blob) or thin pieces of a broken rule.
            bool compact = longSide < big && longSide < 4 * shortSide;
            if (longSide < small || compact) Erase(clean, labels, c);
        }

        int piece = Math.Max(4, Px(o.MinPieceIn, dpi));
        var hMask = Morphology.OpenHorizontal(clean, piece);
        var vMask = Morphology.OpenVertical(clean, piece);
        var h = Join(Pieces(hMask, true, dpi, o), dpi, o);
        var v = Join(Pieces(vMask, false, dpi, o), dpi, o);
        return (h, v);
    }

    private static int Px(double inches, double dpi) => Math.Max(1, (int)Math.Round(inches * dpi));

    // Clears the pixels of one blob.
    private static void Erase(BinaryImage clean, int[] labels, Component c)
    {
        var box = c.Box;
        for (int y = box.Y; y < box.Bottom; y++)
        {
            int o = y * clean.Width;
            for (int x = box.X; x < box.Right; x++) if (labels[o + x] == c.Id) clean.Bits[o + x] = 0;
        }
    }

    private static List<RuleSegment> Pieces(BinaryImage lines, bool horizontal, double dpi, LatticeOptions o)
    {
        double maxThick = Math.Max(2, o.MaxThicknessIn * dpi);
        var list = new List<RuleSegment>();
        foreach (var c in ConnectedComponents.Find(lines))
        {
            int len = horizontal ? c.Box.Width : c.Box.Height;
            double thick = (double)c.Pixels / len;
            if (thick > maxThick) continue;
            list.Add(horizontal
                ? new RuleSegment(true, c.CenterY, c.Box.X, c.Box.Right, thick)
                : new RuleSegment(false, c.CenterX, c.Box.Y, c.Box.Bottom, thick));
        }
        return list;
    }

    // Joins collinear pieces (a broken or wavy rule) into segments and drops those still too short.
    private static List<RuleSegment> Join(List<RuleSegment> pieces, double dpi, LatticeOptions o)
    {
        double follow = Math.Max(1.5, o.FollowIn * dpi);
        int bridge = Px(o.BridgeIn, dpi), minLine = Px(o.MinLineIn, dpi);
        pieces.Sort((a, b) => a.Start.CompareTo(b.Start));
        var open = new List<Acc>();
        foreach (var p in pieces)
        {
            Acc? best = null; double bestD = double.MaxValue;
            foreach (var s in open)
            {
                if (p.Start - s.End > bridge) continue;
                double d = Math.Abs(s.LastPos - p.Pos);
                if (d <= follow && d < bestD) { best = s; bestD = d; }
            }
            if (best is null) open.Add(new Acc(p));
            else best.Add(p);
        }
        var result = new List<RuleSegment>();
        foreach (var s in open)
            if (s.End - s.Start >= minLine)
                result.Add(new RuleSegment(s.Horizontal, s.PosSum / s.LenSum, s.Start, s.End, s.ThickSum / s.LenSum));
        return result;
    }

    private sealed class Acc
    {
        public bool Horizontal; public int Start, End; public double LastPos, PosSum, LenSum, ThickSum;
        public Acc(RuleSegment p) { Horizontal = p.Horizontal; Start = p.Start; End = p.End; LastPos = p.Pos; Add(p, first: true); }
        public void Add(RuleSegment p, bool first = false)
        {
            if (!first) { Start = Math.Min(Start, p.Start); End = Math.Max(End, p.End); LastPos = p.Pos; }
            PosSum += p.Pos * p.Length; LenSum += p.Length; ThickSum += p.Thickness * p.Length;
        }
    }

    /// <summary>Lattices from rule segments: grouping by crossings, iterative cleaning, boundaries, rule presence.</summary>
    public static List<Lattice> Build(List<RuleSegment> hSegs, List<RuleSegment> vSegs, double dpi, LatticeOptions? options = null)
    {
        var o = options ?? new LatticeOptions();
        double snap = Math.Max(2, o.SnapIn * dpi), cluster = Math.Max(2, o.ClusterIn * dpi);

        var all = new List<RuleSegment>(hSegs.Count + vSegs.Count);
        all.AddRange(hSegs); all.AddRange(vSegs);
        var parent = Enumerable.Range(0, all.Count).ToArray();
        int Root(int i) { while (parent[i] != i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
        for (int i = 0; i < hSegs.Count; i++)
            for (int j = 0; j < vSegs.Count; j++)
                if (Cross(hSegs[i], vSegs[j], snap))
                {
                    int a = Root(i), b = Root(hSegs.Count + j);
                    if (a != b) parent[a] = b;
                }
        var groups = new Dictionary<int, List<RuleSegment>>();
        for (int i = 0; i < all.Count; i++)
        {
            int r = Root(i);
            if (!groups.TryGetValue(r, out var g)) groups[r] = g = [];
            g.Add(all[i]);
        }

        var lattices = new List<Lattice>();
        foreach (var g in groups.Values)
        {
            var h = g.Where(s => s.Horizontal).ToList();
            var v = g.Where(s => !s.Horizontal).ToList();
            if (h.Count < 2 && v.Count < 2) continue;
            var lat = BuildOne(h, v, dpi, snap, cluster, o);
            if (lat is not null) lattices.AddRange(lat);
        }
        lattices.Sort((a, b) => a.Ys[0] != b.Ys[0] ? a.Ys[0].CompareTo(b.Ys[0]) : a.Xs[0].CompareTo(b.Xs[0]));
        return lattices;
    }

    private static bool Cross(RuleSegment h, RuleSegment v, double tol) =>
        v.Pos >= h.Start - tol && v.Pos <= h.End + tol && h.Pos >= v.Start - tol && h.Pos <= v.End + tol;

    private static IEnumerable<Lattice>? BuildOne(List<RuleSegment> h, List<RuleSegment> v, double dpi, double snap, double cluster, LatticeOptions o)
    {
        Lattice? lat = null;
        for (int iter = 0; iter < 12; iter++)
        {
            int before = h.Count + v.Count;
            (h, v) = Validate(h, v, snap, cluster);
            if (h.Count == 0 || v.Count == 0) return null;
            lat = Assemble(h, v, dpi, snap, cluster, o);
            if (lat is null) return null;
            // A column rule drawn in a single row (or a row rule over a single column) is a glyph stroke
            // that happened to reach the rules, not a boundary: drop its rules and look again.
            var badX = new List<double>(); var badY = new List<double>();
            if (lat.Rows >= 2)
                for (int i = 1; i < lat.Cols; i++)
                    if (Enumerable.Range(0, lat.Rows).Count(j => lat.VRule[i, j]) < 2) badX.Add(lat.Xs[i]);
            if (lat.Cols >= 2)
                for (int i = 1; i < lat.Rows; i++)
                    if (Enumerable.Range(0, lat.Cols).Count(j => lat.HRule[i, j]) < 2) badY.Add(lat.Ys[i]);
            if (badX.Count > 0) v = v.Where(s => !badX.Any(x => Math.Abs(s.Pos - x) <= cluster * 1.5)).ToList();
            if (badY.Count > 0) h = h.Where(s => !badY.Any(y => Math.Abs(s.Pos - y) <= cluster * 1.5)).ToList();
            if (h.Count + v.Count == before) break;
        }
        if (lat is null) return null;

        // Big title glyphs give short crossing strokes: a table is at least an inch wide, its rows text-high.
        var X = lat.Xs; var Y = lat.Ys;
        if (X[^1] - X[0] < 1.0 * dpi || Y[^1] - Y[0] < 0.15 * dpi) return null;
        // Rules of a table run across it; strokes of large glyphs are short: the long ones must frame it.
        double w = X[^1] - X[0], hgt = Y[^1] - Y[0];
        if (h.Count(s => s.Length >= 0.6 * w) < 2 || !v.Any(s => s.Length >= 0.6 * hgt)) return null;
        var rowH = Enumerable.Range(0, lat.Rows).Select(i => Y[i + 1] - Y[i]).OrderBy(x => x).ToArray();
        if (rowH[rowH.Length / 2] < 0.1 * dpi) return null;
        return [lat];
    }

    // Keeps the rules whose both ends land on a crossing rule or on an edge where several rules end together.
    private static (List<RuleSegment>, List<RuleSegment>) Validate(List<RuleSegment> h, List<RuleSegment> v, double snap, double cluster)
    {
        for (int iter = 0; iter < 8; iter++)
        {
            var xs = Cluster(v, cluster);
            var ys = Cluster(h, cluster);
            var ax = xs.Concat(SharedEnds(h, snap, xs)).ToArray();
            var ay = ys.Concat(SharedEnds(v, snap, ys)).ToArray();
            var h2 = h.Where(s => Near(s.Start, ax, snap) && Near(s.End, ax, snap)).ToList();
            var v2 = v.Where(s => Near(s.Start, ay, snap) && Near(s.End, ay, snap)).ToList();
            bool same = h2.Count == h.Count && v2.Count == v.Count;
            h = h2; v = v2;
            if (same) break;
        }
        return (h, v);
    }

    // Boundaries (clustered rules plus undrawn outer edges) and which boundary pieces carry a rule.
    private static Lattice? Assemble(List<RuleSegment> h, List<RuleSegment> v, double dpi, double snap, double cluster, LatticeOptions o)
    {
        var xs = Cluster(v, cluster); var ys = Cluster(h, cluster);
        var bx = xs.ToList(); var by = ys.ToList();
        if (bx.Count > 0)
        {
            double lo = bx.Min() - snap, hi = bx.Max() + snap;
            foreach (var x in SharedEnds(h, snap, xs)) if (x < lo || x > hi) bx.Add(x);
        }
        if (by.Count > 0)
        {
            double lo = by.Min() - snap, hi = by.Max() + snap;
            foreach (var y in SharedEnds(v, snap, ys)) if (y < lo || y > hi) by.Add(y);
        }
        bx.Sort(); by.Sort();
        if (bx.Count < 2 || by.Count < 2) return null;
        var X = bx.ToArray(); var Y = by.ToArray();

        var hRule = new bool[Y.Length, X.Length - 1];
        var vRule = new bool[X.Length, Y.Length - 1];
        for (int i = 0; i < Y.Length; i++)
            for (int j = 0; j < X.Length - 1; j++)
                hRule[i, j] = i == 0 || i == Y.Length - 1 || Covered(h, Y[i], X[j], X[j + 1], cluster, snap, o.Coverage);
        for (int i = 0; i < X.Length; i++)
            for (int j = 0; j < Y.Length - 1; j++)
                vRule[i, j] = i == 0 || i == X.Length - 1 || Covered(v, X[i], Y[j], Y[j + 1], cluster, snap, o.Coverage);
        double thick = Median(h.Concat(v).Select(s => s.Thickness));
        return new Lattice { Xs = X, Ys = Y, HRule = hRule, VRule = vRule, Dpi = dpi, RuleThickness = thick };
    }

    private static double Median(IEnumerable<double> values)
    {
        var a = values.OrderBy(x => x).ToArray();
        return a.Length == 0 ? 1 : a[a.Length / 2];
    }

    // Positions of rules of one direction, chained when closer than `tol`, weighted by length.
    private static double[] Cluster(List<RuleSegment> segs, double tol)
    {
        var s = segs.OrderBy(x => x.Pos).ToList();
        var result = new List<double>();
        int i = 0;
        while (i < s.Count)
        {
            double sum = s[i].Pos * s[i].Length, w = s[i].Length, last = s[i].Pos;
            int j = i + 1;
            while (j < s.Count && s[j].Pos - last <= tol) { sum += s[j].Pos * s[j].Length; w += s[j].Length; last = s[j].Pos; j++; }
            result.Add(sum / w);
            i = j;
        }
        return result.ToArray();
    }

    // Edge positions where three or more rules end together away from any crossing rule: an undrawn border.
    private static List<double> SharedEnds(List<RuleSegment> segs, double snap, double[] crossing)
    {
        var ends = new List<double>();
        foreach (var s in segs)
        {
            if (!Near(s.Start, crossing, snap)) ends.Add(s.Start);
            if (!Near(s.End, crossing, snap)) ends.Add(s.End);
        }
        ends.Sort();
        var result = new List<double>();
        int i = 0;
        while (i < ends.Count)
        {
            int j = i;
            while (j + 1 < ends.Count && ends[j + 1] - ends[i] <= 2 * snap) j++;
            if (j - i + 1 >= 3) result.Add(ends.Skip(i).Take(j - i + 1).Average());
            i = j + 1;
        }
        return result;
    }

    private static bool Near(double p, double[] anchors, double tol)
    {
        foreach (var a in anchors) if (Math.Abs(a - p) <= tol) return true;
        return false;
    }

    private static bool Covered(List<RuleSegment> segs, double pos, double a, double b, double cluster, double snap, double share)
    {
        double lo = a + snap, hi = b - snap;
        if (hi <= lo) { lo = (a + b) / 2 - 1; hi = lo + 2; }
        var parts = new List<(double, double)>();
        foreach (var s in segs)
            if (Math.Abs(s.Pos - pos) <= cluster * 1.5 && s.End > lo && s.Start < hi)
                parts.Add((Math.Max(lo, s.Start), Math.Min(hi, s.End)));
        if (parts.Count == 0) return false;
        parts.Sort();
        double covered = 0, curS = parts[0].Item1, curE = parts[0].Item2;
        foreach (var (s, e) in parts.Skip(1))
        {
            if (s > curE) { covered += curE - curS; curS = s; curE = e; }
            else curE = Math.Max(curE, e);
        }
        covered += curE - curS;
        return covered >= share * (hi - lo);
    }
}
