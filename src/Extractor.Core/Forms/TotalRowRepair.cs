using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>
/// The 合计 row of a scanned budget table whose label OCR could not read ("澡评", "全证", "tt" for 合计). A codeless row
/// whose short label is no word of the forms, and whose every amount is the sum of the table's 类 rows (three-digit
/// codes) in its column, is the table's 合计: nothing else in a coded table adds up the classes. Tables without codes,
/// text-layer cells and labels the forms print are never touched; the engine's reading stays on the cell.
/// </summary>
public static class TotalRowRepair
{
    public static List<ClassifiedPage> Apply(IReadOnlyList<ClassifiedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return pages.Select(p => p.FormType.IsBudgetForm() && p.Content.Tables.Any(t => t.Cells.Any(c => c.Source == CellSource.Ocr))
            ? p with { Content = p.Content.WithTables(p.Content.Tables.Select(Repair).ToList()) } : p).ToList();
    }

    /// <summary>One table with its unreadable 合计 label named.</summary>
    public static Table Repair(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var layout = TableLayout.Analyze(table);
        var cells = table.Cells.ToArray();
        bool changed = false;
        foreach (var g in layout.Groups)
        {
            if (g.CodeCols.Count == 0 || g.NameCols.Count == 0 || g.AmountCols.Count == 0) continue;
            int codeCol = g.CodeCols[0];
            var rows = layout.DataRows().ToList();
            var classes = rows.Where(r => TextNorm.LooksLikeCode(layout.Grid[r][codeCol]) && TextNorm.Code(layout.Grid[r][codeCol])?.Length == 3).ToList();
            if (classes.Count == 0) continue;
            var candidates = rows.Where(r => TextNorm.Normalize(layout.Grid[r][codeCol]).Length == 0 || layout.Index.At(r, codeCol) == layout.Index.At(r, g.NameCols[0]))
                .Select(r => (Row: r, Cell: LabelCell(layout, r, g))).Where(x => x.Cell is { Source: CellSource.Ocr } c && Unreadable(c.Text)).ToList();
            // One such row only: two unreadable rows adding up alike leave the 合计 unknown.
            var totals = candidates.Where(x => SumsClasses(layout, x.Row, classes, g.AmountCols)).ToList();
            if (totals.Count != 1) continue;
            int k = Array.IndexOf(cells, totals[0].Cell);
            if (k < 0) continue;
            cells[k] = cells[k].Corrected("合计");
            changed = true;
        }
        return changed ? table.WithCells(cells) : table;
    }

    // The row's label: the leftmost non-empty cell of its code and name columns (合计 is often merged over both).
    private static Cell? LabelCell(TableLayout layout, int r, ColumnGroup g) =>
        g.CodeCols.Concat(g.NameCols).Select(c => layout.Index.At(r, c)).FirstOrDefault(c => c is not null && !c.IsEmpty);

    /// <summary>A short reading (1–3 characters, no digit) that is no phrase or header word of the forms.</summary>
    public static bool Unreadable(string text)
    {
        var t = TextNorm.Normalize(text).Replace(" ", "");
        if (t.Length is 0 or > 3 || t.Any(char.IsAsciiDigit)) return false;
        return !OcrLexicon.IsFormWord(t);
    }

    // Whether the row's amounts equal, column by column, the sum of the class rows (within a cent per term), on every
    // column where both are readable, with at least one non-zero.
    private static bool SumsClasses(TableLayout layout, int row, List<int> classes, IReadOnlyList<int> amountCols)
    {
        int compared = 0; bool nonZero = false;
        foreach (var c in amountCols)
        {
            var total = AmountParser.Parse(layout.Grid[row][c]);
            if (total.Kind != AmountKind.Number) continue;
            decimal sum = 0;
            foreach (var r in classes)
            {
                var v = AmountParser.Parse(layout.Grid[r][c]);
                if (v.Kind == AmountKind.Number) sum += v.Value!.Value;
                else if (v.Kind != AmountKind.Empty) return false;
            }
            if (Math.Abs(total.Value!.Value - sum) > 0.01m * classes.Count) return false;
            compared++;
            nonZero |= sum != 0;
        }
        return compared > 0 && nonZero;
    }
}
