using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Extractor.Domain;
using Microsoft.Data.Sqlite;

[assembly: InternalsVisibleTo("Extractor.Tests")]

namespace Extractor.Storage;

/// <summary>
/// SQLite backend of <see cref="IExtractorStore"/>. WAL mode and a busy timeout let several worker processes write
/// to one file; each document is written in one IMMEDIATE transaction, so a killed process leaves either the old
/// version or the new one, never half of it.
/// </summary>
public sealed partial class SqliteStore : IExtractorStore
{
    private const int BusyTimeoutSeconds = 120;
    private readonly SqliteConnection _conn;

    public string DatabasePath { get; }
    public int SchemaVersion { get; private set; }

    /// <summary>Test hook: called at named points inside <see cref="SaveDocument"/> (to fail a save midway).</summary>
    internal Action<string>? SaveCheckpoint { get; set; }

    private SqliteStore(string path, SqliteConnection conn)
    {
        DatabasePath = path;
        _conn = conn;
    }

    /// <summary>Opens (creating if needed) the database file and applies pending migrations.</summary>
    public static SqliteStore Open(string path) => Open(path, Migrations.Latest);

    /// <summary>Opens and migrates up to <paramref name="targetVersion"/> only (tests of the migrations).</summary>
    internal static SqliteStore Open(string path, int targetVersion)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var conn = new SqliteConnection(ConnectionString(full, readOnly: false));
        try
        {
            conn.Open();
            conn.Execute($"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};");
            // journal_mode is persistent in the file; asking again is cheap and idempotent.
            conn.ExecuteScalar<string>("PRAGMA journal_mode = WAL;");
            conn.Execute("PRAGMA synchronous = NORMAL;");
            var store = new SqliteStore(full, conn);
            store.Migrate(targetVersion);
            return store;
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    private static string ConnectionString(string path, bool readOnly) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = BusyTimeoutSeconds,
    }.ToString();

    private void Migrate(int targetVersion)
    {
        _conn.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);");
        // IMMEDIATE: two workers opening a fresh file at once must not both apply migration 1.
        using var tx = _conn.BeginTransaction(deferred: false);
        int current = _conn.ExecuteScalar<int?>("SELECT MAX(version) FROM schema_version;", transaction: tx) ?? 0;
        if (current > Migrations.Latest)
            throw new InvalidOperationException($"database schema version {current} is newer than this program ({Migrations.Latest}); update extractor");
        for (int v = current + 1; v <= Math.Min(targetVersion, Migrations.Latest); v++)
        {
            _conn.Execute(Migrations.Scripts[v - 1], transaction: tx);
            _conn.Execute("INSERT INTO schema_version (version, applied_at) VALUES (@v, @at);", new { v, at = Now() }, tx);
            current = v;
        }
        tx.Commit();
        SchemaVersion = current;
    }

    internal static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public void Dispose() => _conn.Dispose();

    // ───────────────────────────── saving ─────────────────────────────

    public long SaveDocument(DocumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var path = System.IO.Path.GetFullPath(result.FilePath);
        using var tx = _conn.BeginTransaction(deferred: false);

        var oldId = _conn.ExecuteScalar<long?>("SELECT id FROM documents WHERE path = @path;", new { path }, tx);
        if (oldId is long old) DeleteDocumentRows(old, tx);
        SaveCheckpoint?.Invoke("deleted");

        long docId = _conn.ExecuteScalar<long>("""
            INSERT INTO documents (file_name, path, sha256, size_bytes, page_count, producer, ingested_at, unit_name, year, kind, level, status)
            VALUES (@FileName, @path, @Sha256, @SizeBytes, @PageCount, @Producer, @at, @unit, @year, @kind, @level, @status)
            RETURNING id;
            """, new
        {
            FileName = System.IO.Path.GetFileName(path), path, result.Sha256, result.SizeBytes, result.PageCount, result.Producer,
            at = Now(), unit = result.Info.UnitName, year = result.Info.Year,
            kind = result.Info.Kind.Label(), level = result.Info.Level.Label(), status = "ingested",
        }, tx);

        foreach (var p in result.Pages)
        {
            var c = p.Content;
            _conn.Execute("""
                INSERT INTO pages (document_id, page_no, width, height, rotation, skew, scanned, text_layer_usable, text_confidence, raw_text, form_type, confidence)
                VALUES (@docId, @PageNumber, @WidthPt, @HeightPt, @Rotation, @SkewDegrees, @Scanned, @TextLayerUsable, @TextConfidence, @RawText, @form, @conf);
                """, new
            {
                docId, c.PageNumber, c.WidthPt, c.HeightPt, c.Rotation, c.SkewDegrees, Scanned = c.Scanned ? 1 : 0,
                TextLayerUsable = c.TextLayerUsable ? 1 : 0, c.TextConfidence, RawText = c.RawText ?? "", form = p.FormType.Label(), conf = p.Confidence,
            }, tx);
        }
        SaveCheckpoint?.Invoke("pages");

        var cellIds = SaveTables(docId, result, tx);
        SaveCheckpoint?.Invoke("cells");

        foreach (var b in result.BudgetLines)
        {
            _conn.Execute("""
                INSERT INTO budget_lines (document_id, cell_id, form_type, page_no, table_index, row_no, col_no, code, name, subject_level, column_path,
                                          raw_text, amount_printed, unit_printed, amount_wan, confidence, flagged)
                VALUES (@docId, @cellId, @form, @page, @tbl, @row, @col, @Code, @Name, @lvl, @Column, @RawText, @AmountAsPrinted, @UnitAsPrinted, @AmountWan, @Confidence, @flagged);
                """, new
            {
                docId, cellId = CellId(cellIds, b.Cell), form = b.Form.Label(), page = b.Cell.Page, tbl = b.Cell.Table, row = b.Cell.Row, col = b.Cell.Col,
                b.Code, b.Name, lvl = SubjectCode.LevelLabel(b.Level), b.Column, b.RawText, b.AmountAsPrinted, b.UnitAsPrinted, b.AmountWan,
                b.Confidence, flagged = b.Flagged ? 1 : 0,
            }, tx);
        }
        SaveCheckpoint?.Invoke("budget_lines");

        foreach (var p in result.Projects)
        {
            _conn.Execute("""
                INSERT INTO projects (document_id, form_type, first_page, name, department, implementing_unit, attribute, period, manager,
                                      total_funds_wan, funds_by_source, total_score, grade)
                VALUES (@docId, @form, @FirstPage, @Name, @Department, @ImplementingUnit, @Attribute, @Period, @Manager, @TotalFundsWan, @funds, @TotalScore, @Grade);
                """, new
            {
                docId, form = p.Form.Label(), p.FirstPage, p.Name, p.Department, p.ImplementingUnit, p.Attribute, p.Period, p.Manager,
                p.TotalFundsWan, funds = p.FundsBySourceWan.Count == 0 ? null : JsonSerializer.Serialize(p.FundsBySourceWan, JsonOptions), p.TotalScore, p.Grade,
            }, tx);
        }

        foreach (var i in result.Indicators)
        {
            _conn.Execute("""
                INSERT INTO indicators (document_id, cell_id, form_type, page_no, table_index, row_no, col_no, project, period, level1, level2, name,
                                        target, target_comparator, target_value, target_unit, actual, weight, score, deviation_reason, raw_text, confidence, flagged)
                VALUES (@docId, @cellId, @form, @page, @tbl, @row, @col, @Project, @Period, @Level1, @Level2, @Name,
                        @Target, @cmp, @tval, @tunit, @Actual, @Weight, @Score, @DeviationReason, @RawText, @Confidence, @flagged);
                """, new
            {
                docId, cellId = CellId(cellIds, i.Cell), form = i.Form.Label(), page = i.Cell.Page, tbl = i.Cell.Table, row = i.Cell.Row, col = i.Cell.Col,
                i.Project, i.Period, i.Level1, i.Level2, i.Name, i.Target,
                cmp = i.TargetParsed is { Comparator: not Comparator.None } tp ? ComparatorSymbol(tp.Comparator) : null,
                tval = i.TargetParsed?.Value, tunit = i.TargetParsed?.Unit, i.Actual, i.Weight, i.Score, i.DeviationReason,
                RawText = i.RawText ?? "", i.Confidence, flagged = i.Flagged ? 1 : 0,
            }, tx);
        }
        SaveCheckpoint?.Invoke("indicators");

        SaveIssues(docId, result.Issues, cellIds, tx);

        LearnSubjectCodes(docId, tx);
        // The file is stored now: earlier failures of it are history.
        _conn.Execute("DELETE FROM failures WHERE path = @path;", new { path }, tx);
        SaveCheckpoint?.Invoke("facts");

        if (ReapplyCorrections(docId, path, tx) > 0) Revalidate(docId, tx);
        tx.Commit();
        return docId;
    }

    private void SaveIssues(long docId, IEnumerable<ValidationIssue> issues, Dictionary<CellRef, long> cellIds, IDbTransaction tx)
    {
        foreach (var issue in issues)
        {
            long issueId = _conn.ExecuteScalar<long>("""
                INSERT INTO validation_issues (document_id, rule, message, expected, actual, suggestion_page, suggestion_table, suggestion_row, suggestion_col, suggested_value)
                VALUES (@docId, @Rule, @Message, @Expected, @Actual, @sp, @st, @sr, @sc, @SuggestedValue)
                RETURNING id;
                """, new
            {
                docId, issue.Rule, issue.Message, issue.Expected, issue.Actual,
                sp = issue.SuggestionCell?.Page, st = issue.SuggestionCell?.Table, sr = issue.SuggestionCell?.Row, sc = issue.SuggestionCell?.Col,
                issue.SuggestedValue,
            }, tx);
            foreach (var cell in issue.Cells)
            {
                _conn.Execute("""
                    INSERT INTO issue_cells (issue_id, cell_id, page_no, table_index, row_no, col_no) VALUES (@issueId, @cellId, @Page, @Table, @Row, @Col);
                    """, new { issueId, cellId = CellId(cellIds, cell), cell.Page, cell.Table, cell.Row, cell.Col }, tx);
            }
        }

    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string ComparatorSymbol(Comparator c) => c switch
    {
        Comparator.GreaterOrEqual => "≥", Comparator.LessOrEqual => "≤", Comparator.Greater => ">", Comparator.Less => "<", Comparator.Equal => "=", _ => "",
    };

    private void DeleteDocumentRows(long docId, IDbTransaction tx)
    {
        // Children first, explicitly: portable and independent of foreign-key pragmas.
        _conn.Execute("""
            DELETE FROM issue_cells WHERE issue_id IN (SELECT id FROM validation_issues WHERE document_id = @docId);
            DELETE FROM validation_issues WHERE document_id = @docId;
            DELETE FROM indicators WHERE document_id = @docId;
            DELETE FROM projects WHERE document_id = @docId;
            DELETE FROM budget_lines WHERE document_id = @docId;
            DELETE FROM cells WHERE document_id = @docId;
            DELETE FROM tables WHERE document_id = @docId;
            DELETE FROM pages WHERE document_id = @docId;
            DELETE FROM documents WHERE id = @docId;
            """, new { docId }, tx);
    }

    /// <summary>
    /// Saves tables and cells. A table's <c>table_index</c> is its position in the document's table list, which is
    /// what <see cref="CellRef.Table"/> of facts and checks means; returns cell ids by (page of row, table, row, col)
    /// and by (table's first page, table, row, col).
    /// </summary>
    private Dictionary<CellRef, long> SaveTables(long docId, DocumentResult result, IDbTransaction tx)
    {
        var ids = new Dictionary<CellRef, long>();
        var tables = DocumentTables(result);
        for (int ti = 0; ti < tables.Count; ti++)
        {
            var t = tables[ti];
            long tableId = _conn.ExecuteScalar<long>("""
                INSERT INTO tables (document_id, page_no, table_index, index_on_page, row_count, col_count, x, y, w, h, continues_previous, row_pages)
                VALUES (@docId, @Page, @ti, @Index, @RowCount, @ColCount, @x, @y, @w, @h, @cont, @rowPages)
                RETURNING id;
                """, new
            {
                docId, t.Page, ti, t.Index, t.RowCount, t.ColCount, x = t.Box.X, y = t.Box.Y, w = t.Box.Width, h = t.Box.Height,
                cont = t.ContinuesPrevious ? 1 : 0, rowPages = t.RowPages is { } rp ? string.Join(",", rp) : null,
            }, tx);
            foreach (var c in t.Cells)
            {
                int page = t.PageOfRow(c.Row);
                long cellId = _conn.ExecuteScalar<long>("""
                    INSERT INTO cells (table_id, document_id, page_no, row_no, col_no, row_span, col_span, x, y, w, h, raw_text, value, confidence, source)
                    VALUES (@tableId, @docId, @page, @Row, @Col, @RowSpan, @ColSpan, @x, @y, @w, @h, @Raw, @Text, @Confidence, @source)
                    RETURNING id;
                    """, new
                {
                    tableId, docId, page, c.Row, c.Col, c.RowSpan, c.ColSpan, x = c.Box.X, y = c.Box.Y, w = c.Box.Width, h = c.Box.Height,
                    Text = c.Text ?? "", Raw = c.OcrText ?? c.Text ?? "", c.Confidence, source = SourceLabel(c.Source),
                }, tx);
                ids.TryAdd(new CellRef(page, ti, c.Row, c.Col), cellId);
                ids.TryAdd(new CellRef(t.Page, ti, c.Row, c.Col), cellId);
            }
        }
        return ids;
    }

    /// <summary>The document's tables (joined across pages) or, when the pipeline kept none apart, the pages' tables in order.</summary>
    internal static IReadOnlyList<Table> DocumentTables(DocumentResult result) =>
        result.Tables.Count > 0 ? result.Tables : result.Pages.SelectMany(p => p.Content.Tables).ToList();

    private static long? CellId(Dictionary<CellRef, long> ids, CellRef r) => ids.TryGetValue(r, out var id) ? id : null;

    internal static string SourceLabel(CellSource s) => s switch
    {
        CellSource.Ocr => "ocr", CellSource.Correction => "correction", _ => "text_layer",
    };

    private void LearnSubjectCodes(long docId, IDbTransaction tx)
    {
        var codes = _conn.Query<(string Code, string Name)>("""
            SELECT code, MIN(name) FROM budget_lines WHERE document_id = @docId AND code IS NOT NULL GROUP BY code;
            """, new { docId }, tx).ToList();
        foreach (var (code, name) in codes)
        {
            var sc = new SubjectCode(code);
            if (!sc.IsValid) continue;
            _conn.Execute("""
                INSERT INTO subject_codes (code, name, subject_level, seen_count, first_seen_at)
                VALUES (@code, @name, @lvl, (SELECT COUNT(DISTINCT document_id) FROM budget_lines WHERE code = @code), @at)
                ON CONFLICT (code) DO UPDATE SET seen_count = excluded.seen_count;
                """, new { code, name, lvl = SubjectCode.LevelLabel(sc.Level), at = Now() }, tx);
        }
    }

    // ───────────────────────────── documents and failures ─────────────────────────────

    private const string DocumentColumns = """
        id AS Id, file_name AS FileName, path AS Path, sha256 AS Sha256, size_bytes AS SizeBytes, page_count AS PageCount,
        producer AS Producer, ingested_at AS IngestedAt, unit_name AS UnitName, year AS Year, kind AS Kind, level AS Level, status AS Status
        """;

    public StoredDocument? FindBySha256(string sha256) =>
        _conn.QueryFirstOrDefault<StoredDocument>($"SELECT {DocumentColumns} FROM documents WHERE sha256 = @sha256 ORDER BY id;", new { sha256 });

    public StoredDocument? FindByPath(string path) =>
        _conn.QueryFirstOrDefault<StoredDocument>($"SELECT {DocumentColumns} FROM documents WHERE path = @path;", new { path = System.IO.Path.GetFullPath(path) });

    public IReadOnlyList<StoredDocument> Documents() =>
        _conn.Query<StoredDocument>($"SELECT {DocumentColumns} FROM documents ORDER BY path;").ToList();

    public void RecordFailure(string path, string stage, string message, string? sha256 = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        _conn.Execute("""
            INSERT INTO failures (file_name, path, sha256, stage, message, failed_at) VALUES (@name, @full, @sha256, @stage, @message, @at);
            """, new { name = System.IO.Path.GetFileName(full), full, sha256, stage, message, at = Now() });
    }

    public IReadOnlyList<FailureRow> Failures() => _conn.Query<FailureRow>("""
        SELECT id AS Id, file_name AS FileName, path AS Path, sha256 AS Sha256, stage AS Stage, message AS Message, failed_at AS FailedAt
        FROM failures ORDER BY id;
        """).ToList();
}
