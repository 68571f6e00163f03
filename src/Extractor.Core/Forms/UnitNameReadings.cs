using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>
/// A document prints its unit's name on every page (主管部门, 实施单位, 单位名称 cells), and scans misread it one
/// character off in some of them (阳凡市卫生健康委员会, 昌梁市水利局, …管理中弯). A scanned cell holding a reading one
/// Chinese character away from the name the document agrees on (<see cref="DocumentInfoReader"/>) holds the name.
/// Not when the difference is an ordinal (第一中学 beside 第二中学 are two units) or the other reading is printed in
/// the document's text layer: then it is another unit's name.
/// </summary>
public static class UnitNameReadings
{
    private const int MinLength = 5;
    private const string Ordinals = TextNorm.OrdinalCharacters;

    public static IReadOnlyList<ClassifiedPage> Apply(IReadOnlyList<ClassifiedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (!pages.Any(p => p.Content.Tables.Any(t => t.Cells.Any(c => c.Source == CellSource.Ocr)))) return pages;
        if (DocumentInfoReader.Read(pages).UnitName is not { Length: >= MinLength } unit) return pages;
        var printed = pages.SelectMany(p => p.Content.Tables).SelectMany(t => t.Cells).Where(c => c.Source == CellSource.TextLayer)
            .Select(c => TextNorm.Normalize(c.Text)).Concat(pages.Where(p => p.Content.TextLayerUsable).SelectMany(p => p.Content.Lines)
            .Select(l => TextNorm.Normalize(l.Text))).Where(t => t.Length >= unit.Length).ToList();
        return pages.Select(p => OcrCellMending.Mend(p, c => Mended(c.Text, unit, printed))).ToList();
    }

    /// <summary>The text with each window one Chinese character off <paramref name="unit"/> replaced by it; null when none is.</summary>
    public static string? Mended(string text, string unit, IReadOnlyList<string> printed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Length < MinLength || text.Length < unit.Length) return null;
        char[]? chars = null;
        foreach (var (start, at) in TextNorm.OneOffWindows(text, unit))
        {
            char read = text[start + at];
            if (!TextNorm.IsCjk(read) || Ordinals.Contains(read) || Ordinals.Contains(unit[at])) continue;
            var reading = text.Substring(start, unit.Length);
            if (printed.Any(t => t.Contains(reading, StringComparison.Ordinal))) continue;
            chars ??= text.ToCharArray();
            chars[start + at] = unit[at];
        }
        return chars is null ? null : new string(chars);
    }
}
