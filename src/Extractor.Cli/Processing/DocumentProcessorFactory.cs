using Extractor.Pipeline;

namespace Extractor.Cli.Processing;

/// <summary>
/// Which pipeline the ingest workers run. The lead swaps <see cref="BasicDocumentProcessor"/> for the full
/// <c>DocumentProcessor(PipelineOptions)</c> here; tests may set their own.
/// </summary>
public static class DocumentProcessorFactory
{
    public static Func<PipelineOptions, IDocumentProcessor> Create { get; set; } = options => new DocumentProcessor(options);
}
