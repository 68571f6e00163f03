using System.Text.RegularExpressions;
using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>
/// Reads the budget forms (收支总表 … 项目支出表): every non-empty amount cell of a data row becomes a
/// <see cref="BudgetLine"/> labelled by its group's code/name cells and its column path.
/// </summary>
public static partial class BudgetFormInterpreter
{
    public static List<BudgetLine> Read(Table table, int tableIndex, FormType form, string unit) =>
        Read(TableLayout.Analyze(table), tableIndex, form, unit);

    public static List<BudgetLine> Read(TableLayout layout, int tableIndex, FormType form, string unit)
    {
        var table = layout.Table;
        var index = layout.Index;
        var lines = new List<BudgetLine>();
        var glued = layout.Groups.ToDictionary(g => g.Index, g => g.CodeCols.Count > 0 || GluedCodesCommon(layout, g));
        foreach (var r in layout.DataRows())
        {
            foreach (var g in layout.Groups)
            {
                var (code, name) = Label(layout, g, r, glued[g.Index]);
                foreach (var c in g.AmountCols)
                {
                    var cell = index.At(r, c);
                    if (cell is null || cell.Row != r || cell.Col != c) continue;   // a merged cell counts once
                    var parsed = AmountParser.Parse(cell.Text);
                    if (parsed.Kind != AmountKind.Number) continue;
                    var colUnit = layout.ColumnUnits[c] ?? unit;
                    var wan = AmountParser.ToWan(parsed.Value!.Value, colUnit);
                    lines.Add(new BudgetLine
                    {
                        Form = form,
                        Code = code,
                        Name = name,
                        Level = code is null ? SubjectLevel.Unknown : new SubjectCode(code).Level,
                        Column = layout.ColumnPaths[c],
                        RawText = cell.Text,
                        AmountAsPrinted = parsed.Value,
                        UnitAsPrinted = colUnit,
                        AmountWan = wan,
                        Cell = new CellRef(table.PageOfRow(r), tableIndex, r, c),
                        Confidence = cell.Confidence,
                    });
                }
            }
        }
        return lines;
    }

    /// <summary>Code and name of row <paramref name="r"/> in group <paramref name="g"/>.</summary>
    public static (string? Code, string Name) Label(TableLayout layout, ColumnGroup g, int r, bool splitGluedCode = true)
    {
        var table = layout.Table;
        string? code = null;
        if (g.CodeCols.Count > 0)
        {
            var parts = g.CodeCols.Select(c => TextNorm.Code(layout.Grid[r][c]) ?? "").ToList();
            // A full code printed in the last of split 类/款/项 columns wins over joining.
            code = parts.LastOrDefault(p => p.Length is 5 or 7 && parts.Count > 1 && parts[0].Length == 3 && p.StartsWith(parts[0])) ?? string.Concat(parts);
            if (code.Length == 0) code = null;
        }
        string name = "";
        if (g.LabelIsLast)
            foreach (var c in g.NameCols.Reverse()) { var t = TextNorm.Normalize(layout.Grid[r][c]); if (t.Length > 0) { name = t; break; } }
        // A name cell merged down over several rows is a category (收入预算总表); the row's own cell is the label.
        if (name.Length == 0)
        foreach (var c in g.NameCols)
        {
            var cell = layout.Index.At(r, c);
            var t = TextNorm.Normalize(cell?.Text);
            if (t.Length == 0 || cell!.RowSpan > 1) continue;
            name = t; break;
        }
        if (name.Length == 0)
            foreach (var c in g.NameCols) { var t = TextNorm.Normalize(layout.Grid[r][c]); if (t.Length > 0) { name = t; break; } }
        // OCR or a misaligned dump can leave the code glued to the name: `2080501行政运行`.
        if (code is null && splitGluedCode && CodeThenName().Match(name) is { Success: true } m) { code = m.Groups[1].Value; name = m.Groups[2].Value; }
        return (code, name);
    }

    /// <summary>
    /// Whether a group without a code column prints its codes glued to its names (a dump or OCR that lost the
    /// column's rule): most of its labels then start with one. A table of names where one starts with digits
    /// ("120调度指挥系统运维及通讯费", a project named after the 120 hotline) holds no codes.
    /// </summary>
    private static bool GluedCodesCommon(TableLayout layout, ColumnGroup g)
    {
        int named = 0, coded = 0;
        foreach (var r in layout.DataRows())
        {
            var (_, name) = Label(layout, g, r, splitGluedCode: false);
            if (name.Length == 0) continue;
            named++;
            if (CodeThenName().IsMatch(name)) coded++;
        }
        return named > 0 && coded * 2 >= named;
    }

    // An amount glued to a label (`889.80支出总计`, a missed rule) is no code: the digits must not run on as a number.
    [GeneratedRegex(@"^(\d{3}|\d{5}|\d{7})(?![.,．，]\d)(\D.*)$")]
    private static partial Regex CodeThenName();
}
