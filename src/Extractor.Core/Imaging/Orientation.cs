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

    /// <summary>Decides the quarter turns (clockwise) that make <paramref name="page"/> upright.</summary>
    public static OrientationDecision Detect(GrayImage page, OcrEngine ocr)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(ocr);
        var small = Downsample(page, 100);
        double hShare = HorizontalRuleShare(small);
        // Enough rules to trust the axis: a share far from 0.5 in either direction.
        bool? sideways = hShare < 0 ? null : hShare < 0.4 ? true : hShare > 0.6 ? false : null;

        var baseImg = sideways == true ? Rotation.Rotate90(small, 1) : small;
        int baseTurns = sideways == true ? 1 : 0;
        // Measured on the dev scans: OSD (legacy classifier) turned 3 of 12 table pages wrongly even with confidence
        // above 1, so the flip is decided by reading a text strip both ways.
        // OSD undecided or against the rules: compare OCR confidence of a text strip read both ways.
        var (flip, conf) = FlipByOcr(Rotation.Rotate90(page, baseTurns), ocr);
        if (sideways is null)
        {
            // No axis from rules: also try the other axis.
            var (flip2, conf2) = FlipByOcr(Rotation.Rotate90(page, 1), ocr);
            if (conf2 > conf + 0.25) return new((1 + (flip2 ? 2 : 0)) % 4, "ocr", hShare, conf2);
        }
        return new((baseTurns + (flip ? 2 : 0)) % 4, sideways is null ? "ocr" : "rules+ocr", hShare, conf);
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

    /// <summary>Reads the inkiest horizontal strips both ways; true when the upside-down reading is more confident.</summary>
    private static (bool Flip, double Confidence) FlipByOcr(GrayImage img, OcrEngine ocr)
    {
        var strip = InkiestStrip(img);
        var a = ocr.Recognize(img, strip, PageSegMode.SingleBlock);
        var turned = Rotation.Rotate90(img, 2);
        var flipped = new PixelRect(img.Width - strip.Right, img.Height - strip.Bottom, strip.Width, strip.Height);
        var b = ocr.Recognize(turned, flipped, PageSegMode.SingleBlock);
        return b.Confidence > a.Confidence + 0.1 ? (true, b.Confidence) : (false, a.Confidence);
    }

    // A band ~0.6 inch high around the densest ink row in the middle half of the page.
    private static PixelRect InkiestStrip(GrayImage img)
    {
        int t = Threshold.Otsu(img);
        int w = img.Width, h = img.Height;
        var rows = new int[h];
        for (int y = 0; y < h; y++)
        {
            int n = 0; int o = y * w;
            for (int x = w / 10; x < w - w / 10; x++) if (img.Pixels[o + x] <= t) n++;
            rows[y] = n;
        }
        int band = Math.Max(20, (int)(0.6 * img.Dpi));
        int best = h / 4; long bestSum = -1, sum = 0;
        for (int y = h / 4; y < 3 * h / 4; y++)
        {
            sum += rows[y];
            if (y - band >= h / 4) sum -= rows[y - band];
            if (sum > bestSum) { bestSum = sum; best = Math.Max(0, y - band + 1); }
        }
        return new PixelRect(w / 10, best, w - 2 * (w / 10), Math.Min(band, h - best));
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
