using Extractor.Cli.Ingest;
using Extractor.Domain;
using Extractor.Pipeline;
using Extractor.Storage;
using Extractor.Tests.Storage;

namespace Extractor.Tests.Cli;

/// <summary>The worker loop in-process, with a fake processor where isolation from the real pipeline is needed.</summary>
public sealed class WorkerLoopTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private sealed class FakeProcessor(Func<string, DocumentResult> process) : IDocumentProcessor
    {
        public int Calls { get; private set; }
        public DocumentResult Process(string path, CancellationToken ct) { Calls++; return process(path); }
    }

    [Fact]
    public void SavesRecordsFailuresAndSkipsUnchangedFiles()
    {
        var good = _dir.File("good.pdf");
        var bad = _dir.File("bad.pdf");
        File.WriteAllText(good, "%PDF-1.4 good");
        File.WriteAllText(bad, "%PDF-1.4 bad");
        var processor = new FakeProcessor(path => path.EndsWith("bad.pdf")
            ? throw new ProcessingException("ocr", "tessdata chi_sim missing")
            : SampleDocuments.Budget(path, Extractor.Pipeline.FileHash.Sha256Of(path)));
        using var store = SqliteStore.Open(_dir.File("x.db"));
        var input = new StringReader(string.Join("\n", WorkerProtocol.Request(good), WorkerProtocol.Request(bad), "not json", WorkerProtocol.Request(good)) + "\n");
        var output = new StringWriter();

        Assert.Equal(0, new WorkerLoop(store, processor).Run(input, output));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(WorkerProtocol.ReadyLine, lines[0]);
        var results = lines.Skip(1).Select(l => WorkerProtocol.ParseResponse(l)!).ToList();
        Assert.Equal([WorkerStatus.Ingested, WorkerStatus.Failed, WorkerStatus.Skipped], results.Select(r => r.Status));
        Assert.Equal(11, results[0].BudgetLines);
        Assert.Equal(2, results[0].Pages);
        Assert.Equal(1, results[0].PagesByForm["支出总表"]);
        Assert.Equal(2, results[0].AwaitingReview);
        Assert.Equal(("ocr", "tessdata chi_sim missing"), (results[1].Stage, results[1].Message));
        Assert.Equal(2, processor.Calls);   // the unchanged file never reached the processor

        var failure = Assert.Single(store.Failures());
        Assert.Equal(("bad.pdf", "ocr"), (failure.FileName, failure.Stage));
        Assert.Single(store.Documents());
    }

    [Fact]
    public void FaultSpecificationIsParsed()
    {
        Assert.Equal([("crash", "__crash__"), ("hang", "X")], WorkerLoop.ParseFaults("crash:__crash__, hang:X"));
        Assert.Equal([("crash", "__fault__")], WorkerLoop.ParseFaults("crash"));
        Assert.Empty(WorkerLoop.ParseFaults(null));
    }

    [Fact]
    public void FolderCollectionIsRecursiveAndCaseInsensitive()
    {
        var sub = Directory.CreateDirectory(_dir.File("a/b")).FullName;
        File.WriteAllText(Path.Combine(sub, "x.PDF"), "");
        File.WriteAllText(_dir.File("y.pdf"), "");
        File.WriteAllText(_dir.File("z.txt"), "");
        var (files, missing) = FileCollector.Collect([_dir.Path, _dir.File("z.txt"), _dir.File("nope.pdf"), _dir.File("y.pdf")]);
        Assert.Equal(["x.PDF", "y.pdf", "z.txt"], files.Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal([_dir.File("nope.pdf")], missing);
    }
}
