using System.Text;
using Extractor.Domain;
using Extractor.Pdf;

namespace Extractor.Tables;

/// <summary>Orders text-layer glyphs into lines and joins them into cell text as a reader would.</summary>
public static class GlyphText
{
    /// <summary>
    /// Groups glyphs into lines (a glyph joins a line when their vertical extents overlap by half the smaller
    /// height), top to bottom, each left to right.
    /// </summary>
    public static List<List<Glyph>> Lines(IEnumerable<Glyph> glyphs)
    {
        var lines = new List<(double Top, double Bottom, List<Glyph> Items)>();
        foreach (var g in glyphs.OrderBy(g => g.Box.CenterY).ThenBy(g => g.Box.X))
        {
            int best = -1; double bestOverlap = 0;
            for (int i = 0; i < lines.Count; i++)
            {
                var (t, b, _) = lines[i];
                double overlap = Math.Min(b, g.Box.Bottom) - Math.Max(t, g.Box.Y);
                double need = 0.5 * Math.Min(b - t, g.Box.Height);
                if (overlap >= need && overlap > bestOverlap) { best = i; bestOverlap = overlap; }
            }
            if (best < 0) lines.Add((g.Box.Y, g.Box.Bottom, [g]));
            else
            {
                var (t, b, items) = lines[best];
                items.Add(g);
                // Keep the band of the line's dominant glyphs: do not let one tall bracket widen it much.
                lines[best] = (Math.Min(t, g.Box.Y + 0.25 * g.Box.Height), Math.Max(b, g.Box.Bottom - 0.25 * g.Box.Height), items);
            }
        }
        var result = lines.OrderBy(l => l.Top).Select(l => l.Items.OrderBy(g => g.Box.X).ToList()).ToList();
        return result;
    }

    /// <summary>
    /// Splits a line where the gap between glyphs exceeds <paramref name="gapFactor"/> times the glyph height
    /// (text placed far apart on one baseline, e.g. 部门 on the left and 单位：万元 on the right).
    /// </summary>
    public static List<List<Glyph>> SplitWide(List<Glyph> line, double gapFactor = 2.5)
    {
        var parts = new List<List<Glyph>>();
        List<Glyph>? cur = null;
        double lastRight = double.NegativeInfinity;
        foreach (var g in line)
        {
            if (string.IsNullOrWhiteSpace(g.Text)) { cur?.Add(g); continue; }
            double h = Math.Max(1, g.Box.Height);
            if (cur is null || g.Box.X - lastRight > gapFactor * h) { cur = []; parts.Add(cur); }
            cur.Add(g);
            lastRight = Math.Max(lastRight == double.NegativeInfinity ? g.Box.Right : lastRight, g.Box.Right);
        }
        return parts;
    }

    /// <summary>Text of a set of glyphs: lines in reading order, joined without a separator where CJK meets.</summary>
    public static string Join(IEnumerable<Glyph> glyphs)
    {
        var sb = new StringBuilder();
        foreach (var line in Lines(glyphs))
        {
            var text = Normalize(string.Concat(line.Select(g => g.Text)));
            if (text.Length == 0) continue;
            if (sb.Length > 0 && NeedsSpace(sb[^1], text[0])) sb.Append(' ');
            sb.Append(text);
        }
        return sb.ToString();
    }

    private static bool NeedsSpace(char a, char b)
    {
        if (IsCjk(a) || IsCjk(b)) return false;
        if (IsNumberChar(a) && IsNumberChar(b)) return false;   // a wrapped amount stays one number
        return char.IsLetterOrDigit(a) && char.IsLetterOrDigit(b);
    }

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is '.' or ',' or '-';

    /// <summary>CJK ideographs, CJK punctuation and full-width forms: no spaces belong between them.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';

    /// <summary>Trim, collapse runs of whitespace to one space, drop spaces next to CJK characters.</summary>
    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool pendingSpace = false;
        foreach (char ch in s)
        {
            if (char.IsWhiteSpace(ch)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace && !IsCjk(sb[^1]) && !IsCjk(ch)) sb.Append(' ');
            pendingSpace = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Box around glyphs (points).</summary>
    public static Box Bounds(IEnumerable<Glyph> glyphs)
    {
        Box b = default;
        foreach (var g in glyphs) if (!string.IsNullOrWhiteSpace(g.Text)) b = b.Union(g.Box);
        return b;
    }
}
