using System.Data;
using Dapper;
using Extractor.Domain;

namespace Extractor.Storage;

public sealed partial class SqliteStore
{
    private sealed class CellCandidate
    {
        public long CellId { get; set; }
        public long TableId { get; set; }
        public long DocumentId { get; set; }
        public string File { get; set; } = "";
        public string Path { get; set; } = "";
        public int Page { get; set; }
        public int TableIndex { get; set; }
        public int Row { get; set; }
        public int Col { get; set; }
        public double X { get; set; }
        public double Y { get; set; }
        public double W { get; set; }
        public double H { get; set; }
        public string Text { get; set; } = "";
        public double Confidence { get; set; }
        public string FormType { get; set; } = "";
        public double PageConfidence { get; set; }
        public bool Scanned { get; set; }
        public int Rotation { get; set; }
        public double Skew { get; set; }
        public double? Amount { get; set; }
        public string? LineName { get; set; }
        public string? LineCode { get; set; }
        public string? LineColumn { get; set; }
        public long Flagged { get; set; }
    }

    private sealed class CellLite
    {
        public int Row { get; set; }
        public int Col { get; set; }
        public int RowSpan { get; set; }
        public int ColSpan { get; set; }
        public string Text { get; set; } = "";
        public bool Covers(int r, int c) => r >= Row && r < Row + RowSpan && c >= Col && c < Col + ColSpan;
    }

    public IReadOnlyList<ReviewItem> ReviewQueue(double cellConfidenceBelow = 0.8, double pageConfidenceBelow = 0.6)
    {
        var candidates = _conn.Query<CellCandidate>("""
            SELECT c.id AS CellId, c.table_id AS TableId, c.document_id AS DocumentId, d.file_name AS File, d.path AS Path,
                   c.page_no AS Page, t.table_index AS TableIndex, c.row_no AS "Row", c.col_no AS Col,
                   c.x AS X, c.y AS Y, c.w AS W, c.h AS H, COALESCE(c.value, c.raw_text) AS Text, c.confidence AS Confidence,
                   COALESCE(p.form_type, '其他') AS FormType, COALESCE(p.confidence, 1) AS PageConfidence, COALESCE(p.scanned, 0) AS Scanned,
                   COALESCE(p.rotation, 0) AS Rotation, COALESCE(p.skew, 0) AS Skew,
                   (SELECT MAX(ABS(b.amount_wan)) FROM budget_lines b WHERE b.cell_id = c.id) AS Amount,
                   (SELECT MIN(b.name) FROM budget_lines b WHERE b.cell_id = c.id) AS LineName,
                   (SELECT MIN(b.code) FROM budget_lines b WHERE b.cell_id = c.id) AS LineCode,
                   (SELECT MIN(b.column_path) FROM budget_lines b WHERE b.cell_id = c.id) AS LineColumn,
                   (SELECT COUNT(*) FROM budget_lines b WHERE b.cell_id = c.id AND b.flagged = 1)
                 + (SELECT COUNT(*) FROM indicators i WHERE i.cell_id = c.id AND i.flagged = 1) AS Flagged
            FROM cells c
            JOIN tables t ON t.id = c.table_id
            JOIN documents d ON d.id = c.document_id
            LEFT JOIN pages p ON p.document_id = c.document_id AND p.page_no = c.page_no
            WHERE c.reviewed = 0 AND c.raw_text <> '' AND (
                  c.confidence < @cellConfidenceBelow
               OR EXISTS (SELECT 1 FROM budget_lines b WHERE b.cell_id = c.id AND b.flagged = 1)
               OR EXISTS (SELECT 1 FROM indicators i WHERE i.cell_id = c.id AND i.flagged = 1)
               OR EXISTS (SELECT 1 FROM issue_cells ic JOIN validation_issues v ON v.id = ic.issue_id
                          WHERE ic.cell_id = c.id AND v.resolved = 0));
            """, new { cellConfidenceBelow }).ToList();

        var issues = _conn.Query<(long CellId, string Rule, string Message, long? SuggestionCell, string? Suggested)>("""
            SELECT ic.cell_id, v.rule, v.message,
                   (SELECT c2.id FROM cells c2 JOIN tables t2 ON t2.id = c2.table_id
                    WHERE c2.document_id = v.document_id AND t2.table_index = v.suggestion_table AND c2.row_no = v.suggestion_row
                      AND c2.col_no = v.suggestion_col AND (c2.page_no = v.suggestion_page OR t2.page_no = v.suggestion_page)
                    ORDER BY c2.id LIMIT 1),
                   v.suggested_value
            FROM issue_cells ic JOIN validation_issues v ON v.id = ic.issue_id
            WHERE v.resolved = 0 AND ic.cell_id IS NOT NULL;
            """).ToLookup(i => i.CellId);

        var tableCells = new Dictionary<long, List<CellLite>>();
        List<CellLite> CellsOf(long tableId)
        {
            if (!tableCells.TryGetValue(tableId, out var list))
            {
                list = _conn.Query<CellLite>("""
                    SELECT row_no AS "Row", col_no AS Col, row_span AS RowSpan, col_span AS ColSpan, COALESCE(value, raw_text) AS Text
                    FROM cells WHERE table_id = @tableId;
                    """, new { tableId }).ToList();
                tableCells[tableId] = list;
            }
            return list;
        }

        var items = new List<ReviewItem>();
        foreach (var c in candidates)
        {
            var own = issues[c.CellId].ToList();
            var cells = CellsOf(c.TableId);
            string rowHeader = c.LineName is not null ? (c.LineCode is null ? c.LineName : $"{c.LineCode} {c.LineName}") : RowHeader(cells, c.Row, c.Col);
            string colHeader = c.LineColumn ?? ColumnHeader(cells, c.Row, c.Col);
            var suggestion = own.FirstOrDefault(i => i.SuggestionCell == c.CellId && i.Suggested is not null).Suggested;
            items.Add(new ReviewItem
            {
                Kind = ReviewKind.Cell, DocumentId = c.DocumentId, File = c.File, Path = c.Path, Page = c.Page, FormType = c.FormType,
                PageConfidence = c.PageConfidence, Scanned = c.Scanned, Rotation = c.Rotation, Skew = c.Skew,
                CellId = c.CellId, TableIndex = c.TableIndex, Row = c.Row, Col = c.Col, Box = new Box(c.X, c.Y, c.W, c.H),
                RowHeader = rowHeader, ColumnHeader = colHeader, Text = c.Text, Confidence = c.Confidence,
                Amount = c.Amount is double a ? (decimal)a : null, Suggestion = suggestion,
                FailedChecks = own.Select(i => $"{i.Rule}: {i.Message}").Distinct().ToList(),
            });
        }
        // Most consequential first: more failed checks, the cell a check points at, larger amounts, lower confidence.
        var ordered = items.OrderByDescending(i => i.FailedChecks.Count).ThenByDescending(i => i.Suggestion is not null)
            .ThenByDescending(i => i.Amount ?? 0m)
            .ThenBy(i => i.Confidence).ThenBy(i => i.Path).ThenBy(i => i.Page).ThenBy(i => i.Row).ThenBy(i => i.Col).ToList();

        var pages = _conn.Query<PageRow>("""
            SELECT p.document_id AS DocumentId, d.file_name AS File, d.path AS Path, p.page_no AS Page, p.form_type AS FormType,
                   p.scanned AS Scanned, p.confidence AS Confidence, p.rotation AS Rotation, p.skew AS Skew
            FROM pages p JOIN documents d ON d.id = p.document_id
            WHERE p.reviewed = 0 AND p.confidence < @pageConfidenceBelow
            ORDER BY p.confidence, d.path, p.page_no;
            """, new { pageConfidenceBelow });
        ordered.AddRange(pages.Select(p => new ReviewItem
        {
            Kind = ReviewKind.Page, DocumentId = p.DocumentId, File = p.File, Path = p.Path, Page = p.Page, FormType = p.FormType,
            PageConfidence = p.Confidence, Confidence = p.Confidence, Scanned = p.Scanned, Rotation = p.Rotation, Skew = p.Skew,
            Text = p.FormType,
        }));
        return ordered;
    }

    /// <summary>The row's label: the nearest non-numeric text to the left of the cell.</summary>
    private static string RowHeader(List<CellLite> cells, int row, int col)
    {
        var left = cells.Where(c => c.Row <= row && c.Row + c.RowSpan > row && c.Col < col && !string.IsNullOrWhiteSpace(c.Text)
                                    && !CellText.TryParseAmount(c.Text, out _))
            .OrderBy(c => c.Col).Select(c => CellText.Normalize(c.Text)).Distinct().ToList();
        return string.Join(" ", left);
    }

    /// <summary>The column's header path: texts above the cell down to the first numeric one (docs/CONVENTIONS.md).</summary>
    private static string ColumnHeader(List<CellLite> cells, int row, int col)
    {
        var parts = new List<string>();
        for (int r = 0; r < row; r++)
        {
            var above = cells.FirstOrDefault(c => c.Covers(r, col));
            if (above is null || string.IsNullOrWhiteSpace(above.Text)) continue;
            if (CellText.TryParseAmount(above.Text, out _)) break;   // data rows start here
            var t = CellText.Normalize(above.Text);
            if (parts.Count == 0 || parts[^1] != t) parts.Add(t);
        }
        return string.Join("/", parts);
    }

    // ───────────────────────────── corrections ─────────────────────────────

    public void ApplyCorrection(CorrectionRequest request)
    {
        var doc = FindByPath(request.Path) ?? throw new InvalidOperationException($"no stored document at {request.Path}");
        using var tx = _conn.BeginTransaction(deferred: false);
        string? oldValue, newValue;
        if (request.IsPage)
        {
            oldValue = _conn.ExecuteScalar<string?>("SELECT form_type FROM pages WHERE document_id = @Id AND page_no = @page;",
                new { doc.Id, page = request.Page }, tx) ?? throw new InvalidOperationException($"{doc.FileName} has no page {request.Page}");
            newValue = request.NewValue is null ? oldValue
                : FormTypes.TryParse(request.NewValue.Trim(), out var ft) ? ft.Label()
                : throw new ArgumentException($"unknown form type '{request.NewValue}' (未知表格类型)");
        }
        else
        {
            var cell = FindCell(doc.Id, request.Page, request.TableIndex, request.Row, request.Col, tx)
                ?? throw new InvalidOperationException($"{doc.FileName} has no cell p{request.Page}.t{request.TableIndex}.r{request.Row}.c{request.Col}");
            oldValue = cell.Text;
            newValue = request.Action == CorrectionAction.Confirm ? (request.NewValue ?? oldValue) : request.NewValue ?? "";
        }
        _conn.Execute("""
            INSERT INTO corrections (doc_path, file_name, sha256, target, page_no, table_index, row_no, col_no, old_value, new_value, action, corrected_at, corrected_by)
            VALUES (@Path, @FileName, @Sha256, @target, @page, @tbl, @row, @col, @oldValue, @newValue, @action, @at, @by);
            """, new
        {
            doc.Path, doc.FileName, doc.Sha256, target = request.IsPage ? "page_form" : "cell", page = request.Page,
            tbl = request.IsPage ? -1 : request.TableIndex, row = request.IsPage ? -1 : request.Row, col = request.IsPage ? -1 : request.Col,
            oldValue, newValue, action = request.Action.ToString().ToLowerInvariant(), at = Now(), by = request.By,
        }, tx);
        if (request.IsPage) ApplyPageForm(doc.Id, request.Page, newValue!, tx);
        else ApplyCellValue(doc.Id, request.Page, request.TableIndex, request.Row, request.Col, newValue!, request.Action == CorrectionAction.Confirm, tx);
        Revalidate(doc.Id, tx);
        tx.Commit();
    }

    public IReadOnlyList<CorrectionRow> Corrections(string? path = null) => _conn.Query<CorrectionRow>("""
        SELECT id AS Id, doc_path AS DocPath, file_name AS FileName, sha256 AS Sha256, target AS Target, page_no AS Page,
               table_index AS TableIndex, row_no AS "Row", col_no AS Col, old_value AS OldValue, new_value AS NewValue,
               action AS Action, corrected_at AS CorrectedAt, corrected_by AS CorrectedBy
        FROM corrections WHERE (@path IS NULL OR doc_path = @path) ORDER BY id;
        """, new { path = path is null ? null : System.IO.Path.GetFullPath(path) }).ToList();

    private sealed class FoundCell
    {
        public long Id { get; set; }
        public string Text { get; set; } = "";
        public string RawText { get; set; } = "";
        public int Page { get; set; }
        public int TableIndex { get; set; }
        public int Row { get; set; }
    }

    private FoundCell? FindCell(long docId, int page, int tableIndex, int row, int col, IDbTransaction tx) =>
        _conn.QueryFirstOrDefault<FoundCell>("""
            SELECT c.id AS Id, COALESCE(c.value, c.raw_text) AS Text, c.raw_text AS RawText, c.page_no AS Page, t.table_index AS TableIndex, c.row_no AS "Row"
            FROM cells c JOIN tables t ON t.id = c.table_id
            WHERE c.document_id = @docId AND t.table_index = @tableIndex AND c.row_no = @row AND c.col_no = @col
              AND (c.page_no = @page OR t.page_no = @page)
            ORDER BY CASE WHEN c.page_no = @page THEN 0 ELSE 1 END, c.id
            LIMIT 1;
            """, new { docId, page, tableIndex, row, col }, tx);

    private void ApplyPageForm(long docId, int page, string formLabel, IDbTransaction tx)
    {
        var args = new { docId, page, formLabel };
        _conn.Execute("""
            UPDATE pages SET form_type = @formLabel, confidence = 1, reviewed = 1 WHERE document_id = @docId AND page_no = @page;
            UPDATE budget_lines SET form_type = @formLabel WHERE document_id = @docId AND page_no = @page;
            UPDATE indicators SET form_type = @formLabel WHERE document_id = @docId AND page_no = @page;
            """, args, tx);
    }

    /// <summary>
    /// Puts a reviewed value into the cell and recomputes what hangs on it: the budget line's amount (or removes the
    /// line when the cell is now blank or a dash), the indicator field that showed the old text, the fact's flag and
    /// the checks that involve the cell (a human has ruled on them).
    /// </summary>
    private void ApplyCellValue(long docId, int page, int tableIndex, int row, int col, string newValue, bool confirmOnly, IDbTransaction tx)
    {
        var cell = FindCell(docId, page, tableIndex, row, col, tx);
        if (cell is null) return;   // the new version of the file has no such cell: the audit record stays, nothing to apply
        var oldText = cell.Text;
        _conn.Execute(confirmOnly
            ? "UPDATE cells SET confidence = 1, reviewed = 1 WHERE id = @Id;"
            : "UPDATE cells SET value = @newValue, source = 'correction', confidence = 1, reviewed = 1 WHERE id = @Id;",
            new { cell.Id, newValue }, tx);

        if (!confirmOnly)
        {
            if (CellText.IsNoValue(newValue))
            {
                _conn.Execute("DELETE FROM budget_lines WHERE cell_id = @Id;", new { cell.Id }, tx);
            }
            else
            {
                decimal? printed = CellText.TryParseAmount(newValue, out var v) ? v : null;
                _conn.Execute("""
                    UPDATE budget_lines SET raw_text = @newValue, amount_printed = @printed,
                        amount_wan = CASE WHEN unit_printed = '元' THEN @printed / 10000.0 ELSE @printed END
                    WHERE cell_id = @Id;
                    """, new { cell.Id, newValue, printed }, tx);
            }
            // Indicators point at their name cell; the other fields of the row are matched by the text they showed.
            foreach (var field in new[] { "target", "actual" })
            {
                _conn.Execute($"""
                    UPDATE indicators SET {field} = @newValue
                    WHERE document_id = @docId AND table_index = @TableIndex AND row_no = @Row AND (page_no = @Page OR cell_id IS NULL)
                      AND {field} = @oldText;
                    """, new { docId, cell.TableIndex, cell.Row, cell.Page, newValue, oldText }, tx);
            }
            decimal? num = CellText.TryParseAmount(newValue, out var n) ? n : null;
            if (CellText.TryParseAmount(oldText, out var oldNum))
            {
                foreach (var field in new[] { "weight", "score" })
                {
                    _conn.Execute($"""
                        UPDATE indicators SET {field} = @num
                        WHERE document_id = @docId AND table_index = @TableIndex AND row_no = @Row AND page_no = @Page AND {field} = @oldNum;
                        """, new { docId, cell.TableIndex, cell.Row, cell.Page, num, oldNum }, tx);
                }
            }
            _conn.Execute("UPDATE indicators SET name = @newValue WHERE cell_id = @Id;", new { cell.Id, newValue }, tx);
        }

        _conn.Execute("""
            UPDATE budget_lines SET flagged = 0, confidence = 1 WHERE cell_id = @Id;
            UPDATE indicators SET flagged = 0, confidence = 1
            WHERE cell_id = @Id OR (document_id = @docId AND table_index = @TableIndex AND row_no = @Row AND page_no = @Page);
            UPDATE validation_issues SET resolved = 1 WHERE id IN (SELECT issue_id FROM issue_cells WHERE cell_id = @Id);
            """, new { cell.Id, docId, cell.TableIndex, cell.Row, cell.Page }, tx);
    }

    /// <summary>Runs after a (re-)ingest inside its transaction: the reviewers' work outlives a changed file.</summary>
    private int ReapplyCorrections(long docId, string path, IDbTransaction tx)
    {
        var corrections = _conn.Query<CorrectionRow>("""
            SELECT id AS Id, target AS Target, page_no AS Page, table_index AS TableIndex, row_no AS "Row", col_no AS Col,
                   new_value AS NewValue, action AS Action
            FROM corrections
            WHERE doc_path = @path
               -- A file moved to another folder (and changed, else it would be skipped as unchanged) keeps its
               -- corrections: same file name, and no stored document at the old path any more.
               OR (file_name = @name AND doc_path NOT IN (SELECT path FROM documents))
            ORDER BY id;
            """, new { path, name = System.IO.Path.GetFileName(path) }, tx).ToList();
        foreach (var c in corrections)
        {
            if (c.Target == "page_form") ApplyPageForm(docId, c.Page, c.NewValue ?? "其他", tx);
            else ApplyCellValue(docId, c.Page, c.TableIndex, c.Row, c.Col, c.NewValue ?? "", c.Action == "confirm", tx);
        }
        return corrections.Count;
    }

    // ───────────────────────────── stats ─────────────────────────────

    public StoreStats Stats(double cellConfidenceBelow = 0.8, double pageConfidenceBelow = 0.6)
    {
        var queue = ReviewQueue(cellConfidenceBelow, pageConfidenceBelow);
        return new StoreStats
        {
            Documents = _conn.ExecuteScalar<long>("SELECT COUNT(*) FROM documents;"),
            Pages = _conn.ExecuteScalar<long>("SELECT COUNT(*) FROM pages;"),
            ScannedPages = _conn.ExecuteScalar<long>("SELECT COUNT(*) FROM pages WHERE scanned = 1;"),
            BudgetLines = _conn.ExecuteScalar<long>("SELECT COUNT(*) FROM budget_lines;"),
            Indicators = _conn.ExecuteScalar<long>("SELECT COUNT(*) FROM indicators;"),
            Projects = _conn.ExecuteScalar<long>("SELECT COUNT(*) FROM projects;"),
            OpenIssues = _conn.ExecuteScalar<long>("SELECT COUNT(*) FROM validation_issues WHERE resolved = 0;"),
            Corrections = _conn.ExecuteScalar<long>("SELECT COUNT(*) FROM corrections;"),
            CellsAwaitingReview = queue.Count(q => q.Kind == ReviewKind.Cell),
            PagesAwaitingReview = queue.Count(q => q.Kind == ReviewKind.Page),
            ByUnitYear = _conn.Query<UnitYearRow>("""
                SELECT COALESCE(d.unit_name, '(未知)') AS UnitName, d.year AS Year, d.kind AS Kind, COUNT(*) AS Documents,
                       SUM(d.page_count) AS Pages,
                       SUM((SELECT COUNT(*) FROM budget_lines b WHERE b.document_id = d.id)) AS BudgetLines,
                       SUM((SELECT COUNT(*) FROM indicators i WHERE i.document_id = d.id)) AS Indicators
                FROM documents d GROUP BY COALESCE(d.unit_name, '(未知)'), d.year, d.kind ORDER BY 1, 2, 3;
                """).ToList(),
            PagesByForm = _conn.Query<CountRow>("SELECT form_type AS Key, COUNT(*) AS Count FROM pages GROUP BY form_type ORDER BY 2 DESC, 1;").ToList(),
            FactsByForm = _conn.Query<CountRow>("""
                SELECT form_type AS Key, COUNT(*) AS Count FROM (
                    SELECT form_type FROM budget_lines UNION ALL SELECT form_type FROM indicators) f
                GROUP BY form_type ORDER BY 2 DESC, 1;
                """).ToList(),
            Failures = Failures(),
        };
    }
}
