using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Extractor.Storage;

public sealed partial class SqliteStore
{
    private const string BudgetLineColumns = """
        id AS Id, document_id AS DocumentId, unit_name AS UnitName, year AS Year, kind AS Kind, form AS Form, file AS File, page AS Page,
        code AS Code, name AS Name, column_path AS "Column", amount AS Amount, raw AS Raw, unit_printed AS UnitPrinted,
        confidence AS Confidence, flagged AS Flagged
        """;

    private const string IndicatorColumns = """
        id AS Id, document_id AS DocumentId, unit_name AS UnitName, year AS Year, kind AS Kind, form AS Form, file AS File, page AS Page,
        project AS Project, period AS Period, level1 AS Level1, level2 AS Level2, name AS Name, target AS Target, actual AS Actual,
        weight AS Weight, score AS Score, raw AS Raw, confidence AS Confidence, flagged AS Flagged
        """;

    public IReadOnlyList<PageRow> Pages(string? file = null) => _conn.Query<PageRow>("""
        SELECT p.document_id AS DocumentId, d.file_name AS File, d.path AS Path, p.page_no AS Page, p.form_type AS FormType,
               p.scanned AS Scanned, p.text_layer_usable AS TextLayerUsable, p.confidence AS Confidence, p.rotation AS Rotation,
               p.skew AS Skew, p.width AS Width, p.height AS Height, d.unit_name AS UnitName, d.year AS Year
        FROM pages p JOIN documents d ON d.id = p.document_id
        WHERE (@file IS NULL OR d.file_name = @file OR d.path = @file)
        ORDER BY d.path, p.page_no;
        """, new { file }).ToList();

    public IReadOnlyList<BudgetLineRow> QueryBudgetLines(BudgetLineQuery q)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (!string.IsNullOrEmpty(q.CodePrefix)) { where.Add("code LIKE @code"); args.Add("code", Escape(CellText.Normalize(q.CodePrefix)) + "%"); }
        if (!string.IsNullOrEmpty(q.NameKeyword)) { where.Add("name LIKE @name ESCAPE '\\'"); args.Add("name", Contains(q.NameKeyword)); }
        if (!string.IsNullOrEmpty(q.Column)) { where.Add("column_path LIKE @col ESCAPE '\\'"); args.Add("col", Contains(q.Column)); }
        AddCommon(where, args, q.Unit, q.Year, q.Form, q.File);
        var sql = $"SELECT {BudgetLineColumns} FROM v_budget_lines{Where(where)} ORDER BY path, page, table_index, row_no, col_no{Limit(q.Limit)};";
        return _conn.Query<BudgetLineRow>(sql, args).ToList();
    }

    public IReadOnlyList<IndicatorRow> QueryIndicators(IndicatorQuery q)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (!string.IsNullOrEmpty(q.Keyword))
        {
            where.Add("(name LIKE @kw ESCAPE '\\' OR level1 LIKE @kw ESCAPE '\\' OR level2 LIKE @kw ESCAPE '\\' OR target LIKE @kw ESCAPE '\\')");
            args.Add("kw", Contains(q.Keyword));
        }
        if (!string.IsNullOrEmpty(q.Project)) { where.Add("project LIKE @project ESCAPE '\\'"); args.Add("project", Contains(q.Project)); }
        AddCommon(where, args, q.Unit, q.Year, q.Form, q.File);
        var sql = $"SELECT {IndicatorColumns} FROM v_indicators{Where(where)} ORDER BY path, page, table_index, row_no{Limit(q.Limit)};";
        return _conn.Query<IndicatorRow>(sql, args).ToList();
    }

    private static void AddCommon(List<string> where, DynamicParameters args, string? unit, int? year, string? form, string? file)
    {
        if (!string.IsNullOrEmpty(unit)) { where.Add("unit_name LIKE @unit ESCAPE '\\'"); args.Add("unit", Contains(unit)); }
        if (year is int y) { where.Add("year = @year"); args.Add("year", y); }
        if (!string.IsNullOrEmpty(form))
        {
            // Accept the Chinese label or the enum name (ExpenditureSummary).
            var label = Domain.FormTypes.TryParse(form, out var ft) ? Domain.FormTypes.Label(ft) : form;
            where.Add("form = @form"); args.Add("form", label);
        }
        if (!string.IsNullOrEmpty(file)) { where.Add("(file = @file OR path = @file)"); args.Add("file", file); }
    }

    private static string Where(List<string> where) => where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
    private static string Limit(int limit) => limit is > 0 and < int.MaxValue ? $" LIMIT {limit}" : "";
    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
    private static string Contains(string s) => "%" + Escape(s.Trim()) + "%";

    public IReadOnlyList<SubjectCodeRow> SubjectCodes(string? codePrefix = null, string? nameKeyword = null) => _conn.Query<SubjectCodeRow>("""
        SELECT code AS Code, name AS Name, subject_level AS Level, seen_count AS SeenCount FROM subject_codes
        WHERE (@prefix IS NULL OR code LIKE @prefix) AND (@kw IS NULL OR name LIKE @kw ESCAPE '\')
        ORDER BY code;
        """, new
    {
        prefix = string.IsNullOrEmpty(codePrefix) ? null : Escape(CellText.Normalize(codePrefix)) + "%",
        kw = string.IsNullOrEmpty(nameKeyword) ? null : Contains(nameKeyword),
    }).ToList();

    // ───────────────────────────── read-only SQL ─────────────────────────────

    public SqlResult QueryReadOnly(string sql, int maxRows = 10_000)
    {
        var text = sql.Trim().TrimEnd(';').Trim();
        var bare = StripComments(text).Trim();   // comments removed, literals blanked: only the statement's shape is left
        var first = bare.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToUpperInvariant();
        if (first is not ("SELECT" or "WITH" or "VALUES"))
            throw new ReadOnlyQueryException("only SELECT queries are allowed (只允许 SELECT 查询)");
        if (bare.TrimEnd().TrimEnd(';').Contains(';'))
            throw new ReadOnlyQueryException("one statement only (只允许一条语句)");

        // A second connection opened read-only: even a WITH … DELETE cannot write.
        using var ro = new SqliteConnection(ConnectionString(DatabasePath, readOnly: true));
        ro.Open();
        ro.Execute("PRAGMA query_only = 1;");
        try
        {
            using var cmd = ro.CreateCommand();
            cmd.CommandText = text;
            using var reader = cmd.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<object?[]>();
            while (rows.Count < maxRows && reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return new SqlResult(columns, rows);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 8 /* SQLITE_READONLY */)
        {
            throw new ReadOnlyQueryException("the query tries to write; query sql is read-only (只读)", ex);
        }
    }

    private static string StripComments(string sql)
    {
        var sb = new StringBuilder(sql.Length);
        for (int i = 0; i < sql.Length; i++)
        {
            if (sql[i] == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n') i++;
                sb.Append(' ');
            }
            else if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                int end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 1;
                sb.Append(' ');
            }
            else if (sql[i] == '\'')
            {
                // Blank string literals so a ';' or '--' inside them is not misread.
                int j = i + 1;
                while (j < sql.Length && !(sql[j] == '\'' && (j + 1 >= sql.Length || sql[j + 1] != '\''))) j += sql[j] == '\'' ? 2 : 1;
                sb.Append("''");
                i = j;
            }
            else sb.Append(sql[i]);
        }
        return sb.ToString();
    }
}

/// <summary>`query sql` was given something that is not a single read-only statement.</summary>
public sealed class ReadOnlyQueryException(string message, Exception? inner = null) : Exception(message, inner);
