namespace Extractor.Domain;

/// <summary>Everything the pipeline extracted from one PDF: what the store persists.</summary>
public sealed class DocumentResult
{
    public required string FilePath { get; init; }
    public required string Sha256 { get; init; }
    public long SizeBytes { get; init; }
    public int PageCount { get; init; }
    public string? Producer { get; init; }
    public DocumentInfo Info { get; set; } = new();
    public List<ClassifiedPage> Pages { get; } = [];
    /// <summary>Tables after joining continuations; each keeps the pages of its rows.</summary>
    public List<Table> Tables { get; } = [];
    public List<BudgetLine> BudgetLines { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<Indicator> Indicators { get; } = [];
    public List<ValidationIssue> Issues { get; } = [];
    /// <summary>Seconds spent per stage (open, render, preprocess, grid, ocr, classify, interpret, validate).</summary>
    public Dictionary<string, double> StageSeconds { get; } = [];
    public string FileName => Path.GetFileName(FilePath);
}
