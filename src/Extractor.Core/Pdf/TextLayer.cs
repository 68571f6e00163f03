using System.Globalization;
using System.Text;

namespace Extractor.Pdf;

/// <summary>Whether a page's text layer can be read instead of OCR, and why.</summary>
public sealed record TextLayerVerdict(bool Usable, string Reason);

/// <summary>
/// Judges a text layer by its content: scan apps put a watermark or footer text on otherwise image-only pages,
/// and some exporters emit glyphs without a usable Unicode mapping. Either way the page must be OCR'd.
/// </summary>
public static class TextLayer
{
    /// <summary>Text scan apps stamp on pages (compared without whitespace, case-insensitive).</summary>
    private static readonly string[] ScannerMarks =
    [
        "扫描全能王", "3亿人都在用的扫描App", "3亿人都在用的扫描APP", "全能扫描王", "CamScanner", "ScannedwithCamScanner",
        "ScannedbyCamScanner", "由扫描全能王扫描创建", "扫描全能王创建", "夸克扫描王", "ScannedwithQuark", "AdobeScan",
    ];

    /// <summary>Fewer real characters than this (besides scanner marks) is not a text layer worth reading.</summary>
    private const int MinContentGlyphs = 6;
    /// <summary>All content within this fraction of the page height at the top or bottom = header/footer only.</summary>
    private const double BandFraction = 0.08;
    /// <summary>Above this share of glyphs without a real character mapping the layer is garbage.</summary>
    private const double MaxBadShare = 0.2;

    public static TextLayerVerdict Assess(IReadOnlyList<Glyph> glyphs, double widthPt, double heightPt)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var visible = glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Text)).ToList();
        if (visible.Count == 0) return new(false, "no text layer (no glyphs)");

        int bad = 0, plausible = 0;
        foreach (var g in visible)
            foreach (var r in g.Text.EnumerateRunes())
            {
                if (IsBad(r)) bad++;
                else if (IsPlausible(r)) plausible++;
            }
        int total = Math.Max(1, visible.Sum(g => g.Text.EnumerateRunes().Count()));
        if (bad > total * MaxBadShare)
            return new(false, $"glyphs do not map to real characters ({bad} of {total} private-use, U+FFFD, control or unassigned)");
        if (plausible < total * 0.5)
            return new(false, $"glyphs are mostly unusual characters ({total - plausible} of {total}), likely a font without a Unicode map");

        // Mark glyphs that belong to scanner watermarks.
        var marked = new bool[visible.Count];
        var sb = new StringBuilder();
        var owner = new List<int>();
        for (int i = 0; i < visible.Count; i++)
            foreach (char c in visible[i].Text)
                if (!char.IsWhiteSpace(c)) { sb.Append(c); owner.Add(i); }
        string joined = sb.ToString();
        bool sawMark = false;
        foreach (var mark in ScannerMarks)
            for (int at = joined.IndexOf(mark, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = joined.IndexOf(mark, at + mark.Length, StringComparison.OrdinalIgnoreCase))
            {
                sawMark = true;
                for (int k = at; k < at + mark.Length; k++) marked[owner[k]] = true;
            }
        var content = visible.Where((g, i) => !marked[i]).ToList();
        if (content.Count < MinContentGlyphs)
            return new(false, sawMark
                ? $"only a scanner watermark ({content.Count} other glyphs)"
                : $"almost no text ({content.Count} glyphs)");

        if (heightPt > 0)
        {
            double top = content.Min(g => g.Box.Y), bottom = content.Max(g => g.Box.Bottom);
            double band = heightPt * BandFraction;
            if (top >= heightPt - band) return new(false, "text only in a thin footer band (page number or scanner footer)");
            if (bottom <= band) return new(false, "text only in a thin header band");
        }
        return new(true, sawMark ? $"text layer with {content.Count} glyphs besides a scanner watermark" : $"text layer with {content.Count} glyphs");
    }

    private static bool IsBad(Rune r)
    {
        int v = r.Value;
        if (v == 0xFFFD) return true;
        if (v is >= 0xE000 and <= 0xF8FF or >= 0xF0000) return true; // private use areas (BMP, planes 15-16)
        var cat = Rune.GetUnicodeCategory(r);
        return cat is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;
    }

    /// <summary>Characters a Chinese finance disclosure is made of.</summary>
    private static bool IsPlausible(Rune r)
    {
        int v = r.Value;
        return v is >= 0x20 and < 0x7F            // ASCII
            or >= 0x4E00 and <= 0x9FFF            // CJK unified
            or >= 0x3400 and <= 0x4DBF            // CJK extension A
            or >= 0x20000 and <= 0x2FA1F          // CJK extensions B+ and compatibility supplement
            or >= 0xF900 and <= 0xFAFF            // CJK compatibility ideographs (some fonts map 金/年 here)
            or >= 0x3000 and <= 0x303F            // CJK symbols and punctuation
            or >= 0xFF00 and <= 0xFFEF            // full-width forms
            or >= 0x2000 and <= 0x206F            // general punctuation (—, “ ”, …)
            or >= 0x2150 and <= 0x218F            // number forms (Ⅰ Ⅱ)
            or >= 0x2460 and <= 0x24FF            // enclosed numbers ① ②
            or >= 0x2E80 and <= 0x2FDF            // CJK radicals (some fonts map common characters here)
            or >= 0x3200 and <= 0x33FF            // enclosed CJK, compatibility (㈠)
            or >= 0x2190 and <= 0x22FF            // arrows, maths (√ ×)
            or 0xB7 or 0xD7 or 0xF7 or 0xB0 or 0xA5 or 0xA7;
    }
}
