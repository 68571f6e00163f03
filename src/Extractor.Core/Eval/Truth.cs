using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extractor.Eval;

/// <summary>Ground truth of one corpus PDF, as written by the corpus generator (docs/CONVENTIONS.md).</summary>
public sealed record TruthDocument
{
    [JsonPropertyName("file")] public string File { get; init; } = "";
    [JsonPropertyName("unit_name")] public string? UnitName { get; init; }
    [JsonPropertyName("year")] public int? Year { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("level")] public string? Level { get; init; }
    [JsonPropertyName("pages")] public List<TruthPage> Pages { get; init; } = [];
    [JsonPropertyName("budget_lines")] public List<TruthBudgetLine> BudgetLines { get; init; } = [];
    [JsonPropertyName("indicators")] public List<TruthIndicator> Indicators { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static TruthDocument Load(string truthPath) =>
        JsonSerializer.Deserialize<TruthDocument>(System.IO.File.ReadAllText(truthPath), Options)
        ?? throw new InvalidDataException($"{truthPath}: empty ground truth");

    /// <summary>All (pdf, truth) pairs of a corpus folder, searched recursively, in a stable order.</summary>
    public static IReadOnlyList<(string Pdf, TruthDocument Truth)> LoadFolder(string folder)
    {
        var list = new List<(string, TruthDocument)>();
        foreach (var t in Directory.EnumerateFiles(folder, "*.truth.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var truth = Load(t);
            var pdf = Path.Combine(Path.GetDirectoryName(t)!, string.IsNullOrEmpty(truth.File) ? Path.GetFileName(t).Replace(".truth.json", ".pdf") : truth.File);
            if (System.IO.File.Exists(pdf)) list.Add((pdf, truth));
        }
        return list;
    }
}

public sealed record TruthPage
{
    [JsonPropertyName("page")] public int Page { get; init; }
    [JsonPropertyName("form_type")] public string FormType { get; init; } = "";
    [JsonPropertyName("scanned")] public bool Scanned { get; init; }
    [JsonPropertyName("continues_previous")] public bool ContinuesPrevious { get; init; }
    [JsonPropertyName("tables")] public List<TruthTable> Tables { get; init; } = [];
}

public sealed record TruthTable
{
    [JsonPropertyName("rows")] public int Rows { get; init; }
    [JsonPropertyName("cols")] public int Cols { get; init; }
    [JsonPropertyName("cells")] public List<TruthCell> Cells { get; init; } = [];
}

public sealed record TruthCell
{
    [JsonPropertyName("row")] public int Row { get; init; }
    [JsonPropertyName("col")] public int Col { get; init; }
    [JsonPropertyName("rowspan")] public int RowSpan { get; init; } = 1;
    [JsonPropertyName("colspan")] public int ColSpan { get; init; } = 1;
    [JsonPropertyName("text")] public string Text { get; init; } = "";
}

public sealed record TruthBudgetLine
{
    [JsonPropertyName("page")] public int Page { get; init; }
    [JsonPropertyName("form_type")] public string FormType { get; init; } = "";
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("column")] public string Column { get; init; } = "";
    [JsonPropertyName("amount")] public decimal Amount { get; init; }
    [JsonPropertyName("unit")] public string? Unit { get; init; }
}

public sealed record TruthIndicator
{
    [JsonPropertyName("page")] public int Page { get; init; }
    [JsonPropertyName("form_type")] public string FormType { get; init; } = "";
    [JsonPropertyName("project")] public string Project { get; init; } = "";
    [JsonPropertyName("period")] public string? Period { get; init; }
    [JsonPropertyName("level1")] public string Level1 { get; init; } = "";
    [JsonPropertyName("level2")] public string Level2 { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("target")] public string? Target { get; init; }
    [JsonPropertyName("actual")] public string? Actual { get; init; }
    [JsonPropertyName("weight")] public decimal? Weight { get; init; }
    [JsonPropertyName("score")] public decimal? Score { get; init; }
}
