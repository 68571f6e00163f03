using System.Text.RegularExpressions;
using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>
/// Column headers of scanned budget tables, repaired before the tables are read. One misread header names every line
/// of its column wrongly, and the headers the forms print come from a small closed set; so in the header rows (and only
/// there) a reading the forms' header words do not make up is taken for the one phrase close to it, with more
/// allowance than <see cref="OcrLexicon"/> gives body text (一般公共有预算 → 一般公共预算, 财政搜教收入 → 财政拨款收入,
/// 支出人 → 支出). A header past reading (个于, 各证) over the first column of its group that is, row by row, the sum of
/// the others is their 合计 (小计 under a second-level header). Text-layer cells and headers made of the forms' words are
/// never touched, and the engine's reading stays on the cell (<see cref="Cell.OcrText"/>).
/// </summary>
public static partial class ColumnHeaderRepair
{
    /// <summary>
    /// The document's pages with the headers of their scanned budget tables repaired. Besides the forms' phrases, the
    /// header texts the document itself prints in its budget tables in the forms' words are candidates.
    /// </summary>
    public static List<ClassifiedPage> Apply(IReadOnlyList<ClassifiedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        bool Scanned(ClassifiedPage p) => p.FormType.IsBudgetForm() && p.Content.Tables.Any(t => t.Cells.Any(c => c.Source == CellSource.Ocr));
        if (!pages.Any(Scanned)) return pages.ToList();

        var phrases = new HashSet<string>(OcrLexicon.FormPhrases, StringComparer.Ordinal);
        var layouts = new Dictionary<Table, TableLayout>(ReferenceEqualityComparer.Instance);
        foreach (var table in pages.Where(p => p.FormType.IsBudgetForm()).SelectMany(p => p.Content.Tables))
        {
            var layout = layouts[table] = TableLayout.Analyze(table);
            foreach (var r in layout.HeaderRows)
                foreach (var c in table.Cells.Where(c => c.Row == r))
                    if (Body(TextNorm.Normalize(c.Text)).Body is { Length: >= 2 } body && body.Any(TextNorm.IsCjk) && OcrLexicon.IsHeaderVocabulary(body))
                        phrases.Add(body);
        }
        return pages.Select(p => Scanned(p) ? p with { Content = p.Content.WithTables(p.Content.Tables.Select(t => Repair(layouts[t], phrases)).ToList()) } : p).ToList();
    }

    /// <summary>One table's OCR'd header cells snapped to <paramref name="phrases"/>, then its 合计 columns named.</summary>
    public static Table Repair(Table table, IReadOnlySet<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Repair(TableLayout.Analyze(table), phrases);
    }

    private static Table Repair(TableLayout layout, IReadOnlySet<string> phrases)
    {
        var table = layout.Table;
        if (layout.HeaderRows.Count == 0) return table;
        var headerRows = layout.HeaderRows.ToHashSet();
        var cells = table.Cells.ToArray();
        bool changed = false;
        for (int i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            if (c.Source != CellSource.Ocr || c.IsEmpty || !headerRows.Contains(c.Row)) continue;
            if (Snap(c.Text, phrases) is { } text) { cells[i] = c.Corrected(text); changed = true; }
        }
        changed |= MirrorBlocks(cells, layout.HeaderRows, phrases);
        // Column paths follow the snapped headers.
        if (changed) layout = TableLayout.Analyze(table.WithCells(cells));
        return NameTotals(layout, phrases);
    }

    /// <summary>
    /// The header phrase an OCR'd header cell stands for, or null to keep it: only a reading the forms' header words do
    /// not make up changes, to the unique closest phrase of <paramref name="phrases"/> within one Chinese character
    /// misread (two, or one added or dropped, in phrases of five or more), or one character more at either end. A leading
    /// year and a trailing unit stay as read.
    /// </summary>
    public static string? Snap(string reading, IReadOnlySet<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var (prefix, body, suffix) = Body(TextNorm.Normalize(reading));
        if (body.Length < 2 || !body.Any(TextNorm.IsCjk) || IsFormHeader(body, phrases)) return null;
        // Latin letters and marks at its ends are specks and rules ("4用经费e_"): headers print none.
        var bare = OcrLexicon.WithoutEndDebris(body);
        if (bare.Length >= 2 && bare != body && phrases.Contains(bare)) return prefix + bare + suffix;
        string? best = null; int bestD = int.MaxValue; bool tie = false;
        foreach (var form in bare.Length >= 2 && bare != body ? new[] { body, bare } : [body])
            foreach (var p in phrases)
            {
                if (Math.Abs(p.Length - form.Length) > 1) continue;
                int d = OcrLexicon.Distance(form, p);
                bool oneMore = form.Length == p.Length + 1 && (form[1..] == p || form[..^1] == p);
                if (d > (p.Length >= 5 || oneMore ? 4 : 2)) continue;
                if (d < bestD) { best = p; bestD = d; tie = false; }
                else if (d == bestD && p != best) tie = true;
            }
        return best is null || tie ? null : prefix + best + suffix;
    }

    /// <summary>
    /// Blocks side by side under headers of the same text (预算数 | 决算数, each over 小计 | 公务用车购置费 |
    /// 公务用车运行维护费) print the same headers below them. Where a block's header differs from its counterpart's, an
    /// OCR'd header that is no form phrase, or is only the start of its counterpart (a wrapped 公务用车运行维护费 read as
    /// its first line, 公务用车), takes the counterpart's phrase. Returns whether a cell changed.
    /// </summary>
    private static bool MirrorBlocks(Cell[] cells, IReadOnlyList<int> headerRows, IReadOnlySet<string> phrases)
    {
        bool changed = false;
        bool IsPhrase(string t) => IsFormHeader(Body(t).Body, phrases);
        foreach (int r in headerRows)
        {
            if (!headerRows.Contains(r - 1)) continue;
            var parents = Enumerable.Range(0, cells.Length)
                .Where(i => cells[i].Row <= r - 1 && cells[i].LastRow == r - 1 && cells[i].ColSpan >= 2 && !cells[i].IsEmpty).ToList();
            List<int> Children(Cell p) => Enumerable.Range(0, cells.Length)
                .Where(i => cells[i].Row == r && cells[i].Col >= p.Col && cells[i].LastCol <= p.LastCol).OrderBy(i => cells[i].Col).ToList();
            foreach (var same in parents.GroupBy(i => TextNorm.Normalize(cells[i].Text)).Where(g => g.Count() >= 2))
            {
                var blocks = same.Select(i => Children(cells[i])).ToList();
                for (int a = 0; a < blocks.Count; a++)
                    for (int b = 0; b < blocks.Count; b++)
                    {
                        var (x, y) = (blocks[a], blocks[b]);
                        if (a == b || x.Count != y.Count || x.Count < 2) continue;
                        for (int k = 0; k < x.Count; k++)
                        {
                            var (mine, theirs) = (cells[x[k]], cells[y[k]]);
                            string tm = TextNorm.Normalize(mine.Text), tt = TextNorm.Normalize(theirs.Text);
                            if (mine.Source != CellSource.Ocr || mine.ColSpan != theirs.ColSpan || tm == tt || tt.Length == 0 || !IsPhrase(tt)) continue;
                            if (IsPhrase(tm) && !(tm.Length >= 2 && tt.Length > tm.Length && tt.StartsWith(tm, StringComparison.Ordinal))) continue;
                            cells[x[k]] = mine.Corrected(theirs.Text);
                            changed = true;
                        }
                    }
            }
        }
        return changed;
    }

    // A header body the forms print: one of the phrases, or made of their header words.
    private static bool IsFormHeader(string body, IReadOnlySet<string> phrases) => phrases.Contains(body) || OcrLexicon.IsHeaderVocabulary(body);

    // A header cut into the year it leads with (2025年预算数), its words and the unit it ends with (金额(万元)).
    private static (string Prefix, string Body, string Suffix) Body(string t)
    {
        var lead = YearPrefix().Match(t);
        var tail = UnitSuffix().Match(t, lead.Length);
        int end = tail.Success ? tail.Index : t.Length;
        return (t[..lead.Length], t[lead.Length..end], t[end..]);
    }

    /// <summary>
    /// A header no phrase is near, over the first amount column of its group that equals, row by row, the sum of the
    /// other columns under the same header (a 小计 standing for its parts), is their 合计. A column equal to its only
    /// filled sibling is the 合计 only because it comes first: the forms print totals before their parts.
    /// </summary>
    private static Table NameTotals(TableLayout layout, IReadOnlySet<string> phrases)
    {
        var table = layout.Table;
        var paths = layout.ColumnPaths;
        var cells = table.Cells.ToArray();
        bool changed = false;
        foreach (var g in layout.Groups)
        {
            foreach (var c in g.AmountCols)
            {
                var levels = paths[c].Split('/');
                var last = levels[^1];
                if (last.Length == 0 || phrases.Contains(Body(last).Body) || OcrLexicon.IsHeaderVocabulary(last)) continue;
                string parent = string.Join("/", levels[..^1]);
                var under = g.AmountCols.Where(o => parent.Length == 0 ? !paths[o].Contains('/') : paths[o].StartsWith(parent + "/", StringComparison.Ordinal)).ToList();
                if (under.Count < 2 || under[0] != c) continue;
                var parts = Parts(under.Skip(1).ToList(), paths);
                if (!SumsRowByRow(layout, c, parts)) continue;
                int k = HeaderCellIndex(cells, layout, c, last);
                if (k < 0) continue;
                cells[k] = cells[k].Corrected(levels.Length >= 3 ? "小计" : "合计");
                changed = true;
            }
        }
        return changed ? table.WithCells(cells) : table;
    }

    // The columns a total adds up: every column under it, save the parts of a 小计/合计 printed beside them.
    private static List<int> Parts(List<int> cols, IReadOnlyList<string> paths)
    {
        var subtotals = cols.Where(o => paths[o].Split('/')[^1] is "小计" or "合计").Select(o => Parent(paths[o])).ToHashSet();
        return cols.Where(o => paths[o].Split('/')[^1] is "小计" or "合计" || !subtotals.Contains(Parent(paths[o]))).ToList();
    }

    private static string Parent(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    // Whether column c holds the sum of the parts on every data row with readable numbers (one misread row allowed in
    // five), with something to add on at least one row.
    private static bool SumsRowByRow(TableLayout layout, int c, List<int> parts)
    {
        if (parts.Count == 0) return false;
        int compared = 0, matched = 0; bool nonZero = false;
        foreach (var r in layout.DataRows())
        {
            var total = AmountParser.Parse(layout.Grid[r][c]);
            if (total.Kind != AmountKind.Number) continue;
            decimal sum = 0; bool readable = true;
            foreach (var p in parts)
            {
                var v = AmountParser.Parse(layout.Grid[r][p]);
                if (v.Kind == AmountKind.Number) sum += v.Value!.Value;
                else if (v.Kind != AmountKind.Empty) { readable = false; break; }
            }
            if (!readable) continue;
            compared++;
            // Rounding: each printed part may be half a cent off.
            if (Math.Abs(total.Value!.Value - sum) <= 0.01m * parts.Count) { matched++; nonZero |= sum != 0; }
        }
        return nonZero && matched >= 1 && matched * 5 >= compared * 4;
    }

    // The OCR'd header cell that gave column c its last path level: the lowest header cell over c alone with that text.
    private static int HeaderCellIndex(Cell[] cells, TableLayout layout, int c, string text)
    {
        int found = -1;
        for (int i = 0; i < cells.Length; i++)
        {
            var x = cells[i];
            if (x.Col != c || x.ColSpan != 1 || !layout.HeaderRows.Contains(x.Row) || TextNorm.Normalize(x.Text) != text) continue;
            if (found < 0 || x.Row > cells[found].Row) found = i;
        }
        return found >= 0 && cells[found].Source == CellSource.Ocr ? found : -1;
    }

    [GeneratedRegex(@"^\d{4}年?度?")]
    private static partial Regex YearPrefix();

    [GeneratedRegex(@"\((万元|元)\)$")]
    private static partial Regex UnitSuffix();
}
