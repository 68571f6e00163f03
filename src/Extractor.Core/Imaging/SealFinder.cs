namespace Extractor.Imaging;

/// <summary>A round seal (公章) found on a gray page: its ring's centre and radius (pixels), the gray of its ink and of
/// the cores of the page's print strokes away from it.</summary>
public readonly record struct Seal(int CenterX, int CenterY, int Radius, int Gray, int PrintGray)
{
    /// <summary>
    /// Ink at least this light inside the disk is the seal's, darker ink is print; -1 when the two are too alike in
    /// gray to tell apart (a dark seal on a blurred scan). Just below the seal's median: a cut halfway to the print
    /// took the thin strokes and soft edges of print with it (seen on dev scans: 政协 lost half its strokes).
    /// </summary>
    public int InkCut => Gray - PrintGray >= 50 ? Gray - 25 : -1;

    /// <summary>Whether a rectangle reaches into the seal's disk (with <paramref name="margin"/> pixels to spare).</summary>
    public bool Touches(PixelRect r, int margin = 0)
    {
        int nx = Math.Clamp(CenterX, r.X, r.Right - 1), ny = Math.Clamp(CenterY, r.Y, r.Bottom - 1);
        long dx = nx - CenterX, dy = ny - CenterY, lim = Radius + margin;
        return dx * dx + dy * dy <= lim * lim;
    }

    /// <summary>Whether pixel (x, y) lies inside the disk, ring included.</summary>
    public bool Covers(int x, int y, int margin = 0)
    {
        long dx = x - CenterX, dy = y - CenterY, lim = Radius + margin;
        return dx * dx + dy * dy <= lim * lim;
    }
}

/// <summary>
/// Round seals on gray scans. A red seal scanned in gray keeps no colour to drop it by, but its ink is mid-gray while
/// print is black: the ring is a circle of ink with no black core anywhere along it. Cells under a seal read as
/// garbage ("社会公众知晓率" → "社会公S半") because its ring and star cross the glyphs; knowing where it lies lets the
/// cell reader take the mid-gray ink out there, and only there (taking it out everywhere cost faint print: thin
/// strokes at 200 dpi are as light as a faded seal).
/// </summary>
public static class SealFinder
{
    /// <summary>The page's seal of radius 0.6–1.05 in (official seals are 38–45 mm across), if any: the strongest ring
    /// only (a disclosure page carries one). inkThreshold is the page's print/paper threshold (Otsu).</summary>
    public static IReadOnlyList<Seal> Find(GrayImage img, int inkThreshold)
    {
        ArgumentNullException.ThrowIfNull(img);
        var hist = Threshold.Histogram(img);
        int core = Percentile(hist, 0, inkThreshold, CoreShare);
        if (core < 0 || inkThreshold - core < 40) return [];
        // Pixels darker than this are print (or a rule): a seal stroke has none of them, a glyph stroke has them at its core.
        int dark = core + (int)(DarkShare * (inkThreshold - core));

        // Work on cells of ~1/50 in: a cell is seal-like when it holds mid-gray ink and next to no dark ink in or around it.
        int s = Math.Max(2, (int)Math.Round(img.Dpi / 50));
        int gw = img.Width / s, gh = img.Height / s;
        if (gw < 20 || gh < 20) return [];
        var mid = new int[gw * gh];
        var darkN = new int[gw * gh];
        for (int y = 0; y < gh * s; y++)
        {
            int row = y * img.Width, g = (y / s) * gw;
            for (int x = 0; x < gw * s; x++)
            {
                int v = img.Pixels[row + x];
                if (v > inkThreshold) continue;
                if (v <= dark) darkN[g + x / s]++;
                else mid[g + x / s]++;
            }
        }
        var point = new bool[gw * gh];
        int need = Math.Max(2, s * s / 4);
        var points = new List<(int X, int Y)>();
        for (int gy = 1; gy < gh - 1; gy++)
            for (int gx = 1; gx < gw - 1; gx++)
            {
                int i = gy * gw + gx;
                if (mid[i] < need) continue;
                int dn = 0, mn = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++) { dn += darkN[i + dy * gw + dx]; mn += mid[i + dy * gw + dx]; }
                if (dn <= DarkAllowed * mn) { point[i] = true; points.Add((gx, gy)); }
            }
        DropStraightRuns(point, gw, gh, points, minRun: (int)(0.5 * img.Dpi / s));
        if (points.Count < 40) return [];

        // Circle Hough over the seal-like cells, one accumulator per radius.
        int rMin = (int)(MinRadiusIn * img.Dpi / s), rMax = (int)(1.05 * img.Dpi / s);
        const int Angles = 90;
        var cos = new double[Angles]; var sin = new double[Angles];
        for (int a = 0; a < Angles; a++) { cos[a] = Math.Cos(2 * Math.PI * a / Angles); sin[a] = Math.Sin(2 * Math.PI * a / Angles); }
        var seals = new List<Seal>();
        var acc = new int[gw * gh];
        int bestVotes = 0, bx = 0, by = 0, br = 0;
        for (int r = rMin; r <= rMax; r += 1)
        {
            Array.Clear(acc);
            foreach (var (px, py) in points)
            {
                int last = -1;
                for (int a = 0; a < Angles; a++)
                {
                    int cx = px + (int)Math.Round(r * cos[a]), cy = py + (int)Math.Round(r * sin[a]);
                    if (cx < 0 || cy < 0 || cx >= gw || cy >= gh) continue;
                    int i = cy * gw + cx;
                    if (i == last) continue;
                    last = i;
                    acc[i]++;
                }
            }
            for (int i = 0; i < acc.Length; i++)
                if (acc[i] > bestVotes) { bestVotes = acc[i]; bx = i % gw; by = i / gw; br = r; }
        }
        if (br == 0) return [];
        // Confirm: the ring is there all round (most of 72 directions meet seal-like ink at the radius), not an arc of
        // glyph halos that happened to line up.
        int covered = Coverage(point, gw, gh, bx, by, br), outside = Coverage(point, gw, gh, bx, by, (int)Math.Round(br * 1.3));
        int beyond = Coverage(point, gw, gh, bx, by, (int)Math.Round(br * 1.15));
        // A ring has paper just outside it; a circle laid through dense print finds ink there as well
        // (measured on dev scans: seals 3–12 of 72 directions at 1.3 r, print 28–38). A ring a little less complete
        // (42–43 of 72: its faint arcs under the ink threshold) counts when the paper outside it is nearly clean: on
        // the scanned pages of the dev split and one generated seed, no circle through print came within 38 directions
        // with under a fifth of them outside, while two gray seals did and were missed. A seal stamped over a column
        // of amounts has print all round it, but its ring is still far more complete than the circle just outside.
        // Whatever the case, the ring must stand out from 1.15 r by 20 directions: measured on 175 gray scans (dev
        // split, seeds 793 and 809; 51 with a seal), circles through print came within 18, seals 20 and more; the
        // rules together found 40 seals and no false one (before: 36 and one).
        bool isRing = (covered >= 0.6 * 72 && outside <= 0.35 * covered || covered >= 0.55 * 72 && outside <= 0.2 * covered
            || covered >= 0.7 * 72) && covered - beyond >= 20;
        if (!isRing) return [];
        // The seal's gray: median of the mid-gray ink on its ring.
        var ring = new int[256];
        int cxp = bx * s + s / 2, cyp = by * s + s / 2, rp = br * s;
        for (int y = Math.Max(0, cyp - rp - 2 * s); y < Math.Min(img.Height, cyp + rp + 2 * s); y++)
            for (int x = Math.Max(0, cxp - rp - 2 * s); x < Math.Min(img.Width, cxp + rp + 2 * s); x++)
            {
                int v = img.Pixels[y * img.Width + x];
                if (v <= dark || v > inkThreshold) continue;
                double d = Math.Sqrt((double)(x - cxp) * (x - cxp) + (double)(y - cyp) * (y - cyp));
                if (Math.Abs(d - rp) <= 2 * s) ring[v]++;
            }
        int gray = Percentile(ring, 0, 255, 0.5);
        if (gray < 0) return [];
        seals.Add(new Seal(cxp, cyp, rp + s, gray, StrokeGray(img, inkThreshold, cxp, cyp, rp + 2 * s)));
        return seals;
    }

    // The page's print level is its darkest twentieth of ink; ink darker than 45 % of the way from there to the
    // paper threshold is print; a seal-like cell may hold a tenth as much of it as of mid-gray (JPEG specks).
    private const double CoreShare = 0.05, DarkShare = 0.45, DarkAllowed = 0.1;

    // Official seals are 38–45 mm across (radius 0.75–0.89 in); 0.6 in leaves room for small ones and keeps the
    // search above the radius at which circles laid through rows of print found their best votes (0.45 in, the old
    // floor, on 30 of 175 gray dev scans).
    private const double MinRadiusIn = 0.6;

    /// <summary>
    /// The gray of print strokes away from the seal: the median of ink pixels no lighter than their four neighbours
    /// (a stroke's core). The page's darkest ink says little: a blurred 150-dpi scan prints digits whose cores are as
    /// light as the seal while its bold headers stay black.
    /// </summary>
    private static int StrokeGray(GrayImage img, int inkThreshold, int cx, int cy, int r)
    {
        var hist = new int[256];
        long r2 = (long)r * r;
        int w = img.Width;
        for (int y = 1; y < img.Height - 1; y++)
            for (int x = 1; x < w - 1; x++)
            {
                int i = y * w + x, v = img.Pixels[i];
                if (v > inkThreshold || v > img.Pixels[i - 1] || v > img.Pixels[i + 1] || v > img.Pixels[i - w] || v > img.Pixels[i + w]) continue;
                long dx = x - cx, dy = y - cy;
                if (dx * dx + dy * dy <= r2) continue;
                hist[v]++;
            }
        return Math.Max(0, Percentile(hist, 0, 255, 0.5));
    }

    // How many of 72 directions from (cx, cy) meet a seal-like cell at radius r (±2 cells).
    private static int Coverage(bool[] point, int gw, int gh, int cx, int cy, int r)
    {
        int covered = 0;
        for (int a = 0; a < 72; a++)
        {
            double c = Math.Cos(2 * Math.PI * a / 72), sn = Math.Sin(2 * Math.PI * a / 72);
            bool hit = false;
            for (int dr = -2; dr <= 2 && !hit; dr++)
            {
                int x = cx + (int)Math.Round((r + dr) * c), y = cy + (int)Math.Round((r + dr) * sn);
                if (x >= 0 && y >= 0 && x < gw && y < gh && point[y * gw + x]) hit = true;
            }
            if (hit) covered++;
        }
        return covered;
    }

    // Faint table rules pass the seal-like test too: cells in a long straight horizontal or vertical run are no seal.
    private static void DropStraightRuns(bool[] point, int gw, int gh, List<(int X, int Y)> points, int minRun)
    {
        var drop = new bool[point.Length];
        for (int y = 0; y < gh; y++) DropRuns(point, drop, y * gw, 1, gw, minRun);
        for (int x = 0; x < gw; x++) DropRuns(point, drop, x, gw, gh, minRun);
        for (int i = 0; i < point.Length; i++) if (drop[i]) point[i] = false;
        points.RemoveAll(p => drop[p.Y * gw + p.X]);
    }

    // Along one row or column (first index, step between cells, length): mark runs of at least minRun cells.
    private static void DropRuns(bool[] point, bool[] drop, int first, int step, int length, int minRun)
    {
        for (int k = 0; k < length;)
        {
            int end = k;
            while (end < length && point[first + end * step]) end++;
            if (end - k >= minRun) for (int j = k; j < end; j++) drop[first + j * step] = true;
            k = end == k ? k + 1 : end;
        }
    }

    // The value below which the given share of pixels in [lo, hi] lie; -1 when none.
    private static int Percentile(int[] hist, int lo, int hi, double share)
    {
        long total = 0;
        for (int v = lo; v <= hi; v++) total += hist[v];
        if (total == 0) return -1;
        long seen = 0;
        for (int v = lo; v <= hi; v++) { seen += hist[v]; if (seen >= share * total) return v; }
        return hi;
    }
}
