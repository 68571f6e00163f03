using System.Text.RegularExpressions;
using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>The money unit a table is printed in (单位：元 / 万元); 万元 when nothing says otherwise.</summary>
public static partial class UnitDetector
{
    public const string Default = "万元";

    /// <summary>The unit stated in a text such as `金额单位：元`, or null.</summary>
    public static string? FromText(string? text)
    {
        var m = UnitRegex().Match(TextNorm.Normalize(text));
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>Table cells first, then the page's lines nearest above the table, then the page text.</summary>
    public static string ForTable(Table table, TableLayout layout, PageContent? page)
    {
        if (layout.UnitInTable is { } u) return u;
        if (page is null) return Default;
        var above = page.Lines.Where(l => table.Box.Area == 0 || l.Box.Y <= table.Box.Y + 1)
            .OrderByDescending(l => l.Box.Y).Select(l => FromText(l.Text)).FirstOrDefault(x => x is not null);
        if (above is not null) return above;
        foreach (var line in page.RawText.Split('\n'))
            if (FromText(line) is { } r) return r;
        return Default;
    }

    [GeneratedRegex(@"单位[:]?(万元|千元|亿元|元)")]
    private static partial Regex UnitRegex();
}
