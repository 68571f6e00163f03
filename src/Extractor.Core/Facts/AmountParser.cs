using System.Globalization;
using System.Text;

namespace Extractor.Facts;

/// <summary>What an amount cell said.</summary>
public enum AmountKind { Empty = 0, Number, Percent, NotANumber }

/// <summary>An amount cell parsed: empty (`—`, blank), a number, a percentage or text.</summary>
public readonly record struct ParsedAmount(string Raw, AmountKind Kind, decimal? Value)
{
    public bool HasValue => Value is not null;
}

/// <summary>Amounts as printed in the forms (`169. 07`, `1,044.83`, full-width digits, `—` = no value).</summary>
public static class AmountParser
{
    /// <summary>Above this a budget amount in 万元 is not believable for one unit's disclosure (10^8 万元 = 1 万亿).</summary>
    public const decimal AbsurdWan = 100_000_000m;

    public static ParsedAmount Parse(string? raw)
    {
        raw ??= "";
        var sb = new StringBuilder(raw.Length);
        foreach (var ch in raw)
        {
            var c = TextNorm.ToHalfWidth(ch);
            if (char.IsWhiteSpace(c) || c == ',' || c == '，' || c == '\u200b') continue;
            if (c is '－' or '−' or '–') c = '-';
            if (c == '。') c = '.';
            sb.Append(c);
        }
        var s = sb.ToString();
        if (s.Length == 0 || s.All(c => c is '-' or '—' or '一' or '/' or '_')) return new(raw, AmountKind.Empty, null);
        bool percent = false;
        if (s.EndsWith('%')) { percent = true; s = s[..^1]; }
        bool negative = false;
        if (s.StartsWith('(') && s.EndsWith(')')) { negative = true; s = s[1..^1]; }
        if (s.StartsWith('-')) { negative = !negative; s = s[1..]; }
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c == '.') || s.Count(c => c == '.') > 1 || s[0] == '.' && s.Length == 1)
            return new(raw, AmountKind.NotANumber, null);
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
            return new(raw, AmountKind.NotANumber, null);
        if (negative) v = -v;
        return new(raw, percent ? AmountKind.Percent : AmountKind.Number, v);
    }

    /// <summary>The number of a cell, or null when empty or not a number (percentages count).</summary>
    public static decimal? Value(string? raw) => Parse(raw).Value;

    /// <summary>True when the cell reads as a plain number (not a percentage).</summary>
    public static bool IsNumber(string? raw) => Parse(raw).Kind == AmountKind.Number;

    /// <summary>Converts an amount in <paramref name="unit"/> (元 / 万元 / 千元 / 亿元) to 万元.</summary>
    public static decimal ToWan(decimal value, string unit) => unit switch
    {
        "元" => value / 10000m,
        "千元" => value / 10m,
        "亿元" => value * 10000m,
        _ => value,
    };

    /// <summary>Converts an amount in 万元 back to <paramref name="unit"/>.</summary>
    public static decimal FromWan(decimal wan, string unit) => unit switch
    {
        "元" => wan * 10000m,
        "千元" => wan * 10m,
        "亿元" => wan / 10000m,
        _ => wan,
    };

    /// <summary>Values no disclosure prints: beyond 1 万亿 or with more than 4 decimals in 万元 tables (a 元 table read as 万元 shows up here too).</summary>
    public static bool IsAbsurd(decimal wan) => Math.Abs(wan) >= AbsurdWan;

    /// <summary>Formats an amount the way the forms print it (two decimals).</summary>
    public static string Format(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
