using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>What a column holds, judged from what its headers mean (and its data when headers say nothing).</summary>
public enum ColumnRole { Amount = 0, Code, Name, LineNumber }

/// <summary>A label/amount group of columns: two-sided tables (收入 | 支出) and the wide 基本支出决算明细表 have several.</summary>
/// <remarks><see cref="LabelIsLast"/>: the name columns sit under one merged header (项目名称 over category | item), so the
/// row's label is its most specific, last, name cell; separate headers name separate attributes and the first one labels.</remarks>
public sealed record ColumnGroup(int Index, IReadOnlyList<int> CodeCols, IReadOnlyList<int> NameCols, IReadOnlyList<int> AmountCols)
{
    public bool LabelIsLast { get; init; }
}

/// <summary>
/// The reading of a budget table: which rows are headers, the column path of every column
/// (docs/CONVENTIONS.md), the role of every column and its label/amount groups.
/// </summary>
public sealed class TableLayout
{
    public required Table Table { get; init; }
    public required CellIndex Index { get; init; }
    public required string[][] Grid { get; init; }
    public required IReadOnlyList<int> HeaderRows { get; init; }
    public required int FirstDataRow { get; init; }
    public required IReadOnlyList<string> ColumnPaths { get; init; }
    public required IReadOnlyList<ColumnRole> Roles { get; init; }
    public required IReadOnlyList<ColumnGroup> Groups { get; init; }
    /// <summary>Unit stated inside the table (a 单位：元 cell), or null.</summary>
    public string? UnitInTable { get; init; }
    /// <summary>Unit stated by a column's header, e.g. 金额(元).</summary>
    public required IReadOnlyList<string?> ColumnUnits { get; init; }
    private readonly HashSet<int> _skip = [];

    /// <summary>Data rows: after the headers, without 栏次 rows, notes or repeated headers.</summary>
    public IEnumerable<int> DataRows() => Enumerable.Range(FirstDataRow, Math.Max(0, Table.RowCount - FirstDataRow)).Where(r => !_skip.Contains(r));

    public ColumnGroup? GroupOf(int col) => Groups.FirstOrDefault(g => g.AmountCols.Contains(col) || g.NameCols.Contains(col) || g.CodeCols.Contains(col));

    private static readonly string[] TotalLabels = ["合计", "总计", "部门合计", "单位合计"];

    public static TableLayout Analyze(Table table)
    {
        var grid = table.ToGrid();
        var index = new CellIndex(table);
        var norm = grid.Select(row => row.Select(TextNorm.Normalize).ToArray()).ToArray();
        int rows = table.RowCount, cols = table.ColCount;
        string? unitInTable = null;

        var header = new List<int>();
        var skip = new HashSet<int>();
        int first = rows;
        bool sawWideHeader = false;
        for (int r = 0; r < rows; r++)
        {
            var cells = norm[r];
            var nonEmpty = cells.Where(t => t.Length > 0).Distinct().ToList();
            if (nonEmpty.Count == 0) { skip.Add(r); continue; }
            if (IsPreamble(nonEmpty)) { unitInTable ??= UnitDetector.FromText(string.Join(" ", nonEmpty)); skip.Add(r); continue; }
            if (IsMarkerRow(cells)) { skip.Add(r); continue; }
            // A 合计 header merged down over the header rows repeats in the grid; only a 合计 cell starting on this row labels data.
            bool StartsHere(int c) => index.At(r, c) is { } cell && cell.Row == r;
            if (IsDataRow(cells, StartsHere) || sawWideHeader && cols >= 3 && OnlyFirstColumn(cells))
            { first = r; break; }
            header.Add(r);
            if (nonEmpty.Count >= 2) sawWideHeader = true;
        }

        var headerTexts = new List<string>[cols];
        var paths = new string[cols];
        for (int c = 0; c < cols; c++)
        {
            headerTexts[c] = [];
            var parts = new List<string>();
            foreach (var r in header)
            {
                var t = norm[r][c];
                if (t.Length == 0) continue;
                headerTexts[c].Add(t);
                if (IsPathMarker(t)) continue;
                if (parts.Count > 0 && parts[^1] == t) continue;
                parts.Add(t);
            }
            paths[c] = string.Join("/", parts);
        }

        // Rows after the first data row: notes, 栏次 rows and headers repeated by a continued table give no lines.
        var headerSignatures = header.Select(r => string.Join("|", norm[r])).ToHashSet();
        for (int r = first; r < rows; r++)
        {
            var cells = norm[r];
            var firstText = cells.FirstOrDefault(t => t.Length > 0) ?? "";
            if (firstText.Length == 0 || IsMarkerRow(cells) || headerSignatures.Contains(string.Join("|", cells))
                || firstText.StartsWith("注") || firstText.StartsWith("说明") || firstText.StartsWith("备注") || firstText.StartsWith("本表无数据"))
                skip.Add(r);
        }

        var dataRows = Enumerable.Range(first, Math.Max(0, rows - first)).Where(r => !skip.Contains(r)).ToList();
        var roles = new ColumnRole[cols];
        var units = new string?[cols];
        for (int c = 0; c < cols; c++)
        {
            roles[c] = RoleOf(headerTexts[c], dataRows.Select(r => norm[r][c]).ToList());
            foreach (var t in headerTexts[c])
            {
                if (t.Contains("(万元)") || t.EndsWith("万元)")) units[c] = "万元";
                else if (t.Contains("(元)")) units[c] = "元";
            }
        }

        var groups = new List<ColumnGroup>();
        List<int> codes = [], names = [], amounts = [];
        var index0 = index;
        bool SharedHeader(List<int> nameCols)
        {
            if (nameCols.Count < 2) return false;
            foreach (var r in header.AsEnumerable().Reverse())
            {
                var cell = index0.At(r, nameCols[0]);
                if (cell is null || cell.IsEmpty) continue;
                return cell.Covers(r, nameCols[^1]);
            }
            return false;
        }
        void Close()
        {
            if (codes.Count + names.Count + amounts.Count > 0)
                groups.Add(new ColumnGroup(groups.Count, codes, names, amounts) { LabelIsLast = SharedHeader(names) });
            codes = []; names = []; amounts = [];
        }
        for (int c = 0; c < cols; c++)
        {
            switch (roles[c])
            {
                case ColumnRole.Code:
                    if (amounts.Count > 0 || names.Count > 0) Close();
                    codes.Add(c); break;
                case ColumnRole.Name:
                    if (amounts.Count > 0) Close();
                    names.Add(c); break;
                case ColumnRole.Amount: amounts.Add(c); break;
            }
        }
        Close();

        var layout = new TableLayout
        {
            Table = table, Index = index, Grid = grid, HeaderRows = header, FirstDataRow = first, ColumnPaths = paths, Roles = roles,
            Groups = groups, UnitInTable = unitInTable, ColumnUnits = units,
        };
        layout._skip.UnionWith(skip.Where(r => r >= first));
        return layout;
    }

    /// <summary>Header texts that are not part of a column path: unit notes, 栏次/行次, column numbers (CONVENTIONS).</summary>
    public static bool IsPathMarker(string t) => TextNorm.IsUnitNote(t) || TextNorm.IsLineMarker(t) || t.StartsWith("单位:")
        || t.StartsWith("金额单位") || t.All(char.IsAsciiDigit);

    private static bool OnlyFirstColumn(string[] cells) => cells[0].Length > 0 && cells.Skip(1).All(t => t.Length == 0 || t == cells[0]);

    private static bool IsPreamble(List<string> nonEmpty) => nonEmpty.All(t =>
        TextNorm.IsUnitNote(t) || t.StartsWith("单位名称:") || t.StartsWith("部门名称:") || t.StartsWith("编制单位:")
        || t.StartsWith("部门:") || t.Contains("单位:万元") || t.Contains("单位:元") || (nonEmpty.Count == 1 && t.EndsWith("表") && t.Length > 4));

    /// <summary>栏次 rows and rows of bare column numbers (1 2 3 …).</summary>
    public static bool IsMarkerRow(string[] cells)
    {
        if (cells.Any(t => t == "栏次")) return true;
        var ne = cells.Where(t => t.Length > 0).ToList();
        if (ne.Count >= 2 && ne.All(t => t.Length <= 2 && t.All(char.IsAsciiDigit))) return true;
        // On a scan one column number may come back misread ("12" as "121"): a long row whose numbers are mostly
        // bare one- or two-digit integers, rising from left to right, is still the 栏次 row.
        var small = ne.Where(t => t.Length <= 2 && t.All(char.IsAsciiDigit)).Select(int.Parse).ToList();
        return ne.Count >= 6 && small.Count * 4 >= ne.Count * 3 && small.Zip(small.Skip(1)).All(p => p.Second > p.First);
    }

    private static bool IsDataRow(string[] cells, Func<int, bool> startsHere)
    {
        var firstText = cells.FirstOrDefault(t => t.Length > 0) ?? "";
        if (TextNorm.LooksLikeCode(firstText) || TextNorm.StartsWithChineseOrdinal(firstText)) return true;
        // 合计 opening a row of amounts (or of nothing: an empty form) is data; opening a row of texts it is a header.
        // After an empty code cell it may stand in the name column; a scanned amount beside it may be misread
        // ("2593汪9"), still mostly digits, which no header is.
        int k = Array.FindIndex(cells, t => t.Length > 0);
        if (k >= 0 && startsHere(k) && TotalLabels.Contains(cells[k])
            && cells.Skip(k + 1).All(t => t.Length == 0 || t == cells[k] || AmountParser.Parse(t).Kind is AmountKind.Number or AmountKind.Empty || MostlyDigits(t)))
            return true;
        // A bare year (2024 | 2025 as column headers) is not an amount.
        return cells.Any(t => t.Length > 0 && AmountParser.IsNumber(t) && (t.Contains('.') || t.Length >= 3)
            && !(t.Length == 4 && (t.StartsWith("19") || t.StartsWith("20")) && !cells.Any(x => x.Contains('.'))));
    }

    private static bool MostlyDigits(string t) => t.Count(char.IsAsciiDigit) is var d && d >= 3 && d * 3 >= t.Length * 2;

    private static ColumnRole RoleOf(List<string> headers, List<string> data)
    {
        if (headers.Any(TextNorm.IsLineMarker)) return ColumnRole.LineNumber;
        if (headers.Any(h => h.Contains("编码") || h.Contains("代码") || h is "类" or "款" or "项")) return ColumnRole.Code;
        var last = headers.Count > 0 ? headers[^1] : "";
        if (headers.Any(h => h.Contains("名称")) || last is "项目" or "科目" or "项目名称" or "功能科目" or "经济科目" or "单位名称")
            return ColumnRole.Name;
        var ne = data.Where(t => t.Length > 0 && AmountParser.Parse(t).Kind != AmountKind.Empty).ToList();
        if (ne.Count == 0) return ColumnRole.Amount;
        // Whole amounts such as 237 look like codes: only a column of several code-shaped values with no header saying
        // otherwise is taken for codes.
        if (ne.Count >= 3 && ne.Count(TextNorm.LooksLikeCode) * 10 >= ne.Count * 6
            && !headers.Any(h => h.Contains("金额") || h.Contains("数") || h.Contains("计") || h.Contains("费") || h.Contains("支出") || h.Contains("收入")))
            return ColumnRole.Code;
        // Names are words: a bar or a stray character read in an empty amount column ("|" where a rule crosses a
        // scanned 单位资金 column) made it a name column, and every amount right of it lost its row's code and name.
        if (ne.Count(t => AmountParser.Parse(t).Kind == AmountKind.NotANumber && t.Count(TextNorm.IsCjk) >= 2) * 10 >= ne.Count * 6)
            return ColumnRole.Name;
        return ColumnRole.Amount;
    }
}
