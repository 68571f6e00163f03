using Extractor.Domain;

namespace Extractor.Pipeline;

/// <summary>Runs the whole pipeline on one PDF. Implementations are used by one thread (one worker process) at a time.</summary>
public interface IDocumentProcessor
{
    /// <summary>Reads, interprets and validates one file; throws on a file it cannot read (ideally <see cref="ProcessingException"/>).</summary>
    DocumentResult Process(string path, CancellationToken ct);
}

/// <summary>
/// A document that could not be processed, with the stage that failed ("open", "render", "ocr", …):
/// the stage and message are what `ingest` records in the failures table.
/// </summary>
public sealed class ProcessingException(string stage, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Stage { get; } = stage;
}
