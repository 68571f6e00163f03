using System.Text;
using System.Text.RegularExpressions;
using Extractor.Imaging;
using Extractor.Ocr;

namespace Extractor.Tables;

/// <summary>Tunables of <see cref="CellOcr"/>.</summary>
public sealed record CellOcrOptions
{
    /// <summary>Pixels kept clear of the rule beyond its half thickness (measured: including the rule ruins OCR).</summary>
    public int InsetPx { get; init; } = 3;
    /// <summary>Re-read numeric cells with a digits whitelist.</summary>
    public bool DigitsWhitelist { get; init; } = true;
    /// <summary>Multi-line cells read as a block (PSM 6) instead of one line (PSM 7).</summary>
    public bool BlockForMultiLine { get; init; } = true;
    /// <summary>Bound cells by their own rules found near the lattice boundary (scans bend rules off the boundary).</summary>
    public bool LocalRules { get; init; } = true;
    /// <summary>Cells of images below this resolution are enlarged (integer factor) before OCR; 0 = never (measured: 2x at 200 dpi lost 0.5 points of digits and 1.8 of Chinese).</summary>
    public double UpscaleBelowDpi { get; init; }
    /// <summary>Wrapped cells read one text line at a time (instead of one block).</summary>
    public bool PerLine { get; init; }
    /// <summary>A wrapped cell whose block reading is unsure or Latin junk is read again line by line (PSM 7 each).</summary>
    public bool PerLineWhenBlockFails { get; init; } = true;
    /// <summary>Strokes that cross a cell from side to side and stand taller than its text are not read.</summary>
    public bool DropPassingStrokes { get; init; } = true;
    /// <summary>A cell with ink that reads as nothing is read again at twice the size.</summary>
    public bool RetryEmptyEnlarged { get; init; } = true;
    /// <summary>A one-line cell the engine is unsure of is read again at twice the size; kept when it is clearly surer.</summary>
    public bool RetryUnsureEnlarged { get; init; } = true;
    /// <summary>Inside a seal found on the page, ink as light as the seal's and not touching print is not read.</summary>
    public bool MaskSeals { get; init; } = true;
    /// <summary>The crop's paper is made white and its ink stretched to black before OCR (<see cref="Contrast.WhitenPaper"/>).</summary>
    public bool WhitenPaper { get; init; } = true;
    /// <summary>Cells under a 分值 / 得分 header are read as numbers, at twice the size (short Chinese first readings retried).</summary>
    public bool ScoreColumnDigits { get; init; } = true;
    /// <summary>A number read as one to three characters is read again at twice the size; kept when it only adds one.</summary>
    public bool ShortNumbersEnlarged { get; init; } = true;
    /// <summary>A short number the enlarged re-read did not complete is read by the English model alone; kept when it only adds one character.</summary>
    public bool EnglishDigits { get; init; } = true;
    public const string Digits = "0123456789.,-";
}

/// <summary>Where a cell's ink sits and how many text lines it has (null region = no ink).</summary>
public readonly record struct CellInk(PixelRect? Region, int Lines, int InkPixels)
{
    /// <summary>Top and bottom (exclusive) pixel rows of each text line when the cell holds several.</summary>
    public IReadOnlyList<(int Y0, int Y1)>? LineBands { get; init; }
    /// <summary>Strokes that only pass through the cell (a seal's ring): painted over as paper before OCR.</summary>
    public StrayStrokes? Strays { get; init; }
    /// <summary>The last of several lines is a few characters wide (a name wrapped one or two characters before its end).</summary>
    public bool LastLineShort { get; init; }
    /// <summary>Gray at or below which the cell's pixels were counted as ink (<see cref="CellOcr.CellThreshold"/>).</summary>
    public int Threshold { get; init; }
}

/// <summary>Pixels of strokes to paint over: a mask laid at <see cref="Area"/> (image pixels).</summary>
public sealed record StrayStrokes(PixelRect Area, BinaryImage Mask)
{
    /// <summary>Pixels darker than this are never painted over (text ink where a lighter seal stroke touches it).</summary>
    public int KeepBelow { get; init; } = -1;

    /// <summary>Whether image pixel (x, y) belongs to a stray stroke.</summary>
    public bool Covers(int x, int y)
    {
        int mx = x - Area.X, my = y - Area.Y;
        return mx >= 0 && my >= 0 && mx < Mask.Width && my < Mask.Height && Mask[mx, my];
    }
}

/// <summary>Text of one cell and the engine's confidence.</summary>
public readonly record struct CellReading(string Text, double Confidence, bool Numeric)
{
    /// <summary>
    /// How sure the reading is for review: the engine's mean, or its least sure word plus a margin when that is
    /// lower. One misread character among clear ones ("焉目完成时间") leaves the mean high; measured on the two dev
    /// sets, wrong facts flagged 84.5 → 90.5 % and 90.0 → 96.0 %, flagged facts wrong 83.5 → 79.2 % and 78.2 → 76.4 %
    /// (margin 0: 91.7 / 96.5 % flagged, 74.0 / 71.1 % of flags wrong). Reading choices keep the mean.
    /// </summary>
    public double ReviewConfidence { get; init; } = Confidence;
}

/// <summary>
/// OCR of table cells on a deskewed gray page: a cell is inset past its rules, trimmed to its ink (ink-free cells are
/// skipped: Tesseract hallucinates on empty boxes), read as one line (PSM 7) or a block (PSM 6) by its row ink profile;
/// cells of numeric columns (decided from the header's meaning and a first reading) are re-read with a digits whitelist.
/// </summary>
public sealed partial class CellOcr
{
    private readonly CellOcrOptions _o;
    public CellOcr(CellOcrOptions? options = null) => _o = options ?? new CellOcrOptions();

    // The longest stretch of counts[from..to] with ink, across gaps of up to two empty entries (the thin bars of a
    // faint small 2 or 5 fall under the ink threshold).
    private static int LongestRun(int[] counts, int from, int to)
    {
        int best = 0, start = -1, last = -1;
        for (int i = from; i <= to; i++)
        {
            if (counts[i] == 0) continue;
            if (start < 0 || i - last > 3) start = i;
            last = i;
            best = Math.Max(best, last - start + 1);
        }
        return best;
    }

    // Header words of amount columns and of label columns (科目名称/项目/指标 …); read by meaning, not by position.
    private static readonly string[] NumericHeaderWords =
        ["金额", "合计", "总计", "小计", "预算数", "决算数", "预算", "决算", "支出", "收入", "拨款", "经费", "资金", "数", "分值", "得分", "权重", "编码", "代码", "科目编码", "功能分类", "经济分类"];
    private static readonly string[] LabelHeaderWords =
        ["名称", "项目", "指标", "内容", "说明", "单位", "目标", "原因", "措施", "备注", "类型", "性质"];

    /// <summary>Ink of a cell rectangle (pixels, rule centres at its edges) after insetting past the rules.</summary>
    public CellInk FindInk(GrayImage img, PixelRect cell, double ruleThickness, int inkThreshold, IReadOnlyList<Seal>? seals = null)
    {
        int inset = (int)Math.Ceiling(ruleThickness / 2) + _o.InsetPx;
        inkThreshold = CellThreshold(img, cell, inset, inkThreshold);
        var r = _o.LocalRules ? InsideLocalRules(img, cell, inset, inkThreshold) : Inset(img, cell, inset);
        if (r.Width < 4 || r.Height < 4) return new(null, 0, 0);
        int w = img.Width;
        var rows = new int[r.Height]; var cols = new int[r.Width];
        var sealInk = _o.MaskSeals && seals is { Count: > 0 } ? SealInk(img, r, seals, inkThreshold) : null;
        CountInk(img, r, inkThreshold, sealInk, rows, cols);
        // Leftovers of a rule (residual skew, thick rules) run along the whole edge: drop such edge rows/columns.
        int top = 0, bottom = r.Height - 1, left = 0, right = r.Width - 1;
        while (top < bottom && rows[top] > 0.9 * r.Width) top++;
        while (bottom > top && rows[bottom] > 0.9 * r.Width) bottom--;
        while (left < right && cols[left] > 0.9 * r.Height) left++;
        while (right > left && cols[right] > 0.9 * r.Height) right--;
        // Strokes crossing the inside (found within the rule leftovers, which would join every glyph they touch).
        var strays = _o.DropPassingStrokes
            ? PassingStrokes(img, new PixelRect(r.X + left, r.Y + top, right - left + 1, bottom - top + 1), inkThreshold)
            : null;
        strays = Merge(strays, sealInk);
        if (strays is not null) CountInk(img, r, inkThreshold, strays, rows, cols);
        // Ink bounding box, ignoring isolated specks (a row/column needs 1 pixel; totals need a few glyph strokes).
        int y0 = -1, y1 = -1, x0 = -1, x1 = -1, total = 0;
        for (int y = top; y <= bottom; y++) if (rows[y] > 0) { if (y0 < 0) y0 = y; y1 = y; total += rows[y]; }
        for (int x = left; x <= right; x++) if (cols[x] > 0) { if (x0 < 0) x0 = x; x1 = x; }
        double scale = img.Dpi / 100.0;
        int minInk = (int)Math.Ceiling(8 * scale * scale);
        int minExtent = Math.Max(3, (int)(0.03 * img.Dpi));
        // A glyph of small print (a 栏次 row's 1, 7, at 4 pt) holds less ink than the floor: a line's height of ink
        // with half the floor is still text, where specks and rule ends are smaller or thin along an edge.
        bool smallGlyph = total >= minInk / 2 && y0 >= 0 && LongestRun(rows, y0, y1) >= 0.05 * img.Dpi;
        if (y0 < 0 || total < minInk && !smallGlyph || (y1 - y0 + 1 < minExtent && x1 - x0 + 1 < minExtent)) return new(null, 0, total);

        // Text lines: bands of inked rows separated by gaps (a row with a speck or two of JPEG noise is still a gap).
        int lines = 0, minBand = Math.Max(3, (int)(0.04 * img.Dpi));
        int speck = Math.Max(1, (x1 - x0 + 1) / 100);
        int bandStart = -1;
        var bands = new List<(int, int)>();
        for (int y = y0; y <= y1 + 1; y++)
        {
            bool ink = y <= y1 && rows[y] > speck;
            if (ink && bandStart < 0) bandStart = y;
            else if (!ink && bandStart >= 0) { if (y - bandStart >= minBand) { lines++; bands.Add((r.Y + bandStart, r.Y + y)); } bandStart = -1; }
        }
        if (lines <= 1 && FaintGapBands(rows, y0, y1, speck, img.Dpi) is { } split)
        {
            // Each line found so must hold a glyph's worth of ink over a glyph's width: not a rule's end or a speck's trail.
            var real = split.Select(b => (Y0: r.Y + b.Y0, Y1: r.Y + b.Y1))
                .Where(b => rows[(b.Y0 - r.Y)..(b.Y1 - r.Y)].Sum() >= 2 * minInk &&
                            InkWidth(img, b, r.X + x0, r.X + x1, inkThreshold, strays) >= 0.04 * img.Dpi).ToList();
            if (real.Count > 1) { bands = real; lines = bands.Count; }
        }
        // Ink in no band as tall as a glyph's stroke run, and thinner than one: a rule's skewed or curved end along
        // the inset edge (an empty 指标 cell read "一一" and made an indicator), or a printed dash, which means empty.
        if (lines == 0 && y1 - y0 + 1 < minBand) return new(null, 0, total);
        lines = Math.Max(1, lines);
        int pad = Math.Max(3, (int)(0.03 * img.Dpi));
        var box = new PixelRect(r.X + x0 - pad, r.Y + y0 - pad, x1 - x0 + 1 + 2 * pad, y1 - y0 + 1 + 2 * pad);
        // Keep the padding inside the inset rectangle (never back onto the rules).
        int bx0 = Math.Max(box.X, r.X + left), by0 = Math.Max(box.Y, r.Y + top);
        int bx1 = Math.Min(box.Right, r.X + right + 1), by1 = Math.Min(box.Bottom, r.Y + bottom + 1);
        bool lastShort = bands.Count > 1 && InkWidth(img, bands[^1], r.X + x0, r.X + x1, inkThreshold, strays) < 0.35 * (x1 - x0 + 1);
        return new(new PixelRect(bx0, by0, bx1 - bx0, by1 - by0), lines, total)
            { LineBands = bands.Count > 1 ? bands : null, Strays = strays, LastLineShort = lastShort, Threshold = inkThreshold };
    }

    /// <summary>Least distance below a cell's paper gray for a pixel to count as ink.</summary>
    internal const int MinPaperGap = 30;

    /// <summary>
    /// The page's ink threshold, or lower where the cell's own paper (its median gray inside the rules) is not
    /// <see cref="MinPaperGap"/> lighter than it. A photo darker towards one corner puts the page's Otsu cut inside
    /// the paper's range (204 against paper at 192–216 on a 支出总表 whose ink was 100–160): every pixel of the dark
    /// corner's cells was ink, the cell's rules were found all over it and its codes came back empty. A gray-filled
    /// header cell is the same case. Elsewhere the page's cut stays (cells of clean pages sit 40–80 below their paper).
    /// </summary>
    internal static int CellThreshold(GrayImage img, PixelRect cell, int inset, int pageThreshold)
    {
        var r = Inset(img, cell, inset);
        if (r.Width < 4 || r.Height < 4) return pageThreshold;
        var hist = new int[256];
        int n = 0;
        for (int y = r.Y; y < r.Bottom; y += 2)
            for (int x = r.X; x < r.Right; x += 2) { hist[img.Pixels[y * img.Width + x]]++; n++; }
        return Math.Min(pageThreshold, Threshold.GrayAtCount(hist, (n + 1) / 2) - MinPaperGap);
    }

    // The cell's rectangle moved in by `inset` on every side, on the image.
    private static PixelRect Inset(GrayImage img, PixelRect cell, int inset) =>
        new PixelRect(cell.X + inset, cell.Y + inset, cell.Width - 2 * inset, cell.Height - 2 * inset).ClipTo(img.Width, img.Height);

    /// <summary>
    /// Wrapped lines the plain band search misses, so the cell is read as one line, which garbled its start and
    /// dropped the rest ("按时完成…正常运" + "转。" read "oo提高…正常运"): a last line of one character has rows of
    /// fewer pixels than the speck allowance (measured: 3–19 against 6), and a masked seal's remnants or JPEG grain
    /// can bridge a gap. Looks again with rows of 2 pixels counted as ink, then with a gap allowed a tenth of a full
    /// row's ink. Only bands as tall as small print (0.07 in) count, so a line's top and bottom halves never pass
    /// for two lines and specks never make one.
    /// </summary>
    internal static List<(int Y0, int Y1)>? FaintGapBands(int[] rows, int y0, int y1, int speck, double dpi)
    {
        int minLine = (int)Math.Ceiling(0.07 * dpi);
        if (y1 - y0 + 1 < 2 * minLine + 1) return null;
        var counts = new List<int>();
        for (int y = y0; y <= y1; y++) if (rows[y] > speck) counts.Add(rows[y]);
        if (counts.Count == 0) return null;
        counts.Sort();
        foreach (int cut in new[] { 1, Math.Max(speck, (int)(0.1 * counts[counts.Count * 3 / 4])) })
        {
            var bands = new List<(int, int)>();
            int start = -1;
            for (int y = y0; y <= y1 + 1; y++)
            {
                bool ink = y <= y1 && rows[y] > cut;
                if (ink && start < 0) start = y;
                else if (!ink && start >= 0) { if (y - start >= minLine) bands.Add((start, y)); start = -1; }
            }
            if (bands.Count > 1) return bands;
        }
        return null;
    }

    /// <summary>
    /// Seal ink inside the cell's rectangle: pixels within a seal's disk at least as light as its cut between seal and
    /// print gray, and not near a darker (print) pixel, which keeps a glyph's soft edge where the seal crosses it.
    /// </summary>
    private static StrayStrokes? SealInk(GrayImage img, PixelRect r, IReadOnlyList<Seal> seals, int inkThreshold)
    {
        BinaryImage? mask = null;
        int keep = -1, margin = (int)(img.Dpi / 25);
        foreach (var seal in seals)
        {
            int cut = seal.InkCut;
            if (cut < 0 || !seal.Touches(r, margin)) continue;
            mask ??= new BinaryImage(r.Width, r.Height);
            keep = Math.Max(keep, cut);
            for (int y = r.Y; y < r.Bottom; y++)
                for (int x = r.X; x < r.Right; x++)
                {
                    int v = img.Pixels[y * img.Width + x];
                    if (v > inkThreshold || v < cut || !seal.Covers(x, y, margin) || NextToDarker(img, x, y, cut)) continue;
                    mask[x - r.X, y - r.Y] = true;
                }
        }
        return mask is null ? null : new StrayStrokes(r, mask) { KeepBelow = keep };
    }

    // How far (pixels) from a pixel darker than the cut a lighter one still counts as that stroke's edge. On a soft scan
    // (print cores 96, seal 161, cut 136) a digit's strokes are mostly lighter than the cut one pixel out from their
    // core: with 1 the mask took them and a seal's amounts read "26", "2", "15" for 26.96, 52.67, 25.19 (3 of 14 cells
    // under it right; 7 with 2, 4 with 3). Measured with 2 on the dev scans and seeds 795, 807, 809: see ACCURACY.md.
    private const int PrintReach = 2;

    private static bool NextToDarker(GrayImage img, int x, int y, int cut)
    {
        for (int dy = -PrintReach; dy <= PrintReach; dy++)
            for (int dx = -PrintReach; dx <= PrintReach; dx++)
            {
                int u = x + dx, v = y + dy;
                if (u >= 0 && v >= 0 && u < img.Width && v < img.Height && img.Pixels[v * img.Width + u] < cut) return true;
            }
        return false;
    }

    // One mask over the larger area (the seal's covers the whole inside, passing strokes a part of it).
    private static StrayStrokes? Merge(StrayStrokes? a, StrayStrokes? b)
    {
        if (a is null || b is null) return a ?? b;
        var (big, small) = a.Area.Width * a.Area.Height >= b.Area.Width * b.Area.Height ? (a, b) : (b, a);
        var mask = big.Mask.Clone();
        for (int y = 0; y < small.Mask.Height; y++)
            for (int x = 0; x < small.Mask.Width; x++)
            {
                if (!small.Mask[x, y]) continue;
                int u = small.Area.X + x - big.Area.X, v = small.Area.Y + y - big.Area.Y;
                if (u >= 0 && v >= 0 && u < mask.Width && v < mask.Height) mask[u, v] = true;
            }
        return new StrayStrokes(big.Area, mask) { KeepBelow = Math.Max(a.KeepBelow, b.KeepBelow) };
    }

    // Whether nearly every row of the blob crosses it in one run of ink (a stroke), not several (glyphs).
    private static bool SingleStroke(int[] labels, int width, Component c)
    {
        int rows = 0, single = 0;
        for (int y = c.Box.Y; y < c.Box.Bottom; y++)
        {
            int runs = 0;
            bool inside = false;
            for (int x = c.Box.X; x < c.Box.Right; x++)
            {
                bool on = labels[y * width + x] == c.Id;
                if (on && !inside) runs++;
                inside = on;
            }
            if (runs == 0) continue;
            rows++;
            if (runs == 1) single++;
        }
        return rows > 0 && single >= 0.85 * rows;
    }

    // Width of the ink in a band of rows between two columns (inclusive).
    private static int InkWidth(GrayImage img, (int Y0, int Y1) band, int xa, int xb, int inkThreshold, StrayStrokes? strays)
    {
        int lo = int.MaxValue, hi = -1;
        for (int y = band.Y0; y < band.Y1; y++)
        {
            int o = y * img.Width;
            for (int x = xa; x <= xb; x++)
                if (img.Pixels[o + x] <= inkThreshold && (strays is null || !strays.Covers(x, y))) { lo = Math.Min(lo, x); hi = Math.Max(hi, x); }
        }
        return hi < 0 ? 0 : hi - lo + 1;
    }

    private static void CountInk(GrayImage img, PixelRect r, int inkThreshold, StrayStrokes? strays, int[] rows, int[] cols)
    {
        Array.Clear(rows); Array.Clear(cols);
        for (int y = 0; y < r.Height; y++)
        {
            int o = (r.Y + y) * img.Width + r.X;
            for (int x = 0; x < r.Width; x++)
                if (img.Pixels[o + x] <= inkThreshold && (strays is null || !strays.Covers(r.X + x, r.Y + y))) { rows[y]++; cols[x]++; }
        }
    }

    /// <summary>
    /// Ink blobs that run from one side of the cell's inside to another and stand taller than the text: a seal's
    /// ring or a stray pen line crossing the cell (measured on dev scans: "水费" read "水费7", "设备购置数量" read
    /// "设备购置数量N" from an arc at the cell's edge). Text keeps clear of the rules, so a glyph touches two sides
    /// only in cramped cells, and then it is no taller than its neighbours. Null when there is none.
    /// </summary>
    private static StrayStrokes? PassingStrokes(GrayImage img, PixelRect r, int inkThreshold)
    {
        var bin = new BinaryImage(r.Width, r.Height);
        for (int y = 0; y < r.Height; y++)
        {
            int o = (r.Y + y) * img.Width + r.X;
            for (int x = 0; x < r.Width; x++) if (img.Pixels[o + x] <= inkThreshold) bin[x, y] = true;
        }
        var labels = new int[r.Width * r.Height];
        var comps = ConnectedComponents.Label(bin, labels);
        if (comps.Count == 0) return null;
        int Sides(PixelRect b) => (b.X <= 0 ? 1 : 0) + (b.Y <= 0 ? 1 : 0) + (b.Right >= r.Width ? 1 : 0) + (b.Bottom >= r.Height ? 1 : 0);
        // Text height: the median height of blobs that touch no side (speck-sized ones aside).
        int minGlyph = Math.Max(3, (int)(0.03 * img.Dpi));
        var inner = comps.Where(c => Sides(c.Box) == 0 && Math.Max(c.Box.Width, c.Box.Height) >= minGlyph)
            .Select(c => c.Box.Height).OrderBy(h => h).ToList();
        double text = inner.Count > 0 ? inner[inner.Count / 2] : 0.12 * img.Dpi;
        var drop = new HashSet<int>();
        foreach (var c in comps)
        {
            if (Sides(c.Box) < 2) continue;
            // Taller than the text, and a single stroke: a glyph it touches adds runs to the rows they share
            // (measured: an arc touching "44.40" took the ".40" with it when judged by size alone).
            if (c.Box.Height >= 1.4 * text && c.Box.Width <= 2.5 * text && SingleStroke(labels, r.Width, c)) drop.Add(c.Id);
        }
        if (drop.Count == 0) return null;
        // A seal stroke is mid-gray, print is black: where the stroke touches a glyph ("1.61" with an arc through its
        // "1", which went with the arc), the pixels much darker than the stroke are the glyph's and stay.
        byte Gray(int i) => img.Pixels[(r.Y + i / r.Width) * img.Width + r.X + i % r.Width];
        var strokeGray = new List<byte>(); var textGray = new List<byte>();
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] != 0) (drop.Contains(labels[i]) ? strokeGray : textGray).Add(Gray(i));
        int keepBelow = -1;
        if (textGray.Count > 0)
        {
            strokeGray.Sort(); textGray.Sort();
            int stroke = strokeGray[strokeGray.Count / 2], print = textGray[textGray.Count / 2];
            if (stroke - print >= 40) keepBelow = (stroke + print) / 2;
        }
        var mask = new BinaryImage(r.Width, r.Height);
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] != 0 && drop.Contains(labels[i]) && Gray(i) >= keepBelow)
                mask.Bits[i] = 1;
        return new StrayStrokes(r, mask) { KeepBelow = keepBelow };
    }

    /// <summary>
    /// The cell's ink box copied onto white paper with a margin: Tesseract reads glyphs touching the image edge badly
    /// and Leptonica complains ("boxClipToRectangle: box outside rectangle") when a line box reaches past it.
    /// </summary>
    public static GrayImage Padded(GrayImage img, PixelRect r, int margin, StrayStrokes? strays = null)
    {
        var c = r.ClipTo(img.Width, img.Height);
        var dst = new GrayImage(c.Width + 2 * margin, c.Height + 2 * margin, img.Dpi);
        // The margin takes the paper's own gray (the crop's median): a white frame around gray paper is an edge
        // that Tesseract reads as "|".
        var hist = new int[256];
        for (int y = 0; y < c.Height; y++)
            for (int x = 0; x < c.Width; x++) hist[img.Pixels[(c.Y + y) * img.Width + c.X + x]]++;
        int half = c.Width * c.Height / 2, seen = 0, paper = 255;
        for (int v = 0; v < 256; v++) { seen += hist[v]; if (seen > half) { paper = v; break; } }
        Array.Fill(dst.Pixels, (byte)paper);
        for (int y = 0; y < c.Height; y++)
            Buffer.BlockCopy(img.Pixels, (c.Y + y) * img.Width + c.X, dst.Pixels, (y + margin) * dst.Width + margin, c.Width);
        if (strays is not null)
        {
            // Paint the stray strokes, and the gray fringe one pixel around them, as paper.
            var a = strays.Area;
            for (int y = 0; y < c.Height; y++)
                for (int x = 0; x < c.Width; x++)
                {
                    int mx = c.X + x - a.X, my = c.Y + y - a.Y;
                    if (NearMask(strays.Mask, mx, my) && img.Pixels[(c.Y + y) * img.Width + c.X + x] >= strays.KeepBelow)
                        dst.Pixels[(y + margin) * dst.Width + margin + x] = (byte)paper;
                }
        }
        return dst;
    }

    private static bool NearMask(BinaryImage m, int x, int y)
    {
        for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
            {
                int u = x + dx, v = y + dy;
                if (u >= 0 && v >= 0 && u < m.Width && v < m.Height && m[u, v]) return true;
            }
        return false;
    }

    private GrayImage Cell(GrayImage img, PixelRect r, StrayStrokes? strays = null)
    {
        var cell = Padded(img, r, Math.Max(4, (int)(0.05 * img.Dpi)), strays);
        // Tesseract's LSTM wants text taller than scans at 150–200 dpi give small print: enlarge those cells.
        return _o.UpscaleBelowDpi > img.Dpi ? Scale.Up(cell, (int)Math.Ceiling(_o.UpscaleBelowDpi / img.Dpi)) : cell;
    }

    /// <summary>
    /// The cell's inside, bounded by its own rules where they are found near the lattice's boundaries: on phone scans
    /// perspective bends rules several pixels off the straight boundary, and right-aligned numbers sit next to their
    /// rule, so a fixed inset from the boundary cut their last digit (measured: "6.18" read "6.1"). Rules are looked
    /// for 0.07 in either side: near a keystoned table's top a rule stood 12 px off, beyond the 0.04 in searched
    /// before, and codes printed against it lost their first digit ("30216" read "0216").
    /// </summary>
    private PixelRect InsideLocalRules(GrayImage img, PixelRect cell, int inset, int ink)
    {
        int search = Math.Max(4, (int)(0.07 * img.Dpi));
        int x0 = Edge(img, cell, cell.X, +1, vertical: true, search, inset, ink);
        int x1 = Edge(img, cell, cell.Right, -1, vertical: true, search, inset, ink);
        int y0 = Edge(img, cell, cell.Y, +1, vertical: false, search, inset, ink);
        int y1 = Edge(img, cell, cell.Bottom, -1, vertical: false, search, inset, ink);
        return new PixelRect(x0, y0, x1 - x0, y1 - y0).ClipTo(img.Width, img.Height);
    }

    // Inner limit of one cell edge: the rule's inner side (found as the line of pixels near the boundary that is
    // inked over most of the cell's middle) plus InsetPx; the plain inset from the boundary when no rule is found.
    private int Edge(GrayImage img, PixelRect cell, int boundary, int inward, bool vertical, int search, int inset, int ink)
    {
        int fallback = boundary + inward * inset;
        int span = vertical ? cell.Height : cell.Width;
        int a0 = (vertical ? cell.Y : cell.X) + span / 10, a1 = (vertical ? cell.Y : cell.X) + span - span / 10;
        int limit = vertical ? img.Width : img.Height, along = vertical ? img.Height : img.Width;
        a0 = Math.Max(0, a0); a1 = Math.Min(along, a1);
        if (a1 - a0 < 4) return fallback;
        int Count(int k)
        {
            if (k < 0 || k >= limit) return 0;
            int n = 0;
            for (int a = a0; a < a1; a++)
                if ((vertical ? img.Pixels[a * img.Width + k] : img.Pixels[k * img.Width + a]) <= ink) n++;
            return n;
        }
        int need = (int)(0.85 * (a1 - a0));
        int best = -1, bestCount = need - 1;
        for (int k = boundary - search; k <= boundary + search; k++)
        {
            int c = Count(k);
            if (c > bestCount) { bestCount = c; best = k; }
        }
        if (best < 0) return fallback;
        int inner = best;
        while (Math.Abs(inner + inward - boundary) <= search + 2 && Count(inner + inward) >= need) inner += inward;
        return inner + inward * (1 + _o.InsetPx);
    }

    /// <summary>A first reading of a cell (chi_sim+eng, no whitelist).</summary>
    public CellReading ReadText(OcrEngine ocr, GrayImage img, CellInk ink) => Read(img, ink, (x, r, m) => ocr.Recognize(x, r, m));

    /// <summary>The cell read as one line at twice its size (short values whose end the engine drops at scan size).</summary>
    public CellReading ReadTextEnlarged(OcrEngine ocr, GrayImage img, CellInk ink)
    {
        if (ink.Region is not { } r) return new("", 0, false);
        var res = ocr.Recognize(Scale.Up(Cell(img, r, ink.Strays), 2), null, PageSegMode.SingleLine);
        var text = CleanText(res.Text);
        return new(text, res.Confidence, LooksNumeric(text)) { ReviewConfidence = ReviewConfidenceOf(res) };
    }

    /// <summary>
    /// Whether <paramref name="enlarged"/> is the bare number <paramref name="read"/> with a unit after it (a percent
    /// sign or one or two Chinese characters), the number whole or with one more character than was read.
    /// </summary>
    public static bool GainsUnit(string read, string enlarged)
    {
        var m = ValueWithUnit().Match(enlarged);
        if (!m.Success || read.Length == 0) return false;
        var number = m.Groups[1].Value;
        return number.StartsWith(read, StringComparison.Ordinal) && number.Length <= read.Length + 1;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(%|[\u4e00-\u9fff]{1,2})$")]
    private static partial Regex ValueWithUnit();

    /// <summary>A reading by the Chinese model alone (second opinion on cells read as Latin).</summary>
    public CellReading ReadChinese(OcrEngine ocr, GrayImage img, CellInk ink) => Read(img, ink, ocr.RecognizeChinese);

    private CellReading Read(GrayImage img, CellInk ink, Func<GrayImage, PixelRect?, PageSegMode, OcrResult> recognize)
    {
        if (ink.Region is not { } r) return new("", 0, false);
        if (_o.PerLine && ink.LineBands is { } bands) return PerLine(img, r, bands, ink.Strays, x => recognize(x, null, PageSegMode.SingleLine));
        var mode = ink.Lines > 1 && _o.BlockForMultiLine ? PageSegMode.SingleBlock : PageSegMode.SingleLine;
        var crop = Cell(img, r, ink.Strays);
        var res = recognize(crop, null, mode);
        bool readEnlarged = false;
        if (res.Text.Length == 0 && _o.RetryEmptyEnlarged)
        {
            // Tesseract returns nothing for some short lines that it reads at twice the size (measured: a tight
            // crop of "金额" gave "" at 200 dpi and "金额" at 0.93 enlarged); the cell has ink, so try that.
            var big = recognize(Scale.Up(crop, 2), null, mode);
            if (big.Text.Length > 0) (res, readEnlarged) = (big, true);
        }
        string text = CleanText(res.Text);
        if (ink.LastLineShort && ink.LineBands is { } shortBands)
        {
            // Block mode drops a wrapped name's last line of a character or two and garbles its start with it
            // ("保障120调度指挥系正常运" + "转" read "120调度指挥系正常运"); line by line each reads whole. Only when that
            // last line reads as one to three Chinese characters: specks and rule ends under a line read as junk.
            OcrResult Line(GrayImage x) => recognize(x, null, PageSegMode.SingleLine);
            var lastRead = ReadBands(img, r, [shortBands[^1]], ink.Strays, Line);
            var last = Joined(lastRead).Text;
            if (last.Length == 0 && _o.RetryEmptyEnlarged)
            {
                // A line of one character alone can read as nothing at scan size and whole at twice it ("转" at 0.92).
                lastRead = ReadBands(img, r, [shortBands[^1]], ink.Strays, x => Line(Scale.Up(x, 2)));
                last = Joined(lastRead).Text;
            }
            if (last.Length is > 0 and <= 4 && last.Count(IsCjk) is > 0 and <= 3 && last.All(c => IsCjk(c) || c is '。' or '）' or ')'))
            {
                // The last line is read already: the others only.
                var byLine = Joined(ReadBands(img, r, shortBands.Take(shortBands.Count - 1), ink.Strays, Line).Concat(lastRead));
                if (byLine.Text.Length > text.Length && LatinLetters(byLine.Text) <= LatinLetters(text)) return byLine;
            }
        }
        if (_o.PerLineWhenBlockFails && ink.Lines > 1 && ink.LineBands is { } lineBands && (res.Confidence < 0.6 || LooksLatinJunk(text)))
        {
            // Tesseract's block layout gives up on some wrapped cells of clean print (a two-line header read
            // "cial Laced" at 0.27, its lines one by one "偏差原因分析及改进措" + "施" at 0.93 and 0.80): read such a
            // cell line by line and keep that when the engine is clearly surer of it.
            var lines = PerLine(img, r, lineBands, ink.Strays, x => recognize(x, null, PageSegMode.SingleLine));
            if (lines.Text.Length > 0 && lines.Confidence >= res.Confidence + 0.15) return lines;
        }
        if (_o.RetryUnsureEnlarged && !readEnlarged && mode == PageSegMode.SingleLine && text.Length > 0 && res.Confidence < UnsureBelow)
        {
            // One line read unsure at scan size is often read surely at twice it. For review it stays as unsure as the
            // first reading: a cell that needed a second look is worth a person's.
            var big = recognize(Scale.Up(crop, 2), null, mode);
            var bigText = CleanText(big.Text);
            if (bigText.Length > 0 && big.Confidence >= res.Confidence + 0.1)
                return new(bigText, big.Confidence, LooksNumeric(bigText)) { ReviewConfidence = Math.Min(ReviewConfidenceOf(res), ReviewConfidenceOf(big)) };
        }
        return new(text, res.Confidence, LooksNumeric(text)) { ReviewConfidence = ReviewConfidenceOf(res) };
    }

    private const double UnsureBelow = 0.7;

    // A wrapped cell read line by line (PSM 7 each): block mode on scans garbled whole 绩效 cells.
    private CellReading PerLine(GrayImage img, PixelRect r, IReadOnlyList<(int Y0, int Y1)> bands, StrayStrokes? strays, Func<GrayImage, OcrResult> read) =>
        Joined(ReadBands(img, r, bands, strays, read));

    // Each band of the cell read on its own (null where the band is too thin to read).
    private List<OcrResult?> ReadBands(GrayImage img, PixelRect r, IEnumerable<(int Y0, int Y1)> bands, StrayStrokes? strays, Func<GrayImage, OcrResult> read)
    {
        int pad = Math.Max(2, (int)(0.015 * img.Dpi));
        var results = new List<OcrResult?>();
        foreach (var (y0, y1) in bands)
        {
            int top = Math.Max(r.Y, y0 - pad), bottom = Math.Min(r.Bottom, y1 + pad);
            results.Add(bottom - top < 3 ? null : read(Cell(img, new PixelRect(r.X, top, r.Width, bottom - top), strays)));
        }
        return results;
    }

    // Lines read one by one, joined: the text of those that read anything, their mean confidence.
    private static CellReading Joined(IEnumerable<OcrResult?> lines)
    {
        var sb = new StringBuilder();
        double conf = 0; int n = 0;
        foreach (var res in lines)
        {
            if (res is null || res.Text.Length == 0) continue;
            sb.Append(res.Text).Append('\n');
            conf += res.Confidence; n++;
        }
        string text = CleanText(sb.ToString());
        return new(text, n == 0 ? 0 : conf / n, LooksNumeric(text));
    }

    /// <summary>
    /// The comparator printed before an indicator value (≥ or ≤), told from the shape of the cell's first glyph:
    /// chi_sim and eng have no ≥ or ≤ and read "≥4次" as "24次". A comparator is two blobs in one column, an angle
    /// above a flat bar; the angle's open side (two arm ends) faces left for ≥ and right for ≤. Returns the sign and
    /// the image column where the rest of the cell begins, or null when the first glyph is no comparator.
    /// </summary>
    public static (char Sign, int RestX)? LeadingComparator(GrayImage img, CellInk ink, int inkThreshold)
    {
        if (ink.Region is not { } r || ink.Lines != 1) return null;
        var bin = new BinaryImage(r.Width, r.Height);
        for (int y = 0; y < r.Height; y++)
            for (int x = 0; x < r.Width; x++)
                if (img.Pixels[(r.Y + y) * img.Width + r.X + x] <= inkThreshold && ink.Strays?.Covers(r.X + x, r.Y + y) != true)
                    bin[x, y] = true;
        var labels = new int[r.Width * r.Height];
        int speck = Math.Max(2, (int)(0.015 * img.Dpi));
        var comps = ConnectedComponents.Label(bin, labels).Where(c => Math.Max(c.Box.Width, c.Box.Height) > speck)
            .OrderBy(c => c.Box.X).ToList();
        if (comps.Count < 3) return null;
        var first = comps[0];
        // The blobs sharing the first blob's columns make the first glyph.
        var glyph = comps.Where(c => Overlap(c.Box, first.Box) >= 0.5 * Math.Min(c.Box.Width, first.Box.Width)).ToList();
        if (glyph.Count == 1)
        {
            // Blur at 150 dpi joins the bar to the angle's lower arm (measured: "≥4次" one 14×19 blob, read "24次").
            if (!comps.Skip(1).Any(c => c.Box.Height >= 0.6 * first.Box.Height)) return null;
            return JoinedComparator(labels, r.Width, first) is { } joined ? (joined, r.X + first.Box.Right) : null;
        }
        if (glyph.Count != 2) return null;
        var angle = glyph.MinBy(c => c.Box.Y)!; var bar = glyph.MaxBy(c => c.Box.Y)!;
        if (bar.Box.Y < angle.Box.Y + angle.Box.Height / 2) return null;             // stacked, not side by side
        if (bar.Box.Height > 0.6 * angle.Box.Height || bar.Box.Width < 0.6 * angle.Box.Width) return null; // a flat bar
        if (angle.Box.Height < 0.6 * angle.Box.Width) return null;                   // "=" has two flat bars
        // The rest of the cell must stand as tall as the angle and its bar together (digits, not a dash).
        int glyphHeight = bar.Box.Bottom - angle.Box.Y;
        if (!comps.Any(c => !glyph.Contains(c) && c.Box.Height >= 0.6 * glyphHeight)) return null;
        // Vertical spread of the angle's ink in its left and right quarters: the open side spreads wide.
        int Spread(int x0, int x1)
        {
            int top = int.MaxValue, bottom = -1;
            for (int y = angle.Box.Y; y < angle.Box.Bottom; y++)
                for (int x = x0; x < x1; x++)
                    if (labels[y * r.Width + x] == angle.Id) { top = Math.Min(top, y); bottom = Math.Max(bottom, y); }
            return bottom < 0 ? 0 : bottom - top + 1;
        }
        int q = Math.Max(1, angle.Box.Width / 4);
        int left = Spread(angle.Box.X, angle.Box.X + q), right = Spread(angle.Box.Right - q, angle.Box.Right);
        int restX = r.X + glyph.Max(c => c.Box.Right);
        if (left >= 2 * right && left >= 0.5 * angle.Box.Height) return ('≥', restX);
        if (right >= 2 * left && right >= 0.5 * angle.Box.Height) return ('≤', restX);
        return null;
    }

    /// <summary>
    /// ≥ or ≤ drawn as one blob, the bar joined to the angle (blur at 150 dpi; the 宋体 ⩾ has its bar slanted along
    /// the lower arm): the blob's top starts at one side, its widest reach to the other side (the vertex) lies in its
    /// upper part, and below the vertex it runs back as two strokes (arm and bar) or ends on a flat bar. A "2" starts
    /// with an arc across the middle, a "7" with a bar; a lone ">" has one stroke below its vertex.
    /// </summary>
    internal static char? JoinedComparator(int[] labels, int width, Component c)
    {
        var b = c.Box;
        if (b.Width < 4 || b.Height < 0.9 * b.Width || b.Height > 2.2 * b.Width) return null;
        foreach (bool mirrored in new[] { false, true })
        {
            // Column x as seen with the vertex on the right (≥); mirrored for ≤.
            var minX = new int[b.Height]; var maxX = new int[b.Height]; var runs = new int[b.Height]; var longest = new int[b.Height];
            for (int y = 0; y < b.Height; y++)
            {
                minX[y] = int.MaxValue; maxX[y] = -1; int cur = 0; bool prev = false;
                for (int i = 0; i < b.Width; i++)
                {
                    int x = mirrored ? b.Width - 1 - i : i;
                    bool on = labels[(b.Y + y) * width + b.X + x] == c.Id;
                    if (on) { minX[y] = Math.Min(minX[y], i); maxX[y] = i; cur++; longest[y] = Math.Max(longest[y], cur); if (!prev) runs[y]++; }
                    else cur = 0;
                    prev = on;
                }
            }
            double w = b.Width;
            int topRows = Math.Max(1, b.Height / 6);
            bool topAtStart = Enumerable.Range(0, topRows).All(y => maxX[y] < 0 || maxX[y] < 0.45 * w);
            int vertex = Enumerable.Range(0, b.Height).MaxBy(y => maxX[y]);
            bool vertexUp = vertex >= 0.15 * b.Height && vertex <= 0.6 * b.Height && maxX[vertex] >= 0.8 * w && minX[vertex] >= 0.45 * w;
            int below = b.Height - vertex - 1;
            int twoStrokes = Enumerable.Range(vertex + 1, below).Count(y => runs[y] >= 2);
            bool flatFoot = longest[b.Height - 1] >= 0.7 * w || (b.Height > 1 && longest[b.Height - 2] >= 0.7 * w);
            bool footAtStart = minX[b.Height - 1] < 0.3 * w;
            if (topAtStart && vertexUp && footAtStart && (twoStrokes >= 0.25 * below || flatFoot)) return mirrored ? '≤' : '≥';
        }
        return null;
    }

    /// <summary>
    /// The part of a cell read again after its comparator, given back the unit its first reading ended with: the
    /// engine drops a "%" it read in the whole cell when it reads the number alone (measured: "≥98%" read "298%"
    /// whole, "98" after the sign).
    /// </summary>
    public static string WithUnitOfFirstReading(string rest, string first)
    {
        if (!LooksNumeric(rest)) return rest;
        int at = first.LastIndexOf(rest, StringComparison.Ordinal);
        if (at < 0) return rest;
        var unit = first[(at + rest.Length)..];
        return unit.Length is > 0 and <= 3 && (unit == "%" || unit.All(IsCjk)) ? rest + unit : rest;
    }

    private static int Overlap(PixelRect a, PixelRect b) => Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X));

    /// <summary>The part of a one-line cell's ink right of image column <paramref name="x"/> (what follows a comparator).</summary>
    public static CellInk After(CellInk ink, int x)
    {
        if (ink.Region is not { } r || x >= r.Right - 2) return ink with { Region = null };
        int x0 = Math.Max(r.X, x + 1);
        return ink with { Region = new PixelRect(x0, r.Y, r.Right - x0, r.Height), LineBands = null };
    }

    /// <summary>Latin letters in a reading (disclosure tables are Chinese; a few codes like "GDP" aside).</summary>
    public static int LatinLetters(string text) => text.Count(char.IsAsciiLetter);

    /// <summary>
    /// A reading that is mostly Latin letters or bare punctuation — what chi_sim+eng makes of short Chinese cells.
    /// </summary>
    public static bool LooksLatinJunk(string text)
    {
        if (string.IsNullOrEmpty(text) || LooksNumeric(text)) return false;
        int latin = LatinLetters(text), cjk = text.Count(IsCjk), digits = text.Count(char.IsAsciiDigit);
        if (latin > 0 && latin >= cjk) return true;
        // Nothing but punctuation (no letter, digit or Chinese): "|", "(", "—" misreads of a glyph.
        return latin == 0 && cjk == 0 && digits == 0 && text.Any(c => !char.IsWhiteSpace(c) && c != '—' && c != '-' && c != '/');
    }

    /// <summary>
    /// Chinese text holding Latin letters or marks that rarely occur in these tables next to Chinese ("-级指标",
    /// "=级指标", "项目|资金"): signs of a misread glyph.
    /// </summary>
    public static bool HasStrayMarks(string text) =>
        !string.IsNullOrEmpty(text) && text.Any(IsCjk) && text.Any(c => char.IsAsciiLetter(c) || StrayMarks.Contains(c));

    /// <summary>
    /// A value read with digits and Latin letters or #/&amp;/[, or with a bracket right after a digit where a unit stood
    /// ("228(#)", "138&amp;", "126(套)" for 22台（套）, 13台（套）, 12台（套）): the mark of the eng model reading a number
    /// followed by a Chinese unit.
    /// </summary>
    public static bool LooksEnglishMixedValue(string text) =>
        text.Any(char.IsAsciiDigit) && (ValueJunk(text) > 0 || DigitBeforeBracket().IsMatch(text));

    [GeneratedRegex(@"\d[(（]")]
    private static partial Regex DigitBeforeBracket();

    /// <summary>Latin letters and marks that no indicator value prints.</summary>
    public static int ValueJunk(string text) => text.Count(c => char.IsAsciiLetter(c) || c is '#' or '&' or '[' or '【' or '|');

    // After the sign nothing is printed: a rule's end, a speck or a digit's worth of grain read there goes too.
    private static readonly Regex StrayAroundPercent = new(@"^[A-Za-z|""'“”‘’\[\]]{0,2}([≥≤]?\d+(?:\.\d+)?%)(?:%|[A-Za-z|""'“”‘’\[\]=.,:;_~°\-]){0,2}\d?$");

    private static readonly Regex SetsUnit = new(@"(\d)台[（(]#[)）]?$");
    // A percent sign read as a degree sign or a quote, with its lower circle as 0, o or 9 and a speck after it
    // ("100°.", "100°9", "100\"«", "100\"0,"): no form prints a degree or a quote after a number.
    private static readonly Regex PercentGlyph = new(@"^([≥≤]?\d{1,3}(?:\.\d+)?)[°""”][0o9]?[.,«»]?$");
    // 年 between a year and a month read as "4F" or "#F" ("20244F12月底前"): no date prints an F.
    private static readonly Regex YearGlyph = new(@"(?<!\d)(\d{4})[4#]?F(\d{1,2}月)");
    // 年 read as a 4 ("2025412月底前"): a year then "4" then a month, where no month has three digits.
    private static readonly Regex YearAsFour = new(@"(?<!\d)((?:19|20)\d{2})4(1[0-2]月)");
    // 前 of a deadline ("12月底前") read as Latin letters ("12月底BY"): no date ends in letters.
    private static readonly Regex DeadlineGlyph = new(@"(\d{1,2}月底)[A-Za-z]{1,2}$");
    // A year's 2 read as ≤ or ≥ ("≤019年12月底前"): no year is written from 0.
    /// <summary>
    /// A value with the comparator told from its shape. A year's 2 taken for the sign leaves "022年12月": the sign was
    /// the year's first digit (no target is "≤022年").
    /// </summary>
    public static string Signed(char sign, string rest) => YearFromZero.Replace(sign + rest, "20$1");

    private static readonly Regex YearFromZero = new(@"^[≤≥<>]0(\d{2}年)");
    // A lone 1 read as a bracket or bar before a counting word, after a bracket or a Chinese character
    // ("一次性项目（]年结束）"), or as a whole value ("]年"): no form prints an unpaired bracket there. At the start of a
    // longer text it is as likely a rule's end ("]年度指标值").
    private static readonly Regex OneGlyph = new(@"(?<=[（(\p{IsCJKUnifiedIdeographs}])[\]\[|](?=[年月日次个项人台天])|^[\]\[|](?=[年月日次个项人台天]$)");

    private const string StrayMarks = "-=|\"'“”‘’<>〈〉_^~`!?;";

    /// <summary>The engine's mean confidence, or its least sure word's plus 0.2 when that is lower (see <see cref="CellReading.ReviewConfidence"/>).</summary>
    public static double ReviewConfidenceOf(OcrResult res) =>
        res.Words.Count > 1 ? Math.Min(res.Confidence, res.Words.Min(w => w.Confidence) + WeakestWordMargin) : res.Confidence;

    private const double WeakestWordMargin = 0.2;

    /// <summary>A reading restricted to digits and number punctuation.</summary>
    public CellReading ReadDigits(OcrEngine ocr, GrayImage img, CellInk ink, bool enlarged = false)
    {
        if (ink.Region is not { } r) return new("", 0, true);
        GrayImage Ready(GrayImage cell) => _o.WhitenPaper ? Contrast.WhitenPaper(cell) : cell;
        OcrResult Read(GrayImage cell) => ocr.Recognize(Ready(enlarged ? Scale.Up(cell, 2) : cell), null, PageSegMode.SingleLine, CellOcrOptions.Digits);
        if (ink.LineBands is { } bands)
        {
            // A number wrapped in a narrow column ("13269.4" over "0"): one line at a time, joined.
            var lines = PerLine(img, r, bands, ink.Strays, Read);
            return new(CleanNumber(lines.Text), lines.Confidence, true);
        }
        var crop = Cell(img, r, ink.Strays);
        // The crop as the first read sees it; a short number's English re-read takes the same image.
        var ready = Ready(enlarged ? Scale.Up(crop, 2) : crop);
        var res = ocr.Recognize(ready, null, PageSegMode.SingleLine, CellOcrOptions.Digits);
        var text = CleanNumber(res.Text);
        if (!enlarged && _o.ShortNumbersEnlarged && text.Length is > 0 and <= 3)
        {
            // Tesseract drops an end of a short number read at scan size ("208" → "08", "7.5" → "7", "11" → "1"),
            // and reads it whole at twice the size: keep that reading when it only adds the missing character.
            var big = Read(Scale.Up(crop, 2));
            var bigText = CleanNumber(big.Text);
            if (AddsOneCharacter(text, bigText)) return new(bigText, big.Confidence, true);
            if (_o.EnglishDigits)
            {
                // Some it drops at any size ("34" read "4" at 0.99, chi_sim+eng under the digits whitelist); the English
                // model alone reads those whole. Not every read goes to it: it misreads others ("176.11" → "176.1",
                // "无" → "7").
                var eng = ocr.RecognizeDigits(ready, CellOcrOptions.Digits);
                var engText = CleanNumber(eng.Text);
                if (AddsOneCharacter(text, engText)) return new(engText, eng.Confidence, true);
            }
        }
        return new(text, res.Confidence, true);
    }

    /// <summary>
    /// Whether <paramref name="enlarged"/> is <paramref name="read"/> with one character more (the rest in order), or
    /// with a one-digit decimal tail ("7" → "7.5").
    /// </summary>
    public static bool AddsOneCharacter(string read, string enlarged)
    {
        if (read.Length > 0 && enlarged.Length == read.Length + 2 && enlarged.StartsWith(read, StringComparison.Ordinal) &&
            enlarged[^2] == '.' && char.IsAsciiDigit(enlarged[^1]) && !read.Contains('.'))
            return true;
        if (enlarged.Length != read.Length + 1) return false;
        // A sign is no dropped character: a speck or rule end before "0" reads "-0".
        int i = 0, added = -1;
        for (int k = 0; k < enlarged.Length; k++)
            if (i < read.Length && read[i] == enlarged[k]) i++;
            else added = k;
        return i == read.Length && (added < 0 || enlarged[added] != '-');
    }

    /// <summary>
    /// Whether a column holds numbers: by the meaning of its header text (joined header cells above the body) and by
    /// what a first reading of its body cells looks like. Label headers (名称/项目/指标 …) win over amount words.
    /// </summary>
    public static bool IsNumericColumn(string header, IEnumerable<string> bodyReadings)
    {
        var h = Regex.Replace(header ?? "", @"\s+", "");
        var body = bodyReadings.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        int numeric = body.Count(LooksNumeric);
        int cjk = body.Count(t => t.Any(IsCjk));
        bool labelHeader = IsLabelHeader(h);
        bool numericHeader = NumericHeaderWords.Any(h.Contains);
        if (labelHeader) return body.Count > 0 && numeric >= 0.9 * body.Count;
        if (numericHeader) return numeric >= cjk;
        return body.Count > 0 && numeric > 0.6 * body.Count;
    }

    /// <summary>A header of names (名称/项目/指标 …), not of codes or amounts.</summary>
    public static bool IsLabelHeader(string header)
    {
        var h = Regex.Replace(header ?? "", @"\s+", "");
        return LabelHeaderWords.Any(h.Contains) && !h.Contains("编码") && !h.Contains("代码");
    }

    /// <summary>Digits with number punctuation only (a minus sign allowed), at least one digit.</summary>
    public static bool LooksNumeric(string text)
    {
        var t = Regex.Replace(text ?? "", @"\s+", "");
        return t.Length > 0 && t.Any(char.IsAsciiDigit) && t.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-' or '，' or '．');
    }

    public static bool IsCjk(char c) => Facts.TextNorm.IsCjk(c);

    /// <summary>Number as printed without the spaces OCR puts inside it (`169. 07` → `169.07`); thousands commas kept.</summary>
    public static string CleanNumber(string text)
    {
        var t = Regex.Replace(text ?? "", @"\s+", "").Replace('，', ',').Replace('．', '.');
        // A trailing or leading separator is a speck, not part of the number.
        t = t.Trim('.', ',');
        // A comma before the last two digits of a number without a point cannot group thousands: it is the decimal
        // point, misread (scans blur "21.92" into "21,92"; amounts print two decimals).
        if (CommaForPoint.IsMatch(t)) t = t[..^3] + "." + t[^2..];
        return t;
    }

    /// <summary>
    /// A table prints its amounts one way: when most amounts of a thousand or more were read with thousands commas,
    /// the others lost theirs to the scan (a comma is a speck at 200 dpi: "1135.64", "1156,700") and get them back.
    /// Only readings with a point or a comma count as amounts: codes (2080505) and years are plain integers.
    /// </summary>
    public static IReadOnlyList<string> HarmonizeGrouping(IReadOnlyList<string> texts)
    {
        var amounts = Enumerable.Range(0, texts.Count).Where(i => PlainAmount.IsMatch(texts[i]) && (texts[i].Contains('.') || texts[i].Contains(',')) &&
            texts[i].Replace(",", "").TrimStart('-').Split('.')[0].Length >= 4).ToList();
        int withCommas = amounts.Count(i => Grouped.IsMatch(texts[i]));
        if (withCommas == 0 || withCommas < amounts.Count - withCommas) return texts;
        var result = texts.ToArray();
        foreach (int i in amounts)
        {
            if (Grouped.IsMatch(texts[i])) continue;
            var bare = texts[i].Replace(",", "");
            bool negative = bare.StartsWith('-');
            var parts = bare.TrimStart('-').Split('.');
            var sb = new StringBuilder();
            for (int k = 0; k < parts[0].Length; k++)
            {
                if (k > 0 && (parts[0].Length - k) % 3 == 0) sb.Append(',');
                sb.Append(parts[0][k]);
            }
            result[i] = (negative ? "-" : "") + sb + (parts.Length > 1 ? "." + parts[1] : "");
        }
        return result;
    }

    private static readonly Regex PlainAmount = new(@"^-?[\d,]+(\.\d+)?$", RegexOptions.Compiled);
    private static readonly Regex Grouped = new(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$", RegexOptions.Compiled);

    private static readonly Regex CommaForPoint = new(@"^-?\d+(,\d{3})*,\d{2}$", RegexOptions.Compiled);

    /// <summary>Removes the spaces Tesseract puts between Chinese characters (and next to them); keeps spaces between Latin words.</summary>
    public static string CleanText(string text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var lines = text.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var joined = string.Join("", lines); // cell lines wrap one phrase
        var sb = new StringBuilder(joined.Length);
        for (int i = 0; i < joined.Length; i++)
        {
            char c = joined[i];
            if (c == ' ')
            {
                char prev = sb.Length > 0 ? sb[^1] : ' ';
                char next = i + 1 < joined.Length ? joined[i + 1] : ' ';
                if (prev == ' ' || IsCjk(prev) || IsCjk(next) || !char.IsLetter(prev) || !char.IsLetter(next)) continue;
            }
            sb.Append(c);
        }
        // Song-style full-width brackets come back as angle brackets: "市县〈区)" is "市县（区）".
        var s = sb.ToString();
        // A percentage with a rule remnant or speck read at either end ("100%|", "\"100%", "99%%") is the percentage.
        s = PercentGlyph.Replace(s, "$1%");
        var pct = StrayAroundPercent.Match(s);
        if (pct.Success) s = pct.Groups[1].Value;
        if (s.Any(IsCjk)) s = s.Replace('〈', '（').Replace('〉', '）');
        // The unit 台（套） with its dense 套 read as "#" ("46台(#)"): no unit prints a # in brackets.
        s = SetsUnit.Replace(s, "$1台（套）");
        s = YearGlyph.Replace(s, "$1年$2");
        s = YearAsFour.Replace(s, "$1年$2");
        s = DeadlineGlyph.Replace(s, "$1前");
        if (s.Any(IsCjk)) s = OneGlyph.Replace(s, "1");
        s = YearFromZero.Replace(s, "20$1");
        s = Facts.TextNorm.PercentWithoutCircles(s);
        return LooksNumeric(s) ? CleanNumber(s) : s;
    }
}
