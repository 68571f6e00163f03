using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Domain;

namespace Extractor.Facts;

/// <summary>Reads an indicator target: `≥95%`, `不低于90%`, `16人`, `11.5万元`, or qualitative (`有效提高`).</summary>
public static partial class TargetParser
{
    public static IndicatorValue Parse(string? raw)
    {
        raw ??= "";
        var s = TextNorm.Normalize(raw);
        var cmp = Comparator.None;
        (string Prefix, Comparator C)[] words =
        [
            (">=", Comparator.GreaterOrEqual), ("≥", Comparator.GreaterOrEqual), ("≧", Comparator.GreaterOrEqual),
            ("<=", Comparator.LessOrEqual), ("≤", Comparator.LessOrEqual), ("≦", Comparator.LessOrEqual),
            (">", Comparator.Greater), ("<", Comparator.Less), ("=", Comparator.Equal),
            ("不低于", Comparator.GreaterOrEqual), ("不少于", Comparator.GreaterOrEqual), ("大于等于", Comparator.GreaterOrEqual),
            ("不高于", Comparator.LessOrEqual), ("不超过", Comparator.LessOrEqual), ("不多于", Comparator.LessOrEqual), ("小于等于", Comparator.LessOrEqual),
            ("高于", Comparator.Greater), ("大于", Comparator.Greater), ("超过", Comparator.Greater),
            ("低于", Comparator.Less), ("小于", Comparator.Less),
            ("达到", Comparator.GreaterOrEqual), ("等于", Comparator.Equal),
        ];
        foreach (var (p, c) in words)
            if (s.StartsWith(p, StringComparison.Ordinal)) { cmp = c; s = s[p.Length..]; break; }
        if (s.StartsWith('约')) s = s[1..];
        var m = ValueRegex().Match(s);
        if (!m.Success) return new IndicatorValue(raw, cmp, null, null);
        var v = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var unit = m.Groups[2].Value;
        // `以上` / `以下` after the unit say what a leading comparator would.
        if (unit.EndsWith("以上")) { unit = unit[..^2]; if (cmp == Comparator.None) cmp = Comparator.GreaterOrEqual; }
        else if (unit.EndsWith("以内") || unit.EndsWith("以下")) { unit = unit[..^2]; if (cmp == Comparator.None) cmp = Comparator.LessOrEqual; }
        return new IndicatorValue(raw, cmp, v, unit.Length == 0 ? null : unit);
    }

    /// <summary>
    /// The unit an indicator's name says it is counted in: % for a rate (…率), 次 for a count of times (…次数), 人 for a
    /// count of people (…人数); null when the name says none.
    /// </summary>
    public static string? UnitNamedBy(string name)
    {
        var n = TextNorm.Normalize(name);
        return n.EndsWith('率') ? "%" : n.EndsWith("次数") ? "次" : n.EndsWith("人数") ? "人" : null;
    }

    // Whole-cell value: number then a short unit (%, 人, 万元, 个/台 …); dates such as 2025年12月底前 stay qualitative.
    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(%|‰|[\p{IsCJKUnifiedIdeographs}a-zA-Z/²³]{0,6})$")]
    private static partial Regex ValueRegex();
}
