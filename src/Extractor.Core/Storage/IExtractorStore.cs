using Extractor.Domain;

namespace Extractor.Storage;

/// <summary>
/// The one seam between the pipeline/CLI and the database. <see cref="SqliteStore"/> is the only backend today;
/// a PostgreSQL backend would implement the same interface.
/// </summary>
public interface IExtractorStore : IDisposable
{
    /// <summary>Schema version in force after migrations.</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Saves a document and all its pages, tables, cells and facts in ONE transaction, replacing an earlier version
    /// of the same file (same path), then re-applies the corrections recorded for that file. Returns the document id.
    /// </summary>
    long SaveDocument(DocumentResult result);

    /// <summary>The stored document with this content hash, if any (unchanged files are skipped).</summary>
    StoredDocument? FindBySha256(string sha256);

    StoredDocument? FindByPath(string path);

    IReadOnlyList<StoredDocument> Documents();

    /// <summary>The stored document rebuilt as a pipeline result, with the values in force (corrections applied).</summary>
    DocumentResult? LoadDocument(string path);

    /// <summary>Re-runs the checks of a document after a correction (null: only the fact and its own checks update).</summary>
    Func<DocumentResult, IReadOnlyList<ValidationIssue>>? Revalidator { get; set; }

    /// <summary>Records that a file failed at a stage (open, render, crash, timeout …).</summary>
    void RecordFailure(string path, string stage, string message, string? sha256 = null);

    IReadOnlyList<FailureRow> Failures();

    IReadOnlyList<PageRow> Pages(string? file = null);

    IReadOnlyList<BudgetLineRow> QueryBudgetLines(BudgetLineQuery query);

    IReadOnlyList<IndicatorRow> QueryIndicators(IndicatorQuery query);

    /// <summary>Subject codes learned from stored budget lines (code, name as printed, how often seen).</summary>
    IReadOnlyList<SubjectCodeRow> SubjectCodes(string? codePrefix = null, string? nameKeyword = null);

    /// <summary>Runs a researcher's SELECT on a read-only connection; anything that writes is rejected.</summary>
    SqlResult QueryReadOnly(string sql, int maxRows = 10_000);

    /// <summary>Flagged or low-confidence cells, most consequential first, then low-confidence pages.</summary>
    IReadOnlyList<ReviewItem> ReviewQueue(double cellConfidenceBelow = 0.8, double pageConfidenceBelow = 0.6);

    /// <summary>
    /// Stores a reviewer's decision with its audit record and updates the cell, its facts and its checks at once.
    /// </summary>
    void ApplyCorrection(CorrectionRequest request);

    IReadOnlyList<CorrectionRow> Corrections(string? path = null);

    StoreStats Stats(double cellConfidenceBelow = 0.8, double pageConfidenceBelow = 0.6);
}

public sealed record StoredDocument
{
    public long Id { get; init; }
    public string FileName { get; init; } = "";
    public string Path { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public long SizeBytes { get; init; }
    public int PageCount { get; init; }
    public string? Producer { get; init; }
    public string IngestedAt { get; init; } = "";
    public string? UnitName { get; init; }
    public int? Year { get; init; }
    public string Kind { get; init; } = "";
    public string Level { get; init; } = "";
    public string Status { get; init; } = "";
}

public sealed record FailureRow
{
    public long Id { get; init; }
    public string FileName { get; init; } = "";
    public string Path { get; init; } = "";
    public string? Sha256 { get; init; }
    public string Stage { get; init; } = "";
    public string Message { get; init; } = "";
    public string FailedAt { get; init; } = "";
}

public sealed record PageRow
{
    public long DocumentId { get; init; }
    public string File { get; init; } = "";
    public string Path { get; init; } = "";
    public int Page { get; init; }
    public string FormType { get; init; } = "";
    public bool Scanned { get; init; }
    public bool TextLayerUsable { get; init; }
    public double Confidence { get; init; }
    public int Rotation { get; init; }
    public double Skew { get; init; }
    public double Width { get; init; }
    public double Height { get; init; }
    public string? UnitName { get; init; }
    public int? Year { get; init; }
}

public sealed record BudgetLineQuery
{
    public string? CodePrefix { get; init; }
    public string? NameKeyword { get; init; }
    public string? Column { get; init; }       // substring of the column path
    public string? Unit { get; init; }         // substring of the unit name
    public int? Year { get; init; }
    public string? Form { get; init; }         // Chinese label
    public string? File { get; init; }
    public int Limit { get; init; } = int.MaxValue;
}

public sealed record IndicatorQuery
{
    public string? Keyword { get; init; }      // in 一级/二级/三级指标 names or target
    public string? Unit { get; init; }
    public int? Year { get; init; }
    public string? Form { get; init; }
    public string? Project { get; init; }      // substring of the project name
    public string? File { get; init; }
    public int Limit { get; init; } = int.MaxValue;
}

/// <summary>A row of <c>v_budget_lines</c>.</summary>
public sealed record BudgetLineRow
{
    public long Id { get; init; }
    public long DocumentId { get; init; }
    public string? UnitName { get; init; }
    public int? Year { get; init; }
    public string Kind { get; init; } = "";
    public string Form { get; init; } = "";
    public string File { get; init; } = "";
    public int Page { get; init; }
    public string? Code { get; init; }
    public string Name { get; init; } = "";
    public string Column { get; init; } = "";
    public decimal? Amount { get; init; }
    public string Raw { get; init; } = "";
    public string UnitPrinted { get; init; } = "万元";
    public double Confidence { get; init; }
    public bool Flagged { get; init; }
}

/// <summary>A row of <c>v_indicators</c>.</summary>
public sealed record IndicatorRow
{
    public long Id { get; init; }
    public long DocumentId { get; init; }
    public string? UnitName { get; init; }
    public int? Year { get; init; }
    public string Kind { get; init; } = "";
    public string Form { get; init; } = "";
    public string File { get; init; } = "";
    public int Page { get; init; }
    public string Project { get; init; } = "";
    public string? Period { get; init; }
    public string Level1 { get; init; } = "";
    public string Level2 { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Target { get; init; }
    public string? Actual { get; init; }
    public decimal? Weight { get; init; }
    public decimal? Score { get; init; }
    public string Raw { get; init; } = "";
    public double Confidence { get; init; }
    public bool Flagged { get; init; }
}

public sealed record SubjectCodeRow
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public int SeenCount { get; init; }
}

public sealed record SqlResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

public enum ReviewKind { Cell, Page }

/// <summary>One entry of the review queue: a doubtful cell, or a page whose form type is uncertain.</summary>
public sealed record ReviewItem
{
    public ReviewKind Kind { get; init; }
    public long DocumentId { get; init; }
    public string File { get; init; } = "";
    public string Path { get; init; } = "";
    public int Page { get; init; }
    public string FormType { get; init; } = "";
    public double PageConfidence { get; init; }
    public bool Scanned { get; init; }
    public int Rotation { get; init; }
    public double Skew { get; init; }
    // Cell items:
    public long? CellId { get; init; }
    public int TableIndex { get; init; } = -1;
    public int Row { get; init; } = -1;
    public int Col { get; init; } = -1;
    public Box Box { get; init; }
    public string RowHeader { get; init; } = "";
    public string ColumnHeader { get; init; } = "";
    public string Text { get; init; } = "";           // the value in force (raw text or an earlier correction)
    public double Confidence { get; init; }
    public decimal? Amount { get; init; }
    public string? Suggestion { get; init; }
    public IReadOnlyList<string> FailedChecks { get; init; } = [];
}

public enum CorrectionAction { Accept, Type, Confirm, Apply }

/// <summary>A reviewer's decision on a cell (TableIndex/Row/Col ≥ 0) or on a page's form type (all -1).</summary>
public sealed record CorrectionRequest
{
    public required string Path { get; init; }
    public required int Page { get; init; }
    public int TableIndex { get; init; } = -1;
    public int Row { get; init; } = -1;
    public int Col { get; init; } = -1;
    /// <summary>New text (cell) or form label (page); for Confirm, null keeps the value in force.</summary>
    public string? NewValue { get; init; }
    public CorrectionAction Action { get; init; }
    public required string By { get; init; }
    public bool IsPage => TableIndex < 0;
}

public sealed record CorrectionRow
{
    public long Id { get; init; }
    public string DocPath { get; init; } = "";
    public string FileName { get; init; } = "";
    public string? Sha256 { get; init; }
    public string Target { get; init; } = "";
    public int Page { get; init; }
    public int TableIndex { get; init; }
    public int Row { get; init; }
    public int Col { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
    public string Action { get; init; } = "";
    public string CorrectedAt { get; init; } = "";
    public string CorrectedBy { get; init; } = "";
}

public sealed record CountRow
{
    public string Key { get; init; } = "";
    public long Count { get; init; }
}

public sealed record StoreStats
{
    public long Documents { get; init; }
    public long Pages { get; init; }
    public long ScannedPages { get; init; }
    public long BudgetLines { get; init; }
    public long Indicators { get; init; }
    public long Projects { get; init; }
    public long CellsAwaitingReview { get; init; }
    public long PagesAwaitingReview { get; init; }
    public long OpenIssues { get; init; }
    public long Corrections { get; init; }
    public IReadOnlyList<UnitYearRow> ByUnitYear { get; init; } = [];
    public IReadOnlyList<CountRow> PagesByForm { get; init; } = [];
    public IReadOnlyList<CountRow> FactsByForm { get; init; } = [];
    public IReadOnlyList<FailureRow> Failures { get; init; } = [];
}

public sealed record UnitYearRow
{
    public string UnitName { get; init; } = "";
    public int? Year { get; init; }
    public string Kind { get; init; } = "";
    public long Documents { get; init; }
    public long Pages { get; init; }
    public long BudgetLines { get; init; }
    public long Indicators { get; init; }
}
