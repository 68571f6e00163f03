using System.Data;
using System.Text.Json;
using Dapper;
using Extractor.Domain;

namespace Extractor.Storage;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Re-runs the document's checks after a correction (the CLI sets it to the forms' DocumentValidator). When null,
    /// a correction only recomputes the fact and resolves the checks that involve the cell.
    /// </summary>
    public Func<DocumentResult, IReadOnlyList<ValidationIssue>>? Revalidator { get; set; }

    public DocumentResult? LoadDocument(string path)
    {
        var doc = FindByPath(path);
        if (doc is null) return null;
        using var tx = _conn.BeginTransaction();
        var result = Load(doc, tx);
        tx.Commit();
        return result;
    }

    private sealed class TableRow
    {
        public long Id { get; set; }
        public int Page { get; set; }
        public int TableIndex { get; set; }
        public int IndexOnPage { get; set; }
        public int RowCount { get; set; }
        public int ColCount { get; set; }
        public double X { get; set; }
        public double Y { get; set; }
        public double W { get; set; }
        public double H { get; set; }
        public bool ContinuesPrevious { get; set; }
        public string? RowPages { get; set; }
    }

    private sealed class CellRow
    {
        public long TableId { get; set; }
        public int Row { get; set; }
        public int Col { get; set; }
        public int RowSpan { get; set; }
        public int ColSpan { get; set; }
        public double X { get; set; }
        public double Y { get; set; }
        public double W { get; set; }
        public double H { get; set; }
        public string Text { get; set; } = "";
        public double Confidence { get; set; }
        public string Source { get; set; } = "";
    }

    private sealed class LineRow
    {
        public string Form { get; set; } = "";
        public int Page { get; set; }
        public int TableIndex { get; set; }
        public int Row { get; set; }
        public int Col { get; set; }
        public string? Code { get; set; }
        public string Name { get; set; } = "";
        public string? SubjectLevel { get; set; }
        public string ColumnPath { get; set; } = "";
        public string RawText { get; set; } = "";
        public decimal? AmountPrinted { get; set; }
        public string UnitPrinted { get; set; } = "万元";
        public decimal? AmountWan { get; set; }
        public double Confidence { get; set; }
        public bool Flagged { get; set; }
    }

    private sealed class IndicatorDbRow
    {
        public string Form { get; set; } = "";
        public int Page { get; set; }
        public int TableIndex { get; set; }
        public int Row { get; set; }
        public int Col { get; set; }
        public string Project { get; set; } = "";
        public string? Period { get; set; }
        public string Level1 { get; set; } = "";
        public string Level2 { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Target { get; set; }
        public string? TargetComparator { get; set; }
        public decimal? TargetValue { get; set; }
        public string? TargetUnit { get; set; }
        public string? Actual { get; set; }
        public decimal? Weight { get; set; }
        public decimal? Score { get; set; }
        public string? DeviationReason { get; set; }
        public string RawText { get; set; } = "";
        public double Confidence { get; set; }
        public bool Flagged { get; set; }
    }

    private sealed class ProjectDbRow
    {
        public string Form { get; set; } = "";
        public int FirstPage { get; set; }
        public string Name { get; set; } = "";
        public string? Department { get; set; }
        public string? ImplementingUnit { get; set; }
        public string? Attribute { get; set; }
        public string? Period { get; set; }
        public string? Manager { get; set; }
        public decimal? TotalFundsWan { get; set; }
        public string? FundsBySource { get; set; }
        public decimal? TotalScore { get; set; }
        public string? Grade { get; set; }
    }

    /// <summary>The stored document as the pipeline would hand it over, with the values in force (corrections applied).</summary>
    private DocumentResult Load(StoredDocument doc, IDbTransaction tx)
    {
        var result = new DocumentResult { FilePath = doc.Path, Sha256 = doc.Sha256, SizeBytes = doc.SizeBytes, PageCount = doc.PageCount, Producer = doc.Producer };
        result.Info = new DocumentInfo { UnitName = doc.UnitName, Year = doc.Year, Kind = ParseKind(doc.Kind), Level = ParseLevel(doc.Level) };
        var args = new { docId = doc.Id };

        var cells = _conn.Query<CellRow>("""
            SELECT table_id AS TableId, row_no AS "Row", col_no AS Col, row_span AS RowSpan, col_span AS ColSpan, x AS X, y AS Y, w AS W, h AS H,
                   COALESCE(value, raw_text) AS Text, confidence AS Confidence, source AS Source
            FROM cells WHERE document_id = @docId ORDER BY table_id, row_no, col_no;
            """, args, tx).ToLookup(c => c.TableId);
        var tables = _conn.Query<TableRow>("""
            SELECT id AS Id, page_no AS Page, table_index AS TableIndex, index_on_page AS IndexOnPage, row_count AS RowCount, col_count AS ColCount,
                   x AS X, y AS Y, w AS W, h AS H, continues_previous AS ContinuesPrevious, row_pages AS RowPages
            FROM tables WHERE document_id = @docId ORDER BY table_index;
            """, args, tx).ToList();
        foreach (var t in tables)
        {
            result.Tables.Add(new Table
            {
                Page = t.Page, Index = t.IndexOnPage, RowCount = t.RowCount, ColCount = t.ColCount, Box = new Box(t.X, t.Y, t.W, t.H),
                ContinuesPrevious = t.ContinuesPrevious,
                RowPages = t.RowPages is { Length: > 0 } rp ? rp.Split(',').Select(int.Parse).ToList() : null,
                Cells = cells[t.Id].Select(c => new Cell(c.Row, c.Col, c.RowSpan, c.ColSpan, new Box(c.X, c.Y, c.W, c.H), c.Text, c.Confidence, ParseSource(c.Source))).ToList(),
            });
        }

        foreach (var p in _conn.Query<PageRow>("""
            SELECT page_no AS Page, form_type AS FormType, scanned AS Scanned, text_layer_usable AS TextLayerUsable, confidence AS Confidence,
                   rotation AS Rotation, skew AS Skew, width AS Width, height AS Height
            FROM pages WHERE document_id = @docId ORDER BY page_no;
            """, args, tx))
        {
            var content = new PageContent
            {
                PageNumber = p.Page, WidthPt = p.Width, HeightPt = p.Height, Rotation = p.Rotation, SkewDegrees = p.Skew, Scanned = p.Scanned,
                TextLayerUsable = p.TextLayerUsable, Tables = result.Tables.Where(t => t.Page == p.Page).ToList(),
            };
            result.Pages.Add(new ClassifiedPage(content, FormTypes.TryParse(p.FormType, out var ft) ? ft : FormType.Other, p.Confidence));
        }

        foreach (var l in _conn.Query<LineRow>("""
            SELECT form_type AS Form, page_no AS Page, table_index AS TableIndex, row_no AS "Row", col_no AS Col, code AS Code, name AS Name,
                   subject_level AS SubjectLevel, column_path AS ColumnPath, raw_text AS RawText, amount_printed AS AmountPrinted,
                   unit_printed AS UnitPrinted, amount_wan AS AmountWan, confidence AS Confidence, flagged AS Flagged
            FROM budget_lines WHERE document_id = @docId ORDER BY id;
            """, args, tx))
        {
            result.BudgetLines.Add(new BudgetLine
            {
                Form = FormTypes.TryParse(l.Form, out var ft) ? ft : FormType.Other, Code = l.Code, Name = l.Name,
                Level = l.Code is null ? SubjectLevel.Unknown : new SubjectCode(l.Code).Level, Column = l.ColumnPath, RawText = l.RawText,
                AmountAsPrinted = l.AmountPrinted, UnitAsPrinted = l.UnitPrinted, AmountWan = l.AmountWan,
                Cell = new CellRef(l.Page, l.TableIndex, l.Row, l.Col), Confidence = l.Confidence, Flagged = l.Flagged,
            });
        }

        foreach (var p in _conn.Query<ProjectDbRow>("""
            SELECT form_type AS Form, first_page AS FirstPage, name AS Name, department AS Department, implementing_unit AS ImplementingUnit,
                   attribute AS Attribute, period AS Period, manager AS Manager, total_funds_wan AS TotalFundsWan, funds_by_source AS FundsBySource,
                   total_score AS TotalScore, grade AS Grade
            FROM projects WHERE document_id = @docId ORDER BY id;
            """, args, tx))
        {
            result.Projects.Add(new Project
            {
                Form = FormTypes.TryParse(p.Form, out var ft) ? ft : FormType.Other, FirstPage = p.FirstPage, Name = p.Name, Department = p.Department,
                ImplementingUnit = p.ImplementingUnit, Attribute = p.Attribute, Period = p.Period, Manager = p.Manager, TotalFundsWan = p.TotalFundsWan,
                FundsBySourceWan = p.FundsBySource is { } json ? JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [] : new Dictionary<string, decimal>(),
                TotalScore = p.TotalScore, Grade = p.Grade,
            });
        }

        foreach (var i in _conn.Query<IndicatorDbRow>("""
            SELECT form_type AS Form, page_no AS Page, table_index AS TableIndex, row_no AS "Row", col_no AS Col, project AS Project, period AS Period,
                   level1 AS Level1, level2 AS Level2, name AS Name, target AS Target, target_comparator AS TargetComparator, target_value AS TargetValue,
                   target_unit AS TargetUnit, actual AS Actual, weight AS Weight, score AS Score, deviation_reason AS DeviationReason,
                   raw_text AS RawText, confidence AS Confidence, flagged AS Flagged
            FROM indicators WHERE document_id = @docId ORDER BY id;
            """, args, tx))
        {
            result.Indicators.Add(new Indicator
            {
                Form = FormTypes.TryParse(i.Form, out var ft) ? ft : FormType.Other, Project = i.Project, Period = i.Period, Level1 = i.Level1,
                Level2 = i.Level2, Name = i.Name, Target = i.Target, Actual = i.Actual, Weight = i.Weight, Score = i.Score,
                TargetParsed = i.Target is null ? null : new IndicatorValue(i.Target, ParseComparator(i.TargetComparator), i.TargetValue, i.TargetUnit),
                DeviationReason = i.DeviationReason, Cell = new CellRef(i.Page, i.TableIndex, i.Row, i.Col), RawText = i.RawText,
                Confidence = i.Confidence, Flagged = i.Flagged,
            });
        }
        return result;
    }

    /// <summary>Replaces the document's checks with a fresh run of <see cref="Revalidator"/> (inside the caller's transaction).</summary>
    private void Revalidate(long docId, IDbTransaction tx)
    {
        if (Revalidator is null) return;
        var stored = _conn.QueryFirst<StoredDocument>($"SELECT {DocumentColumns} FROM documents WHERE id = @docId;", new { docId }, tx);
        var doc = Load(stored, tx);
        var issues = Revalidator(doc);
        var cellIds = new Dictionary<CellRef, long>();
        foreach (var (id, page, tablePage, ti, row, col) in _conn.Query<(long, int, int, int, int, int)>("""
            SELECT c.id, c.page_no, t.page_no, t.table_index, c.row_no, c.col_no FROM cells c JOIN tables t ON t.id = c.table_id WHERE c.document_id = @docId;
            """, new { docId }, tx))
        {
            cellIds.TryAdd(new CellRef(page, ti, row, col), id);
            cellIds.TryAdd(new CellRef(tablePage, ti, row, col), id);
        }
        _conn.Execute("""
            DELETE FROM issue_cells WHERE issue_id IN (SELECT id FROM validation_issues WHERE document_id = @docId);
            DELETE FROM validation_issues WHERE document_id = @docId;
            """, new { docId }, tx);
        SaveIssues(docId, issues, cellIds, tx);
        // A check that still fails after a reviewer ruled on one of its cells is about its other cells.
        _conn.Execute("""
            UPDATE budget_lines SET flagged = 1
            WHERE document_id = @docId AND cell_id IN (SELECT ic.cell_id FROM issue_cells ic JOIN validation_issues v ON v.id = ic.issue_id WHERE v.document_id = @docId)
              AND cell_id IN (SELECT id FROM cells WHERE reviewed = 0);
            """, new { docId }, tx);
    }

    private static DocumentKind ParseKind(string label) => Enum.GetValues<DocumentKind>().FirstOrDefault(k => k.Label() == label);
    private static DocumentLevel ParseLevel(string label) => Enum.GetValues<DocumentLevel>().FirstOrDefault(k => k.Label() == label);
    private static CellSource ParseSource(string s) => s switch { "ocr" => CellSource.Ocr, "correction" => CellSource.Correction, _ => CellSource.TextLayer };
    private static Comparator ParseComparator(string? s) => s switch
    {
        "≥" => Comparator.GreaterOrEqual, "≤" => Comparator.LessOrEqual, ">" => Comparator.Greater, "<" => Comparator.Less, "=" => Comparator.Equal, _ => Comparator.None,
    };
}
