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
    /// <summary>Straight runs this long are rules for sure (lifted off before glyph blobs are sorted out).</summary>
    public double SureRuleIn { get; init; } = 0.5;
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
    /// <summary>
    /// Split a line blob that holds several parallel rules (two rules joined through a seal's or a stain's ink) into
    /// one segment per rule instead of one segment at their average position. Off keeps the text path as it was.
    /// </summary>
    public bool SplitJoinedRules { get; init; }
    /// <summary>
    /// Whether a column rule drawn in a single row (a row rule over a single column) is taken for a glyph stroke.
    /// Off when the glyphs were blanked from a text layer: then such a rule is real, e.g. 科目编码 | 科目名称 under a
    /// merged 项目 header in a table whose other rows merge the two columns again (合计, 栏次).
    /// </summary>
    public bool SingleSpanRulesAreStrokes { get; init; } = true;
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

    /// <summary>Largest break bridged in a rule of a text-layer page (antialiasing and dashes, not scan damage).</summary>
    public const double TextBridgeIn = 0.06;

    /// <summary>
    /// Lattices of a page image; <paramref name="textBoxes"/> (pixels) are blanked first: where the text layer
    /// says glyphs are, no ruling line can be (bold header text touching the rules would look like rules).
    /// </summary>
    public static IReadOnlyList<Lattice> Detect(GrayImage img, IEnumerable<PixelRect>? textBoxes, LatticeOptions? options = null)
    {
        var o = options ?? new LatticeOptions();
        var mask = InkMask(img, o);
        // With the glyphs blanked from a text layer the rules left are vector drawn: a rule drawn in one row is real,
        // and rules do not break, so a gap a row high (a one-line merged row of a tight table) must not be bridged.
        if (textBoxes is not null)
        {
            EraseText(mask, textBoxes);
            o = o with { SingleSpanRulesAreStrokes = false, BridgeIn = Math.Min(o.BridgeIn, TextBridgeIn) };
        }
        return Detect(mask, img.Dpi, o);
    }

    public static IReadOnlyList<Lattice> Detect(BinaryImage mask, double dpi, LatticeOptions? options = null)
    {
        var o = options ?? new LatticeOptions();
        // Work on the inked part of the page only: margins (and whole text pages once their glyphs are blanked)
        // are paper, and every pass below is linear in pixels.
        var ink = InkBounds(mask);
        if (ink is null) return [];
        var box = ink.Value;
        var (h, v) = box.Width == mask.Width && box.Height == mask.Height
            ? FindSegments(mask, dpi, o)
            : Shift(FindSegments(Crop(mask, box), dpi, o), box.X, box.Y);
        return Build(h, v, dpi, o);
    }

    // Bounding box of the ink, grown by a pixel (null when there is none).
    private static PixelRect? InkBounds(BinaryImage mask)
    {
        int w = mask.Width, h = mask.Height, top = -1, bottom = -1, left = w, right = -1;
        for (int y = 0; y < h; y++)
        {
            var row = mask.Bits.AsSpan(y * w, w);
            int first = row.IndexOfAnyExcept((byte)0);
            if (first < 0) continue;
            if (top < 0) top = y;
            bottom = y;
            left = Math.Min(left, first);
            right = Math.Max(right, row.LastIndexOfAnyExcept((byte)0));
        }
        if (top < 0) return null;
        int x0 = Math.Max(0, left - 1), y0 = Math.Max(0, top - 1);
        return new PixelRect(x0, y0, Math.Min(w, right + 2) - x0, Math.Min(h, bottom + 2) - y0);
    }

    private static BinaryImage Crop(BinaryImage mask, PixelRect r)
    {
        var c = new BinaryImage(r.Width, r.Height);
        for (int y = 0; y < r.Height; y++)
            mask.Bits.AsSpan((r.Y + y) * mask.Width + r.X, r.Width).CopyTo(c.Bits.AsSpan(y * r.Width, r.Width));
        return c;
    }

    private static (List<RuleSegment> H, List<RuleSegment> V) Shift((List<RuleSegment> H, List<RuleSegment> V) segs, int dx, int dy) =>
        (segs.H.Select(s => s with { Pos = s.Pos + dy, Start = s.Start + dx, End = s.End + dx }).ToList(),
         segs.V.Select(s => s with { Pos = s.Pos + dx, Start = s.Start + dy, End = s.End + dy }).ToList());

    // One label buffer per thread: a fresh int per pixel per call cost more in page faults than the labelling.
    [ThreadStatic] private static int[]? _labelScratch;

    private static int[] LabelScratch(int pixels)
    {
        var b = _labelScratch;
        if (b is null || b.Length < pixels) _labelScratch = b = new int[pixels];
        else Array.Clear(b, 0, pixels);
        return b;
    }

    /// <summary>
    /// Clears glyph boxes from a mask, except pixels on a straight run much longer than the box (a rule the
    /// glyph touches or a box that overlaps a rule).
    /// </summary>
    public static void EraseText(BinaryImage mask, IEnumerable<PixelRect> boxes)
    {
        int w = mask.Width, hgt = mask.Height;
        var bits = mask.Bits;
        // Decisions are taken on the mask as it was, box by box: collect the pixels to clear first, then clear them,
        // so an erased glyph never shortens the runs seen by an overlapping box.
        var clear = new List<int>();
        foreach (var (b, line) in WithLines(boxes))
        {
            var c = b.ClipTo(w, hgt);
            if (c.Width <= 0 || c.Height <= 0) continue;
            int longH = (int)(1.5 * Math.Max(c.Width, 4)), longV = (int)(1.5 * Math.Max(c.Height, 4));
            for (int y = c.Y; y < c.Bottom; y++)
            {
                int row = y * w;
                for (int x = c.X; x < c.Right;)
                {
                    if (bits[row + x] == 0) { x++; continue; }
                    // The whole horizontal run through (x, y), measured beyond the box.
                    int s = x; while (s > 0 && bits[row + s - 1] != 0) s--;
                    int e = x; while (e < w && bits[row + e] != 0) e++;
                    // A run through the box and out on both sides is a rule the box overlaps (a short rule of a tight
                    // row beside a tall CJK glyph box), never a stroke of the glyph itself.
                    // Either way it must leave its text line: strokes of bold glyphs set close touch each other
                    // into runs longer than a glyph, but they end where the line's text ends.
                    bool longRun = (e - s >= longH || s < c.X && e > c.Right) && (s < line.X - 1 || e > line.Right + 1);
                    int stop = Math.Min(e, c.Right);
                    for (int k = x; k < stop && !longRun; k++)
                    {
                        var (vs, ve) = VerticalRun(bits, w, hgt, k, y);
                        if (ve - vs < longV && !(vs < c.Y && ve > c.Bottom)) clear.Add(row + k);
                    }
                    x = stop;
                }
            }
        }
        foreach (int i in clear) bits[i] = 0;
    }

    /// <summary>
    /// Each box with the extent of its text line: boxes of one row (centres within a third of their height) chained
    /// while the gap to the next is under their height.
    /// </summary>
    private static IEnumerable<(PixelRect Box, PixelRect Line)> WithLines(IEnumerable<PixelRect> boxes)
    {
        var all = boxes.Where(b => b.Width > 0 && b.Height > 0).OrderBy(b => b.Y + b.Height / 2.0).ToList();
        int i = 0;
        while (i < all.Count)
        {
            int j = i + 1;
            double cy = all[i].Y + all[i].Height / 2.0;
            while (j < all.Count && all[j].Y + all[j].Height / 2.0 - cy <= all[i].Height / 3.0) j++;
            var row = all.GetRange(i, j - i).OrderBy(b => b.X).ToList();
            int k = 0;
            while (k < row.Count)
            {
                int m = k + 1, right = row[k].Right;
                while (m < row.Count && row[m].X - right <= Math.Max(row[m].Height, row[m - 1].Height)) { right = Math.Max(right, row[m].Right); m++; }
                int top = row.Skip(k).Take(m - k).Min(b => b.Y), bottom = row.Skip(k).Take(m - k).Max(b => b.Bottom);
                var line = new PixelRect(row[k].X, top, right - row[k].X, bottom - top);
                for (int n = k; n < m; n++) yield return (row[n], line);
                k = m;
            }
            i = j;
        }
    }

    // The vertical ink run through (x, y): first row and the row past its end.
    private static (int Start, int End) VerticalRun(byte[] bits, int w, int hgt, int x, int y)
    {
        int s = y; while (s > 0 && bits[(s - 1) * w + x] != 0) s--;
        int e = y; while (e < hgt && bits[e * w + x] != 0) e++;
        return (s, e);
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
        int piece = Math.Max(4, Px(o.MinPieceIn, dpi));
        // Glyphs touching the grid join its blob; lift the certain (long) rules off first so they stand alone.
        int sure = Px(o.SureRuleIn, dpi);
        var sureRules = Morphology.OpenHorizontal(mask, sure).Or(Morphology.OpenVertical(mask, sure));
        var rest = mask.Minus(Morphology.Dilate(sureRules, 1, 1));
        var clean = mask.Clone();
        var labels = LabelScratch(rest.Width * rest.Height);
        foreach (var c in ConnectedComponents.Label(rest, labels))
        {
            int longSide = Math.Max(c.Box.Width, c.Box.Height), shortSide = Math.Max(1, Math.Min(c.Box.Width, c.Box.Height));
            // Glyphs are compact dense blobs; pieces of rules are thin and elongated. A junction of a broken grid is
            // compact too, but sparse and made of runs spanning its box: keep those.
            bool compact = longSide < big && longSide < 4 * shortSide && c.Pixels > 0.18 * c.Box.Width * c.Box.Height;
            bool thinPiece = longSide >= piece && longSide >= 4 * shortSide;   // a faint rule broken into bits
            if (longSide < small && !thinPiece || compact && LongRunShare(labels, mask.Width, c) < 0.6) Erase(clean, labels, c);
        }

        var hMask = Morphology.OpenHorizontal(clean, piece);
        var vMask = Morphology.OpenVertical(clean, piece);
        var h = Join(Pieces(hMask, true, dpi, o), dpi, o);
        var v = Join(Pieces(vMask, false, dpi, o), dpi, o);
        return (h, v);
    }

    private static int Px(double inches, double dpi) => Math.Max(1, (int)Math.Round(inches * dpi));

    // Share of a blob's pixels lying on runs that cross most of its box (rows for width, columns for height).
    private static double LongRunShare(int[] labels, int width, Component c)
    {
        var b = c.Box;
        int minH = (int)Math.Ceiling(0.8 * b.Width), minV = (int)Math.Ceiling(0.8 * b.Height);
        long inLong = 0;
        for (int y = b.Y; y < b.Bottom; y++)
        {
            int run = 0;
            for (int x = b.X; x <= b.Right; x++)
            {
                if (x < b.Right && labels[y * width + x] == c.Id) { run++; continue; }
                if (run >= minH) inLong += run;
                run = 0;
            }
        }
        for (int x = b.X; x < b.Right; x++)
        {
            int run = 0;
            for (int y = b.Y; y <= b.Bottom; y++)
            {
                if (y < b.Bottom && labels[y * width + x] == c.Id) { run++; continue; }
                if (run >= minV) inLong += run;
                run = 0;
            }
        }
        return (double)inLong / c.Pixels;
    }

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

    // One segment per blob of the opened mask; its position and thickness are medians over its scanlines, so a
    // stroke or seal arc touching the rule neither shifts nor thickens it.
    private static List<RuleSegment> Pieces(BinaryImage lines, bool horizontal, double dpi, LatticeOptions o)
    {
        double maxThick = Math.Max(2, o.MaxThicknessIn * dpi);
        var list = new List<RuleSegment>();
        var labels = LabelScratch(lines.Width * lines.Height);
        var comps = ConnectedComponents.Label(lines, labels);
        int w = lines.Width;
        var centres = new List<double>(); var widths = new List<int>();
        foreach (var c in comps)
        {
            centres.Clear(); widths.Clear();
            var b = c.Box;
            if (o.SplitJoinedRules && (horizontal ? b.Height : b.Width) > maxThick &&
                SplitJoined(labels, w, c, horizontal, maxThick, Math.Max(4, Px(o.MinPieceIn, dpi)), list)) continue;
            int n = horizontal ? b.Width : b.Height;
            for (int i = 0; i < n; i++)
            {
                int count = 0; long sum = 0;
                if (horizontal)
                {
                    int x = b.X + i;
                    for (int y = b.Y; y < b.Bottom; y++) if (labels[y * w + x] == c.Id) { count++; sum += y; }
                }
                else
                {
                    int o2 = (b.Y + i) * w;
                    for (int x = b.X; x < b.Right; x++) if (labels[o2 + x] == c.Id) { count++; sum += x; }
                }
                if (count == 0) continue;
                centres.Add((double)sum / count); widths.Add(count);
            }
            if (centres.Count == 0) continue;
            if (Bowed(centres, widths)) continue;
            centres.Sort(); widths.Sort();
            double thick = widths[widths.Count / 2];
            if (thick > maxThick) continue;
            double pos = centres[centres.Count / 2];
            list.Add(horizontal
                ? new RuleSegment(true, pos, b.X, b.Right, thick)
                : new RuleSegment(false, pos, b.Y, b.Bottom, thick));
        }
        return list;
    }

    /// <summary>
    /// Whether a piece bends like an arc (a seal ring near its equator) rather than running straight like a rule.
    /// <paramref name="centres"/> are the piece's cross positions scanline by scanline, in order. Median centres of
    /// five stretches: the middle one standing off the chord of the outer two by more than a few pixels and 2.5% of
    /// the length is a bow. Page curl bends a rule far less (a few pixels over a whole page), and residual skew is a
    /// straight slant, not a bow. Scanlines where a glyph touches the rule (wider than usual) are left out.
    /// </summary>
    public static bool Bowed(IReadOnlyList<double> centres, IReadOnlyList<int> widths)
    {
        int n = centres.Count;
        if (n < 15) return false;
        var sortedW = widths.OrderBy(x => x).ToArray();
        double wMed = sortedW[n / 2];
        var m = new double[5];
        for (int k = 0; k < 5; k++)
        {
            var part = new List<double>();
            for (int i = k * n / 5; i < (k + 1) * n / 5; i++) if (widths[i] <= 1.5 * wMed + 1) part.Add(centres[i]);
            if (part.Count == 0) return false;
            part.Sort();
            m[k] = part[part.Count / 2];
        }
        double bow = m[2] - (m[0] + m[4]) / 2;
        // The two inner stretches lean the same way as the middle one (an arc), not a zigzag of touching strokes.
        bool sameSide = Math.Sign(m[1] - (m[0] + m[4]) / 2) == Math.Sign(bow) && Math.Sign(m[3] - (m[0] + m[4]) / 2) == Math.Sign(bow);
        return sameSide && Math.Abs(bow) > Math.Max(3.0, 0.025 * n);
    }

    // A blob taller than a rule may be two or more rules joined by other ink (a seal between them): find the bands of
    // the cross profile carrying most of the blob's length and make one segment per band and unbroken stretch.
    // Returns false (blob left to the caller) when the blob has a single band.
    private static bool SplitJoined(int[] labels, int w, Component c, bool horizontal, double maxThick, int minPiece, List<RuleSegment> list)
    {
        var b = c.Box;
        int across = horizontal ? b.Height : b.Width, along = horizontal ? b.Width : b.Height;
        int At(int a, int k) => horizontal ? labels[(b.Y + k) * w + b.X + a] : labels[(b.Y + a) * w + b.X + k];
        var profile = new int[across];
        for (int k = 0; k < across; k++)
            for (int a = 0; a < along; a++) if (At(a, k) == c.Id) profile[k]++;
        int max = profile.Max();
        int floor = Math.Max(minPiece, max / 4);
        var bands = new List<(int Lo, int Hi)>();
        for (int k = 0; k < across; k++)
        {
            if (profile[k] < floor) continue;
            if (bands.Count > 0 && bands[^1].Hi >= k - 1) bands[^1] = (bands[^1].Lo, k);
            else bands.Add((k, k));
        }
        if (bands.Count < 2) return false;
        int origin = horizontal ? b.X : b.Y, crossOrigin = horizontal ? b.Y : b.X;
        foreach (var (lo0, hi0) in bands)
        {
            // Widen by a pixel or two each side: a skewed rule drifts across the band's edge rows.
            int lo = Math.Max(0, lo0 - 2), hi = Math.Min(across - 1, hi0 + 2);
            var centres = new List<double>(); var widths = new List<int>();
            int start = -1, last = -1;
            void Flush()
            {
                if (start >= 0 && last - start + 1 >= minPiece && centres.Count > 0 && !Bowed(centres, widths))
                {
                    centres.Sort(); widths.Sort();
                    double thick = widths[widths.Count / 2];
                    if (thick <= maxThick)
                        list.Add(new RuleSegment(horizontal, crossOrigin + centres[centres.Count / 2], origin + start, origin + last + 1, thick));
                }
                centres.Clear(); widths.Clear(); start = -1;
            }
            for (int a = 0; a < along; a++)
            {
                int count = 0; long sum = 0;
                for (int k = lo; k <= hi; k++) if (At(a, k) == c.Id) { count++; sum += k; }
                if (count == 0) { if (start >= 0 && a - last > 2) Flush(); continue; }
                if (start < 0) start = a;
                last = a;
                centres.Add((double)sum / count); widths.Add(count);
            }
            Flush();
        }
        return true;
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
                int gap = p.Start - s.End;
                if (gap > bridge) continue;
                // A real break is shorter than the pieces around it; stacked digits (1 over 1) are not a rule.
                if (gap > 2 && (p.Length < minLine || s.LastLen < minLine || gap >= Math.Min(p.Length, s.LastLen))) continue;
                double d = Math.Abs(s.LastPos - p.Pos);
                if (d <= follow && d < bestD) { best = s; bestD = d; }
            }
            if (best is null) open.Add(new Acc(p));
            else best.Add(p);
        }
        var result = new List<RuleSegment>();
        foreach (var s in open)
            if (s.End - s.Start >= minLine && !s.Bowed())
                result.Add(new RuleSegment(s.Horizontal, s.PosSum / s.LenSum, s.Start, s.End, s.ThickSum / s.LenSum));
        return result;
    }

    private sealed class Acc
    {
        public bool Horizontal; public int Start, End, LastLen; public double LastPos, PosSum, LenSum, ThickSum;
        private readonly List<RuleSegment> _parts = [];
        public Acc(RuleSegment p) { Horizontal = p.Horizontal; Start = p.Start; End = p.End; LastPos = p.Pos; Add(p, first: true); }
        public void Add(RuleSegment p, bool first = false)
        {
            if (!first) { Start = Math.Min(Start, p.Start); End = Math.Max(End, p.End); LastPos = p.Pos; }
            LastLen = p.Length;
            PosSum += p.Pos * p.Length; LenSum += p.Length; ThickSum += p.Thickness * p.Length;
            _parts.Add(p);
        }

        // Pieces each straight enough that follow one another along an arc (a seal ring cut by the rules it crosses).
        public bool Bowed()
        {
            if (_parts.Count < 2) return false;
            var centres = new List<double>(); var widths = new List<int>();
            int next = Start;
            foreach (var p in _parts.OrderBy(p => p.Start))
            {
                for (int i = Math.Max(p.Start, next); i < p.End; i++) { centres.Add(p.Pos); widths.Add(1); }
                next = Math.Max(next, p.End);
            }
            return LatticeDetector.Bowed(centres, widths);
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
                if (Cross(hSegs[i], vSegs[j], snap, 0.2 * dpi, 1.0 * dpi))
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

    // Whether two rules meet; a long rule may stop short of the other by a broken-off piece.
    private static bool Cross(RuleSegment h, RuleSegment v, double snap, double longTol, double longRule)
    {
        double th = h.Length >= longRule ? longTol : snap, tv = v.Length >= longRule ? longTol : snap;
        return v.Pos >= h.Start - th && v.Pos <= h.End + th && h.Pos >= v.Start - tv && h.Pos <= v.End + tv;
    }

    private static IEnumerable<Lattice>? BuildOne(List<RuleSegment> h, List<RuleSegment> v, double dpi, double snap, double cluster, LatticeOptions o)
    {
        Lattice? lat = null;
        for (int iter = 0; iter < 12; iter++)
        {
            int before = h.Count + v.Count;
            (h, v) = Validate(h, v, snap, cluster, dpi, o);
            if (h.Count == 0 || v.Count == 0) return null;
            var asm = Assemble(h, v, dpi, snap, cluster, o);
            if (asm is null) return null;
            lat = asm.Lattice;
            // A column rule drawn in a single row (or a row rule over a single column) is a glyph stroke
            // that happened to reach the rules, not a boundary: drop its rules and look again.
            var badX = new HashSet<int>(); var badY = new HashSet<int>();
            // So are column rules drawn only in a few rows none of them next to another: a glyph's stroke at the same place
            // in rows of left-aligned names (the 费 of 印刷费, 培训费, 福利费, three rows of thirty on a scan under a seal).
            if (lat.Rows >= 2 && o.SingleSpanRulesAreStrokes)
                for (int i = 1; i < lat.Cols; i++)
                {
                    var drawn = Enumerable.Range(0, lat.Rows).Where(j => lat.VRule[i, j]).ToList();
                    // (Only in tables of many rows: while a small grid is still being cleaned, a title's or a note's
                    // strokes may count as rows, and a real boundary drawn in rows 0 and 2 of three is no stroke.)
                    bool isolated = lat.Rows >= 8 && drawn.Count <= lat.Rows / 5 && drawn.Zip(drawn.Skip(1)).All(p => p.Second > p.First + 1);
                    if (lat.Rows >= 6 && drawn.Count <= lat.Rows / 3 && ThickStrokesOnly(asm.ColRules[i], lat, dpi)) { badX.Add(i); continue; }
                    if ((drawn.Count < 2 || isolated) && !(drawn.Count == 1 && lat.Rows >= 3 && RuleOverWholePiece(asm.ColRules[i], lat, drawn[0], dpi)))
                        badX.Add(i);
                }
            if (lat.Cols >= 2 && o.SingleSpanRulesAreStrokes)
                for (int i = 1; i < lat.Rows; i++)
                    if (Enumerable.Range(0, lat.Cols).Count(j => lat.HRule[i, j]) < 2) badY.Add(i);
            // Rows and columns too thin to hold text: glyph strokes (目, 田) or a rule drawn twice; drop the weaker side.
            Slivers(lat.Xs, i => asm.Support(false, i), 0.1 * dpi, badX);
            Slivers(lat.Ys, i => asm.Support(true, i), 0.08 * dpi, badY);
            if (badX.Count > 0) { var drop = badX.SelectMany(i => asm.ColRules[i]).ToHashSet(); v = v.Where(s => !drop.Contains(s)).ToList(); }
            if (badY.Count > 0) { var drop = badY.SelectMany(i => asm.RowRules[i]).ToHashSet(); h = h.Where(s => !drop.Contains(s)).ToList(); }
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

    /// <summary>
    /// Whether a boundary's rules are all far thicker than the table's: a seal's ring near its equator (a band of ink
    /// 0.04 in wide that the line opening keeps straight, running down a few rows of a column) or a bold glyph's stem,
    /// not a rule drawn in a few rows, which is as thin as the rest (seen on a gray scan: the ring split a 科目名称
    /// column in four rows and shifted every column after it).
    /// </summary>
    private static bool ThickStrokesOnly(List<RuleSegment> rules, Lattice lat, double dpi) =>
        rules.Count > 0 && rules.All(s => s.Thickness >= Math.Max(2 * lat.RuleThickness, 0.025 * dpi));

    private static void Slivers(double[] bounds, Func<int, double> support, double min, HashSet<int> bad)
    {
        int n = bounds.Length;
        for (int i = 0; i + 1 < n; i++)
        {
            if (bounds[i + 1] - bounds[i] >= min) continue;
            int weaker = i == 0 ? i + 1 : i + 1 == n - 1 ? i : support(i) < support(i + 1) ? i : i + 1;
            if (weaker == 0 || weaker == n - 1) continue;
            bad.Add(weaker);
        }
    }

    // Keeps the rules whose both ends land on a crossing rule or on an edge where several rules end together.
    private static (List<RuleSegment>, List<RuleSegment>) Validate(List<RuleSegment> h, List<RuleSegment> v, double snap, double cluster, double dpi, LatticeOptions o)
    {
        // A rule an inch long is no glyph stroke or seal arc: keep it even when a broken-off end falls short of
        // the crossing rule or a touching glyph stroke lengthens it.
        double longRule = 1.0 * dpi;
        bool Ends(RuleSegment s, double[] anchors) =>
            s.Length >= longRule || Near(s.Start, anchors, snap) && Near(s.End, anchors, snap);
        for (int iter = 0; iter < 8; iter++)
        {
            var xs = Cluster(v, cluster);
            var ys = Cluster(h, cluster);
            var ax = xs.Concat(SharedEnds(h, snap, xs)).ToArray();
            var ay = ys.Concat(SharedEnds(v, snap, ys)).ToArray();
            var h2 = h.Where(s => Ends(s, ax)).ToList();
            var v2 = v.Where(s => Ends(s, ay)).ToList();
            bool same = h2.Count == h.Count && v2.Count == v.Count;
            h = h2; v = v2;
            if (same) break;
        }
        return (h, v);
    }

    // Boundaries (clustered rules plus undrawn outer edges) and which boundary pieces carry a rule.
    private sealed record Assembly(Lattice Lattice, List<RuleSegment>[] RowRules, List<RuleSegment>[] ColRules)
    {
        public double Support(bool row, int i) => (row ? RowRules : ColRules)[i].Sum(s => (double)s.Length);
    }

    private static Assembly? Assemble(List<RuleSegment> h, List<RuleSegment> v, double dpi, double snap, double cluster, LatticeOptions o)
    {
        var xs = Cluster(v, cluster, 0.1 * dpi, snap, 0.35 * dpi); var ys = Cluster(h, cluster, 0.08 * dpi, snap, 0.35 * dpi);
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
        var rowRules = Members(h, Y); var colRules = Members(v, X);

        var hRule = new bool[Y.Length, X.Length - 1];
        var vRule = new bool[X.Length, Y.Length - 1];
        for (int i = 0; i < Y.Length; i++)
            for (int j = 0; j < X.Length - 1; j++)
                hRule[i, j] = i == 0 || i == Y.Length - 1 || Covered(rowRules[i], X[j], X[j + 1], snap, o.Coverage);
        for (int i = 0; i < X.Length; i++)
            for (int j = 0; j < Y.Length - 1; j++)
                vRule[i, j] = i == 0 || i == X.Length - 1 || Covered(colRules[i], Y[j], Y[j + 1], snap, o.Coverage);
        double thick = Median(h.Concat(v).Select(s => s.Thickness));
        var lat = new Lattice { Xs = X, Ys = Y, HRule = hRule, VRule = vRule, Dpi = dpi, RuleThickness = thick };
        return new Assembly(lat, rowRules, colRules);
    }

    // Each rule belongs to its nearest boundary.
    private static List<RuleSegment>[] Members(List<RuleSegment> segs, double[] bounds)
    {
        var m = new List<RuleSegment>[bounds.Length];
        for (int i = 0; i < m.Length; i++) m[i] = [];
        foreach (var s in segs)
        {
            int best = 0;
            for (int i = 1; i < bounds.Length; i++) if (Math.Abs(bounds[i] - s.Pos) < Math.Abs(bounds[best] - s.Pos)) best = i;
            m[best].Add(s);
        }
        return m;
    }

    private static double Median(IEnumerable<double> values)
    {
        var a = values.OrderBy(x => x).ToArray();
        return a.Length == 0 ? 1 : a[a.Length / 2];
    }

    // Positions of rules of one direction, chained when closer than `tol`, weighted by length. With `apart`, two
    // neighbouring boundaries closer than that whose rules never run side by side (no overlap beyond `snap`) are one
    // boundary drawn offset in two parts of the table (a form's header block ruled a few pixels left of its
    // indicator block): too close for a column of text between them, and dropping either would merge its cells.
    // Each part must be ruled over `minLength` (rows, not glyph strokes, which the single-row test removes later).
    private static double[] Cluster(List<RuleSegment> segs, double tol, double apart = 0, double snap = 0, double minLength = 0)
    {
        var s = segs.OrderBy(x => x.Pos).ToList();
        var groups = new List<List<RuleSegment>>();
        int i = 0;
        while (i < s.Count)
        {
            var g = new List<RuleSegment> { s[i] };
            int j = i + 1;
            while (j < s.Count && s[j].Pos - g[^1].Pos <= tol) g.Add(s[j++]);
            groups.Add(g);
            i = j;
        }
        static double Mean(List<RuleSegment> g) => g.Sum(x => x.Pos * x.Length) / g.Sum(x => (double)x.Length);
        for (int k = 0; k + 1 < groups.Count; k++)
        {
            var (a, b) = (groups[k], groups[k + 1]);
            if (Mean(b) - Mean(a) > apart || a.Sum(x => x.Length) < minLength || b.Sum(x => x.Length) < minLength) continue;
            if (a.Any(x => b.Any(y => Math.Min(x.End, y.End) - Math.Max(x.Start, y.Start) > snap))) continue;
            a.AddRange(b);
            groups.RemoveAt(k + 1);
            k--;
        }
        return groups.Select(Mean).ToArray();
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

    /// <summary>
    /// A column rule over the whole of one row piece, as thin as the table's rules: 科目编码 | 科目名称 parted in the
    /// header row of a table whose other rows merge the two (an empty table's 合计). Glyph strokes that reach the
    /// rules cover 55–90 % of their row, or are thicker (measured on dev scans); this one covered all of it.
    /// </summary>
    private static bool RuleOverWholePiece(List<RuleSegment> rules, Lattice lat, int row, double dpi)
    {
        // An inner row between rows that can hold text: while a grid is still being cleaned, strokes of the text just
        // under a table can stand as a first or last row of their own, or as a sliver beside one.
        if (row < 1 || row > lat.Rows - 2 || lat.Ys[row] - lat.Ys[row - 1] < 0.1 * dpi || lat.Ys[row + 2] - lat.Ys[row + 1] < 0.1 * dpi) return false;
        double a = lat.Ys[row], b = lat.Ys[row + 1];
        if (b - a < 0.12 * dpi) return false;
        var parts = rules.Where(s => s.End > a && s.Start < b).ToList();
        if (parts.Count == 0 || parts.Any(s => s.Thickness > 1.5 * lat.RuleThickness + 1)) return false;
        return Covered(parts, a, b, snap: 0, share: 0.98);
    }

    private static bool Covered(List<RuleSegment> segs, double a, double b, double snap, double share)
    {
        double lo = a + snap, hi = b - snap;
        if (hi <= lo) { lo = (a + b) / 2 - 1; hi = lo + 2; }
        var parts = new List<(double, double)>();
        foreach (var s in segs)
            if (s.End > lo && s.Start < hi)
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
