using System.Collections.Concurrent;
using Extractor.Storage;

namespace Extractor.Cli.Ingest;

/// <summary>
/// Hands files to N worker processes, one at a time each, and collects their results. Files whose content is
/// already stored are skipped before any worker sees them.
/// </summary>
public sealed class IngestRunner(string dbPath, int workers, TimeSpan timeout)
{
    public IReadOnlyDictionary<string, string>? WorkerEnvironment { get; init; }

    public List<WorkerResult> Run(IReadOnlyList<string> files, IExtractorStore store, Action<WorkerResult> onResult, CancellationToken ct)
    {
        var results = new ConcurrentBag<WorkerResult>();
        var queue = new ConcurrentQueue<string>();
        var storeLock = new object();

        foreach (var f in files)
        {
            string? sha = null;
            try { sha = Extractor.Pipeline.FileHash.Sha256Of(f); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            StoredDocument? known;
            lock (storeLock) known = sha is null ? null : store.FindBySha256(sha);
            if (known is not null)
            {
                var skipped = new WorkerResult { Path = f, Status = WorkerStatus.Skipped, Message = $"unchanged (stored as {known.FileName})" };
                results.Add(skipped);
                onResult(skipped);
            }
            else queue.Enqueue(f);
        }

        int n = Math.Max(1, Math.Min(workers, queue.Count));
        var threads = Enumerable.Range(0, n).Select(_ => new Thread(() =>
        {
            WorkerProcess? worker = null;
            try
            {
                while (!ct.IsCancellationRequested && queue.TryDequeue(out var file))
                {
                    WorkerResult result;
                    bool lost;
                    try
                    {
                        worker ??= WorkerProcess.Start(dbPath, WorkerEnvironment);
                        result = worker.Process(file, timeout, out lost);
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
                    {
                        result = new WorkerResult { Path = file, Status = WorkerStatus.Failed, Stage = "worker", Message = $"cannot start a worker: {ex.Message}" };
                        lost = true;
                    }
                    if (lost)
                    {
                        // The worker could not record this itself: it is dead or was killed.
                        lock (storeLock)
                        {
                            try { store.RecordFailure(file, result.Stage ?? "crash", result.Message ?? "worker lost"); }
                            catch (Exception ex) { Console.Error.WriteLine($"ingest: cannot record failure of {file}: {ex.Message}"); }
                        }
                        worker?.Dispose();
                        worker = null;
                    }
                    results.Add(result);
                    onResult(result);
                }
            }
            finally { worker?.Dispose(); }
        }) { IsBackground = true, Name = "ingest-dispatch" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return results.ToList();
    }
}
