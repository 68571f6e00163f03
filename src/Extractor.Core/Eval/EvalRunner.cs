using System.Collections.Concurrent;
using System.Diagnostics;
using Extractor.Domain;
using Extractor.Pipeline;

namespace Extractor.Eval;

/// <summary>
/// Runs a pipeline over every ground-truth document of a corpus folder and scores it. Documents are spread
/// over <paramref name="workers"/> threads, each with its own processor (one Poppler document and one OCR
/// engine per thread); scoring happens in document order so reports are reproducible.
/// </summary>
public static class EvalRunner
{
    public static EvalReport Run(string corpusFolder, Func<IDocumentProcessor> newProcessor, int workers = 1,
        Func<TruthDocument, bool>? filter = null, Action<string>? progress = null, CancellationToken ct = default)
    {
        var docs = TruthDocument.LoadFolder(corpusFolder).Where(d => filter?.Invoke(d.Truth) ?? true).ToList();
        var clock = Stopwatch.StartNew();
        var results = ProcessAll(docs.Select(d => d.Pdf).ToList(), newProcessor, workers, progress, ct);
        var report = new EvalReport { Seconds = clock.Elapsed.TotalSeconds };
        for (int i = 0; i < docs.Count; i++)
        {
            var (result, error) = results[i];
            if (error is not null) report.Failures.Add(error);
            // A document that failed still counts: every truth page and fact of it is a miss.
            EvalScorer.ScoreDocument(report, docs[i].Truth, result ?? new DocumentResult { FilePath = docs[i].Pdf, Sha256 = "" });
        }
        return report;
    }

    /// <summary>Processes files on <paramref name="workers"/> threads, one processor each; results in input order.</summary>
    /// <paramref name="sink"/>, when given, receives each result on its worker thread as soon as it is made (the bench
    /// stores there, so storing overlaps the other workers' reading).
    public static (DocumentResult? Result, string? Error)[] ProcessAll(IReadOnlyList<string> files, Func<IDocumentProcessor> newProcessor,
        int workers, Action<string>? progress = null, CancellationToken ct = default, Action<DocumentResult>? sink = null)
    {
        var results = new (DocumentResult? Result, string? Error)[files.Count];
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, files.Count));
        var threads = Enumerable.Range(0, Math.Max(1, Math.Min(workers, files.Count))).Select(_ => new Thread(() =>
        {
            var processor = newProcessor();
            try
            {
                while (queue.TryDequeue(out var i))
                {
                    ct.ThrowIfCancellationRequested();
                    try
                    {
                        var r = processor.Process(files[i], ct);
                        sink?.Invoke(r);
                        results[i] = (r, null);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException) { results[i] = (null, $"{Path.GetFileName(files[i])}: {ex.Message}"); }
                    progress?.Invoke(Path.GetFileName(files[i]));
                }
            }
            finally { (processor as IDisposable)?.Dispose(); }
        }, 16 * 1024 * 1024)).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return results;
    }
}
