using System.Globalization;
using System.Text;

namespace Extractor.Storage;

/// <summary>
/// The little normalisation the store needs to recompute a fact from a corrected cell (docs/CONVENTIONS.md:
/// `169. 07` → 169.07, `1,044.83`, full-width digits, leading minus; dashes and blanks are no value).
/// Kept here so the store does not depend on the forms stage.
/// </summary>
public static class CellText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u3000') continue;
            // Full-width ASCII (！ … ～) maps to half-width by a fixed offset.
            sb.Append(ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch);
        }
        return sb.ToString();
    }

    /// <summary>True for blank and dash cells, which are not facts.</summary>
    public static bool IsNoValue(string? text)
    {
        var t = Normalize(text);
        return t.Length == 0 || t.All(c => c is '-' or '—' or '–' or '－' or '/' or '／');
    }

    public static bool TryParseAmount(string? text, out decimal value)
    {
        value = 0;
        if (IsNoValue(text)) return false;
        var t = Normalize(text).Replace(",", "").Replace("，", "");
        if (t.StartsWith('(') && t.EndsWith(')')) t = "-" + t[1..^1];
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
