using System.Text.RegularExpressions;

namespace Extractor.Facts;

/// <summary>A period as printed (项目起止时间): `2024. 1. 1-2024. 12. 31`, `2024年1月1日至2024年12月31日`.</summary>
public sealed record Period(DateOnly Start, DateOnly End);

public static partial class PeriodParser
{
    public static Period? Parse(string? raw)
    {
        var s = TextNorm.Normalize(raw);
        var ms = DateRegex().Matches(s);
        if (ms.Count < 2) return null;
        var a = ToDate(ms[0]); var b = ToDate(ms[1]);
        return a is null || b is null || b < a ? null : new Period(a.Value, b.Value);
    }

    private static DateOnly? ToDate(Match m)
    {
        int y = int.Parse(m.Groups[1].Value), mo = int.Parse(m.Groups[2].Value);
        int d = m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : 1;
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d);
    }

    [GeneratedRegex(@"((?:19|20)\d\d)[.年/-](\d{1,2})(?:[.月/-](\d{1,2})(?!\d)日?)?")]
    private static partial Regex DateRegex();
}
