using Extractor.Interop;
using Extractor.Ocr;

namespace Extractor.Imaging;

/// <summary>How a page's orientation was decided, and the clockwise quarter turns that make it upright.</summary>
public sealed record OrientationDecision(int QuarterTurns, string Method, double HorizontalRuleShare, double Confidence)
{
    /// <summary>Degrees of the turn applied (0, 90, 180, 270 clockwise).</summary>
    public int Degrees => QuarterTurns * 90;
}

/// <summary>
/// Page orientation of phone scans (0/90/180/270). The axis comes from ruling-line statistics: a table has one long
/// rule per row boundary across its width, so upright (or upside-down) pages carry more long horizontal ink than long
/// vertical ink. Upright vs upside-down (and the axis of pages without rules) is decided by reading a text strip both
/// ways: the clearly more confident reading wins, otherwise the page stays as it is.
/// </summary>
public static class Orientation
{
    /// <summary>Rules shorter than this (inches) do not count for the axis statistic.</summary>
    public const double LongRunIn = 0.5;
    /// <summary>Upright and upside-down strip readings closer than this (mean confidence) leave OCR unsure.</summary>
    public const double CloseOcrMargin = 0.3;
    private const int MinVotes = 8;
    private const int MinHan = 6;
    // Gray levels between neighbouring pixels that make a glyph's edge (paper shading changes by a few per pixel).
    private const int StepContrast = 32;

    // A CJK ideograph, as TextNorm.IsCjk (Imaging depends on no later stage).
    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF';

    /// <summary>Decides the quarter turns (clockwise) that make <paramref name="page"/> upright.</summary>
    public static OrientationDecision Detect(GrayImage page, OcrEngine ocr)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(ocr);
        var small = Downsample(page, 100);
        double hShare = HorizontalRuleShare(small);
        // The axis from the direction of the text lines, else from the rules (both need a share far from 0.5).
        // Measured on the 61 dev scans: text lines said ≥ 0.85 or ≤ 0.04 on all but one page (0.64); the rule share
        // sat between 0.4 and 0.6 on 22 pages (wide short tables, no tables), which then cost a second OCR pass.
        // Session 14, over 618 dev scans: the only pages with a share between 0.25 and 0.4 were upright pages with little
        // text (one table row and a seal), turned sideways by the old 0.4 bound; such pages now go to the rules and OCR.
        double tShare = HorizontalTextShare(small);
        bool? sideways = tShare < 0 ? null : tShare < 0.25 ? true : tShare > 0.6 ? false : null;
        sideways ??= hShare < 0 ? null : hShare < 0.4 ? true : hShare > 0.6 ? false : null;

        var baseImg = sideways == true ? Rotation.Rotate90(small, 1) : small;
        int baseTurns = sideways == true ? 1 : 0;
        // Measured on the dev scans: OSD (legacy classifier) turned 3 of 12 table pages wrongly even with confidence
        // above 1, so the flip is decided by reading a text strip both ways.
        // OSD undecided or against the rules: compare OCR confidence of a text strip read both ways.
        var based = Rotation.Rotate90(page, baseTurns);
        var (flip, conf, margin, han) = FlipByOcr(based, ocr);
        // The readings both ways nearly as sure (pages of codes and amounts): where the points sit decides, when they
        // say it clearly. Measured on 185 upright and upside-down dev scans: 54 pages decided, none wrongly.
        if (margin < CloseOcrMargin)
        {
            var (foot, head) = PunctuationVotes(based);
            if (foot >= MinVotes && foot >= 3 * head) flip = false;
            else if (head >= MinVotes && head >= 3 * foot) flip = true;
        }
        if (sideways is null)
        {
            // No axis from rules: also try the other axis.
            // Surer readings that hold less Chinese are no better: a short table read across its rules came back
            // as junk at 0.53 against 0.18 for its Chinese read upright, and turned the page sideways.
            var (flip2, conf2, _, han2) = FlipByOcr(Rotation.Rotate90(page, 1), ocr);
            if (conf2 > conf + 0.25 && han2 >= han) return new((1 + (flip2 ? 2 : 0)) % 4, "ocr", hShare, conf2);
        }
        return new((baseTurns + (flip ? 2 : 0)) % 4, sideways is null ? "ocr" : "lines+ocr", hShare, conf);
    }

    /// <summary>
    /// Share of long straight ink runs that are horizontal (0–1); −1 when the page has too few long runs to say
    /// (pages without tables).
    /// </summary>
    public static double HorizontalRuleShare(GrayImage img)
    {
        int t = Threshold.ForLines(Threshold.Histogram(img));
        int minRun = Math.Max(10, (int)(LongRunIn * img.Dpi));
        int w = img.Width, h = img.Height;
        var p = img.Pixels;
        long hLen = 0, vLen = 0;
        // Page edges of phone photos (dark surrounds, paper borders) are long straight runs too: count the inner part only.
        int mx = Math.Max(1, w / 16), my = Math.Max(1, h / 16); // a 3-pixel band follows rules through residual skew
        for (int y = my; y < h - my; y++)
        {
            int run = 0;
            for (int x = mx; x <= w - mx; x++)
            {
                bool ink = x < w - mx && (p[y * w + x] <= t || p[(y - 1) * w + x] <= t || p[(y + 1) * w + x] <= t);
                if (ink) run++;
                else { if (run >= minRun) hLen += run; run = 0; }
            }
        }
        for (int x = mx; x < w - mx; x++)
        {
            int run = 0;
            for (int y = my; y <= h - my; y++)
            {
                bool ink = y < h - my && (p[y * w + x] <= t || p[y * w + x - 1] <= t || p[y * w + x + 1] <= t);
                if (ink) run++;
                else { if (run >= minRun) vLen += run; run = 0; }
            }
        }
        // Dark page borders of phone photos give long runs on both axes; demand several rules' worth.
        if (hLen + vLen < 6L * minRun) return -1;
        return (double)hLen / (hLen + vLen);
    }

    /// <summary>
    /// Share (0–1) of text-line length that runs horizontally; −1 when the page has too little text to say. Rules are
    /// lifted off, then the text is smeared along rows (and, separately, along columns) across gaps narrower than the
    /// space between characters: along the reading direction glyphs fuse into long bars a line high, across it they
    /// stay glyph-sized, because lines sit further apart than characters. Unlike the rule statistic it holds for wide,
    /// short tables (as many long column rules as row rules) and for pages without rules.
    /// </summary>
    public static double HorizontalTextShare(GrayImage img)
    {
        var mask = Threshold.Binarize(img, Threshold.Otsu(img));
        int w = mask.Width, h = mask.Height;
        // Page edges of phone photos: inner part only.
        int mx = Math.Max(1, w / 16), my = Math.Max(1, h / 16);
        var bits = mask.Bits.AsSpan();
        bits[..(my * w)].Clear();
        bits[((h - my) * w)..].Clear();
        for (int y = my; y < h - my; y++)
        {
            bits.Slice(y * w, mx).Clear();
            bits.Slice(y * w + w - mx, mx).Clear();
        }
        int ruleLen = Math.Max(8, (int)(0.35 * img.Dpi));
        var rules = Morphology.OpenHorizontal(mask, ruleLen).Or(Morphology.OpenVertical(mask, ruleLen));
        var text = mask.Minus(Morphology.Dilate(rules, 1, 1));
        int gap = Math.Max(2, (int)Math.Round(0.06 * img.Dpi));
        double lineMin = 0.05 * img.Dpi, lineMax = 0.3 * img.Dpi;
        double Bars(BinaryImage smeared, bool horizontal)
        {
            double len = 0;
            foreach (var c in ConnectedComponents.Find(smeared))
            {
                int along = horizontal ? c.Box.Width : c.Box.Height, across = horizontal ? c.Box.Height : c.Box.Width;
                if (across >= lineMin && across <= lineMax && along >= 3 * across) len += along;
            }
            return len;
        }
        double hLen = Bars(Morphology.CloseHorizontal(text, gap), true);
        double vLen = Bars(Morphology.CloseVertical(text, gap), false);
        // A few words' worth at least (an inch of text lines).
        if (hLen + vLen < img.Dpi) return -1;
        return hLen / (hLen + vLen);
    }

    /// <summary>
    /// Reads the inkiest horizontal strips both ways; flips when the upside-down readings are on the whole clearly
    /// more confident. Measured on the dev scans: one strip decided a contents page wrongly (dotted leaders read about
    /// as well either way); two strips decided all 61 pages. A wide table of small print, crossed by rules, read 0.19
    /// upright and 0.35 upside down on two strips, so up to four are read while the mean margin stays under 0.3
    /// (618 dev scans: 7 → 5 wrong turns; whitening the rules first instead: 14).
    /// </summary>
    private static (bool Flip, double Confidence, double Margin, int Han) FlipByOcr(GrayImage img, OcrEngine ocr)
    {
        var turned = Rotation.Rotate90(img, 2);
        IEnumerable<(OcrResult Up, OcrResult Down)> Readings()
        {
            foreach (var strip in InkiestStrips(img, 4))
            {
                var back = new PixelRect(img.Width - strip.Right, img.Height - strip.Bottom, strip.Width, strip.Height);
                yield return (ocr.Recognize(img, strip, PageSegMode.SingleBlock), ocr.Recognize(turned, back, PageSegMode.SingleBlock));
            }
        }
        return FlipByReadings(Readings());
    }

    /// <summary>
    /// The flip from strips read upright and upside down, taken one at a time (lazily: each strip costs two OCR
    /// passes) until the margin is wide. A strip the engine reads nothing of one way says nothing about the page's
    /// way up: a band of rules and small print read "" upright and 0.33 upside down turned an upright page over.
    /// Han is the count of Chinese characters read the way taken.
    /// </summary>
    internal static (bool Flip, double Confidence, double Margin, int Han) FlipByReadings(IEnumerable<(OcrResult Up, OcrResult Down)> readings)
    {
        double upright = 0, flipped = 0;
        int read = 0, hanUp = 0, hanDown = 0;
        foreach (var (up, down) in readings)
        {
            hanUp += up.Text.Count(IsHan);
            hanDown += down.Text.Count(IsHan);
            if (string.IsNullOrWhiteSpace(up.Text) || string.IsNullOrWhiteSpace(down.Text)) continue;
            upright += up.Confidence;
            flipped += down.Confidence;
            read++;
            // A wide margin settles it.
            if (Math.Abs(flipped - upright) > 0.3 * read) break;
        }
        upright /= Math.Max(1, read); flipped /= Math.Max(1, read);
        // Neither way reads two Chinese characters: both are Latin junk (a one-row table continued on an otherwise empty
        // page, its rules inside the strip), whose confidence says nothing about the way up; it read 0.61 upside down
        // against 0.39 on an upright generated page, and 0.15 against 0.00 on another. The points of its amounts decide
        // (a margin of 0 hands over to them), else the page stays as scanned. Measured on 216 gray dev scans: 12 read
        // no Chinese either way; 2 were turned over wrongly, one upside-down page is turned by its points.
        if (hanUp < 2 && hanDown < 2) return (false, upright, 0, hanUp);
        // Chinese read clearly more one way backs the confidence: the decision is then as settled as a wide margin,
        // and the punctuation vote does not overturn it (a 绩效 page read 0.53 against 0.26, its Chinese upright only,
        // was turned over by the dots of its percentages).
        static double Backed(double margin, int han, int other) => han >= MinHan && han >= 3 * other ? Math.Max(margin, CloseOcrMargin) : margin;
        if (flipped > upright + 0.1) return (true, flipped, Backed(flipped - upright, hanDown, hanUp), hanDown);
        if (upright > flipped + 0.1) return (false, upright, Backed(upright - flipped, hanUp, hanDown), hanUp);
        // Confidence alone undecided (a small table crossed by rules reads as junk both ways): the way up is the one
        // that reads as Chinese. Upside-down Chinese comes out as Latin junk with a few stray characters.
        if (hanDown >= MinHan && hanDown >= 3 * hanUp) return (true, flipped, Math.Abs(flipped - upright), hanDown);
        return (false, upright, Math.Abs(upright - flipped), hanUp);
    }

    // Bands ~0.6 inch high around the page's densest text, not overlapping, densest first. Text is counted as sharp
    // steps along the rows, not as dark pixels: on a photographed page the paper darkens towards an edge, and a
    // threshold over the whole page took that shading for the inkiest band (a contents page read as junk both ways
    // and was turned over). Rules along the row add no steps; the page's own edge adds one per row.
    private static List<PixelRect> InkiestStrips(GrayImage img, int count)
    {
        int w = img.Width, h = img.Height;
        // upTo[y]: steps in rows above y, so any band's count is one subtraction.
        var upTo = new long[h + 1];
        for (int y = 0; y < h; y++)
        {
            int n = 0; int o = y * w;
            for (int x = Math.Max(1, w / 20); x < w - w / 20; x++) if (Math.Abs(img.Pixels[o + x] - img.Pixels[o + x - 1]) >= StepContrast) n++;
            upTo[y + 1] = upTo[y] + n;
        }
        int band = Math.Min(h, Math.Max(20, (int)(0.6 * img.Dpi)));
        // Anywhere but the page edges: a contents page or a short note may hold all its text in one quarter.
        int lo = h / 16, hi = Math.Max(lo + band, h - h / 16);
        var taken = new List<PixelRect>();
        for (int k = 0; k < count; k++)
        {
            int best = -1; long bestSum = -1;
            for (int y0 = lo; y0 + band <= hi; y0++)
            {
                if (taken.Any(r => y0 < r.Bottom && y0 + band > r.Y)) continue;
                long sum = upTo[y0 + band] - upTo[y0];
                if (sum > bestSum) { bestSum = sum; best = y0; }
            }
            if (best < 0 || (k > 0 && bestSum == 0)) break;
            taken.Add(new PixelRect(w / 20, best, w - 2 * (w / 20), band));
        }
        return taken;
    }

    /// <summary>
    /// Where the small dots of the text sit on their line: decimal points, thousands commas and the Chinese 、，。 sit
    /// at the foot of the glyphs beside them, so on an upside-down page they sit at the head. Counts dots between two
    /// glyphs of text height whose centre lies in the lower third of the glyphs' band (Bottom) or the upper third
    /// (Top). Digits read about as well either way up (0, 1, 8, 6↔9), so a page of codes and amounts leaves OCR
    /// unsure; its points do not.
    /// </summary>
    public static (int Bottom, int Top) PunctuationVotes(GrayImage img)
    {
        ArgumentNullException.ThrowIfNull(img);
        var comps = ConnectedComponents.Find(Threshold.Binarize(img, Threshold.Otsu(img)));
        int lo = Math.Max(4, (int)(0.04 * img.Dpi)), hi = (int)(0.25 * img.Dpi);
        var heights = comps.Where(c => c.Box.Height >= lo && c.Box.Height <= hi && c.Box.Width <= hi).Select(c => c.Box.Height).Order().ToList();
        if (heights.Count < 20) return (0, 0);
        double glyph = heights[heights.Count / 2];
        int size = Math.Max(1, (int)Math.Ceiling(glyph));
        // Glyphs of about text height, bucketed by grid cell for the neighbour search.
        var grid = new Dictionary<(int, int), List<PixelRect>>();
        foreach (var c in comps)
        {
            var b = c.Box;
            // Digit-shaped: narrower than tall (Chinese glyphs are square, and their radicals' dots sit anywhere).
            if (b.Height < 0.5 * glyph || b.Height > 1.2 * glyph || b.Width > 0.8 * b.Height) continue;
            for (int gx = b.X / size; gx <= (b.Right - 1) / size; gx++)
            {
                var key = (gx, (b.Y + b.Height / 2) / size);
                if (!grid.TryGetValue(key, out var list)) grid[key] = list = [];
                list.Add(b);
            }
        }
        int bottom = 0, top = 0;
        int minDot = Math.Max(2, (int)(0.008 * img.Dpi));
        foreach (var c in comps)
        {
            var d = c.Box;
            if (d.Width < minDot || d.Height < minDot || d.Width > 0.3 * glyph || d.Height > 0.4 * glyph || c.Pixels < 0.4 * d.Width * d.Height) continue;
            double cy = d.Y + d.Height / 2.0;
            PixelRect? left = null, right = null;
            int gy = (int)(cy / size);
            for (int gx = (d.X - size) / size; gx <= (d.Right + size) / size; gx++)
                for (int dy = -1; dy <= 1; dy++)
                {
                    if (!grid.TryGetValue((gx, gy + dy), out var list)) continue;
                    foreach (var g in list)
                    {
                        // Beside the dot on its line: the dot's centre within the glyph's rows (a margin for commas).
                        if (cy < g.Y - 0.15 * glyph || cy > g.Bottom + 0.15 * glyph) continue;
                        int gapL = d.X - g.Right, gapR = g.X - d.Right;
                        if (gapL >= -1 && gapL <= 0.6 * glyph && (left is null || g.Right > left.Value.Right)) left = g;
                        else if (gapR >= -1 && gapR <= 0.6 * glyph && (right is null || g.X < right.Value.X)) right = g;
                    }
                }
            if (left is not { } l || right is not { } r) continue;
            // Two digits of one number: the same height, level with each other.
            if (Math.Abs(l.Height - r.Height) > 0.2 * glyph || Math.Abs(l.Y - r.Y) > 0.15 * glyph) continue;
            int bandTop = Math.Min(l.Y, r.Y), bandBottom = Math.Max(l.Bottom, r.Bottom);
            double rel = (cy - bandTop) / Math.Max(1, bandBottom - bandTop);
            if (rel > 0.8) bottom++;
            else if (rel < 0.2) top++;
        }
        return (bottom, top);
    }

    /// <summary>Box-average downsample to about <paramref name="dpi"/> (no-op when already at or below it).</summary>
    public static GrayImage Downsample(GrayImage src, double dpi)
    {
        int f = (int)Math.Floor(src.Dpi / dpi);
        if (f <= 1) return src;
        int w = src.Width / f, h = src.Height / f;
        var dst = new GrayImage(w, h, src.Dpi / f);
        var s = src.Pixels; var d = dst.Pixels;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int sum = 0;
                for (int j = 0; j < f; j++)
                {
                    int o = (y * f + j) * src.Width + x * f;
                    for (int i = 0; i < f; i++) sum += s[o + i];
                }
                d[y * w + x] = (byte)(sum / (f * f));
            }
        return dst;
    }
}
