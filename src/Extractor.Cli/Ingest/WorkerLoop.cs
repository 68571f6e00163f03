using System.Diagnostics;
using System.Text.Json;
using Extractor.Cli.Processing;
using Extractor.Domain;
using Extractor.Pdf;
using Extractor.Pipeline;
using Extractor.Storage;

namespace Extractor.Cli.Ingest;

/// <summary>
/// The worker side of `ingest`: reads one request line, runs the processor, saves the document in one transaction
/// and answers one result line; a failure of the file is recorded and answered, never fatal to the loop.
/// </summary>
public sealed class WorkerLoop(IExtractorStore store, IDocumentProcessor processor, double reviewConfidence = 0.8)
{
    /// <summary>Test hook: EXTRACTOR_TEST_FAULT="crash:MARKER,hang:MARKER" makes the worker die or hang on files whose name contains MARKER.</summary>
    public const string FaultVariable = "EXTRACTOR_TEST_FAULT";

    public int Run(TextReader input, TextWriter output, CancellationToken ct = default)
    {
        var faults = ParseFaults(Environment.GetEnvironmentVariable(FaultVariable));
        output.WriteLine(WorkerProtocol.ReadyLine);
        output.Flush();
        string? line;
        while (!ct.IsCancellationRequested && (line = input.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            WorkerRequest? req;
            try { req = JsonSerializer.Deserialize<WorkerRequest>(line, WorkerProtocol.Json); }
            catch (JsonException ex)
            {
                Console.Error.WriteLine($"worker: bad request line ({ex.Message})");
                continue;
            }
            if (req is null) continue;
            InjectFault(faults, req.Path);
            var result = ProcessOne(req.Path, ct);
            output.WriteLine(WorkerProtocol.Response(result));
            output.Flush();
        }
        return 0;
    }

    public WorkerResult ProcessOne(string path, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var full = Path.GetFullPath(path);
        string? sha = null;
        try
        {
            sha = File.Exists(full) ? FileHash.Sha256Of(full) : null;
            if (sha is not null && store.FindBySha256(sha) is { } known)
                return new WorkerResult { Path = full, Status = WorkerStatus.Skipped, Message = $"unchanged (stored as {known.FileName})", Seconds = sw.Elapsed.TotalSeconds };

            DocumentResult doc;
            try { doc = processor.Process(full, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException) { throw Staged(ex, "process"); }

            try { store.SaveDocument(doc); }
            catch (Exception ex) { throw new ProcessingException("store", ex.Message, ex); }

            return new WorkerResult
            {
                Path = full, Status = WorkerStatus.Ingested, Pages = doc.Pages.Count,
                PagesByForm = doc.Pages.GroupBy(p => p.FormType.Label()).ToDictionary(g => g.Key, g => g.Count()),
                BudgetLines = doc.BudgetLines.Count, Indicators = doc.Indicators.Count,
                AwaitingReview = doc.BudgetLines.Count(b => b.Flagged || b.Confidence < reviewConfidence)
                               + doc.Indicators.Count(i => i.Flagged || i.Confidence < reviewConfidence),
                Seconds = sw.Elapsed.TotalSeconds,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var staged = Staged(ex, "process");
            try { store.RecordFailure(full, staged.Stage, staged.Message, sha); }
            catch (Exception rec) { Console.Error.WriteLine($"worker: cannot record the failure of {full}: {rec.Message}"); }
            return new WorkerResult { Path = full, Status = WorkerStatus.Failed, Stage = staged.Stage, Message = staged.Message, Seconds = sw.Elapsed.TotalSeconds };
        }
    }

    private static ProcessingException Staged(Exception ex, string defaultStage) => ex switch
    {
        ProcessingException pe => pe,
        PdfException pdf => new ProcessingException("open", pdf.Message, pdf),
        Interop.MissingEngineException me => new ProcessingException("engine", me.Message, me),
        IOException io => new ProcessingException("read", io.Message, io),
        _ => new ProcessingException(defaultStage, $"{ex.GetType().Name}: {ex.Message}", ex),
    };

    internal static List<(string Kind, string Marker)> ParseFaults(string? spec)
    {
        var list = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(spec)) return list;
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split(':', 2);
            list.Add((kv[0].ToLowerInvariant(), kv.Length > 1 && kv[1].Length > 0 ? kv[1] : "__fault__"));
        }
        return list;
    }

    private static void InjectFault(List<(string Kind, string Marker)> faults, string path)
    {
        var name = Path.GetFileName(path);
        foreach (var (kind, marker) in faults)
        {
            if (!name.Contains(marker, StringComparison.Ordinal)) continue;
            if (kind == "crash") Environment.FailFast($"{FaultVariable}: simulated native crash on {name}");
            if (kind == "hang") Thread.Sleep(Timeout.Infinite);
        }
    }
}
