using Extractor.Pipeline;

namespace Extractor.Cli.Processing;

/// <summary>
/// Which pipeline the ingest workers run: the full <see cref="DocumentProcessor"/>;
/// tests may set their own.
/// </summary>
public static class DocumentProcessorFactory
{
    public static Func<PipelineOptions, IDocumentProcessor> Create { get; set; } = options => new DocumentProcessor(options);
}
