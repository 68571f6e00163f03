using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extractor.Cli.Ingest;

/// <summary>
/// Parent ⇄ worker messages, one JSON object per line. The worker prefixes its answers with <see cref="ResultPrefix"/>
/// so anything a native library prints to stdout cannot be mistaken for a result.
/// </summary>
public static class WorkerProtocol
{
    public const string ResultPrefix = "@@result ";
    /// <summary>Printed once the worker has opened the store and built its pipeline: per-file time-outs start after it.</summary>
    public const string ReadyLine = "@@ready";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Request(string path) => JsonSerializer.Serialize(new WorkerRequest(path), Json);
    public static string Response(WorkerResult r) => ResultPrefix + JsonSerializer.Serialize(r, Json);

    public static WorkerResult? ParseResponse(string line) =>
        line.StartsWith(ResultPrefix, StringComparison.Ordinal) ? JsonSerializer.Deserialize<WorkerResult>(line[ResultPrefix.Length..], Json) : null;
}

public sealed record WorkerRequest(string Path);

public enum WorkerStatus { Ingested, Skipped, Failed }

/// <summary>What became of one file.</summary>
public sealed record WorkerResult
{
    public required string Path { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<WorkerStatus>))]
    public WorkerStatus Status { get; init; }
    public string? Stage { get; init; }
    public string? Message { get; init; }
    public int Pages { get; init; }
    public Dictionary<string, int> PagesByForm { get; init; } = [];
    public int BudgetLines { get; init; }
    public int Indicators { get; init; }
    /// <summary>Flagged or low-confidence facts of the document.</summary>
    public int AwaitingReview { get; init; }
    public double Seconds { get; init; }
}
