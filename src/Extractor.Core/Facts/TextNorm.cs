using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Facts;

/// <summary>Normalisation of names, headers and codes per docs/CONVENTIONS.md.</summary>
public static partial class TextNorm
{
    // Marks that only indent a row label (tree drawings, bullets); never part of the name.
    private const string IndentMarks = "·•●○◆◇■□▪▫►▶→└├│—_";

    /// <summary>Names and headers: no whitespace, full-width ASCII → half-width, leading indentation marks dropped.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = ToHalfWidth(ch);
            if (char.IsWhiteSpace(c) || c == '\u200b') continue;
            sb.Append(c);
        }
        int i = 0;
        while (i < sb.Length && IndentMarks.Contains(sb[i]) && i < sb.Length - 1) i++;
        return i == 0 ? sb.ToString() : sb.ToString(i, sb.Length - i);
    }

    /// <summary>
    /// Edit distance with costs per character: <paramref name="gap"/> for a character dropped from either side,
    /// <paramref name="sub"/> for one read as another (0 when equal).
    /// </summary>
    public static int EditDistance(string a, string b, Func<char, int> gap, Func<char, char, int> sub) => EditDistance(a, b, gap, gap, sub);

    /// <summary>
    /// Edit distance from <paramref name="a"/> to <paramref name="b"/> with one-sided gaps: <paramref name="dropA"/> for a
    /// character of <paramref name="a"/> that <paramref name="b"/> lacks, <paramref name="dropB"/> for one of
    /// <paramref name="b"/> that <paramref name="a"/> lacks, <paramref name="sub"/> for one read as another.
    /// </summary>
    public static int EditDistance(string a, string b, Func<char, int> dropA, Func<char, int> dropB, Func<char, char, int> sub)
    {
        var d = new int[b.Length + 1];
        for (int j = 1; j <= b.Length; j++) d[j] = d[j - 1] + dropB(b[j - 1]);
        for (int i = 1; i <= a.Length; i++)
        {
            int prev = d[0]; d[0] += dropA(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                int tmp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + dropA(a[i - 1]), d[j - 1] + dropB(b[j - 1])), prev + sub(a[i - 1], b[j - 1]));
                prev = tmp;
            }
        }
        return d[b.Length];
    }

    /// <summary>
    /// Where two texts of one length differ when they differ in exactly one position (a character misread for another);
    /// -1 when they are equal, of different lengths or further apart.
    /// </summary>
    public static int SingleDifference(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length) return -1;
        int at = -1;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] == b[k]) continue;
            if (at >= 0) return -1;
            at = k;
        }
        return at;
    }

    /// <summary>
    /// The stretches of <paramref name="text"/> as long as <paramref name="name"/> that differ from it in exactly one
    /// character: each stretch's start and the place of the difference within it.
    /// </summary>
    public static IEnumerable<(int Start, int At)> OneOffWindows(string text, string name)
    {
        for (int start = 0; start + name.Length <= text.Length; start++)
            if (SingleDifference(text.AsSpan(start, name.Length), name) is var at and >= 0) yield return (start, at);
    }

    /// <summary>
    /// A percentage of four digits or more ("1009%", "9504%", "≥8500%"): the sign's circles were read as digits; the
    /// rate is its first two digits, or 100 (no 绩效 form prints 1000 %). A leading 2 or 7 is as likely a misread ≥
    /// ("2100%"), left for the comparator's restoring (<see cref="OcrLexicon.RestoreComparator"/>).
    /// </summary>
    public static string PercentWithoutCircles(string text)
    {
        var m = PercentCircles().Match(text);
        if (!m.Success) return text;
        var digits = m.Groups[2].Value;
        if (digits[0] is '2' or '7') return text;
        int keep = digits.StartsWith("100", StringComparison.Ordinal) ? 3 : 2;
        return m.Groups[1].Value + digits[..keep] + "%";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([≥≤]?)(\d{4,})%$")]
    private static partial System.Text.RegularExpressions.Regex PercentCircles();

    /// <summary>Whether <paramref name="part"/>'s characters stand in <paramref name="whole"/> in the same order (digits a misread kept: "7" of 794.08).</summary>
    public static bool InOrder(string part, string whole)
    {
        int k = 0;
        foreach (var c in whole) if (k < part.Length && part[k] == c) k++;
        return k == part.Length;
    }

    /// <summary>Characters of Chinese ordinals (第一, 二十, 〇): two texts that differ in one are two things, not a misread.</summary>
    public const string OrdinalCharacters = "一二三四五六七八九十〇零第";

    /// <summary>A CJK ideograph (the unified block and extension A).</summary>
    public static bool IsCjk(char c) => c >= 0x3400 && c <= 0x9FFF;

    public static char ToHalfWidth(char c) => c switch
    {
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    /// <summary>Digits only (`208 05 01` → `2080501`); null when the text holds no digit.</summary>
    public static string? Code(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var sb = new StringBuilder();
        foreach (var ch in text)
        {
            var c = ToHalfWidth(ch);
            if (char.IsAsciiDigit(c)) sb.Append(c);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>True when the text is a subject code as printed: 3, 5 or 7 digits, maybe spaced.</summary>
    public static bool LooksLikeCode(string? text)
    {
        var n = Normalize(text);
        return n.Length is 3 or 5 or 7 && n.All(char.IsAsciiDigit);
    }

    /// <summary>A cell that only states the unit: 单位：万元, 金额单位：元, (万元).</summary>
    public static bool IsUnitNote(string? text)
    {
        var n = Normalize(text);
        return UnitNoteRegex().IsMatch(n);
    }

    /// <summary>栏次 / 行次 markers.</summary>
    public static bool IsLineMarker(string? text)
    {
        var n = Normalize(text);
        return n is "栏次" or "行次" or "栏" or "行";
    }

    /// <summary>Removes a trailing weight note such as `(50分)` from an indicator level name.</summary>
    public static string StripPointsNote(string name) => PointsNoteRegex().Replace(name, "");

    /// <summary>Removes a leading Chinese ordinal such as `一、` or `(一)` or `1.`.</summary>
    public static string StripOrdinal(string name) => OrdinalRegex().Replace(name, "");

    public static bool StartsWithChineseOrdinal(string name) => ChineseOrdinalRegex().IsMatch(name);

    /// <summary>
    /// True when a row or column label cannot be as printed: an amount inside Chinese text (a missed rule merged
    /// a label and its number), symbols no form label uses (~ | \ &lt; &gt; _ …, OCR debris of rules and specks) or
    /// Latin letters glued to Chinese (`水费ft`, `一、基本支出Ow`). Such a label makes its facts suspect.
    /// </summary>
    public static bool LooksMisread(string? label)
    {
        if (string.IsNullOrEmpty(label)) return false;
        bool cjk = label.Any(c => c is >= '\u4E00' and <= '\u9FFF');
        if (!cjk) return false;
        return EmbeddedAmountRegex().IsMatch(label) || DebrisRegex().IsMatch(label) || LatinGluedRegex().IsMatch(label);
    }

    [GeneratedRegex(@"\d\.\d{2}|\d,\d{3}")]
    private static partial Regex EmbeddedAmountRegex();
    [GeneratedRegex(@"[~|\\<>_^`@#$&*={}\[\]]")]
    private static partial Regex DebrisRegex();
    // Lower case only: forms print upper-case codes and acronyms beside Chinese (一、货物A, PC服务器).
    [GeneratedRegex(@"[\u4E00-\u9FFF][A-Za-z]*[a-z]|[a-z][A-Za-z]*[\u4E00-\u9FFF]")]
    private static partial Regex LatinGluedRegex();

    [GeneratedRegex(@"^(金额)?单位[:]?(万元|元|千元|亿元)$|^\((万元|元)\)$|^(万元|元)$")]
    private static partial Regex UnitNoteRegex();
    // "(50分)", and as a scan reads it: "《30分)", "(SO分)", "(50分" (a bracket misread or lost, O/S/l for digits).
    [GeneratedRegex(@"[(《<〈\[{]\s*[\dOoSIl]{1,3}(\.\d+)?\s*分\s*[)》>〉\]}]?$")]
    private static partial Regex PointsNoteRegex();
    [GeneratedRegex(@"^(\(?[一二三四五六七八九十]+[)、.]|\d+[、.](?!\d))")]
    private static partial Regex OrdinalRegex();
    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex ChineseOrdinalRegex();
}
