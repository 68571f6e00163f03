using System.Globalization;
using System.Text;

namespace CorpusGen;

/// <summary>Normalisation of docs/CONVENTIONS.md (whitespace out, full-width ASCII to half-width).</summary>
public static class Norm
{
    public static string Text(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u3000') continue;
            if (ch >= '\uFF01' && ch <= '\uFF5E') sb.Append((char)(ch - 0xFEE0));
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Header texts that are not part of a column path: unit notes, 栏次/行次 markers, column numbers.</summary>
    public static bool IsMarker(string t) => t.StartsWith("单位:") || t.StartsWith("金额单位") || t is "栏次" or "行次"
        || t.All(char.IsAsciiDigit);

    /// <summary>An amount as printed → value, or null for blank / dash cells.</summary>
    public static decimal? Amount(string s)
    {
        var t = Text(s).Replace(",", "");
        if (t.Length == 0 || t.All(c => c is '-' or '—' or '－')) return null;
        return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());
}
