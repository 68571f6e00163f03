using System.CommandLine;
using System.Diagnostics;
using Extractor.Cli.Ingest;
using Spectre.Console;

namespace Extractor.Cli.Commands;

/// <summary>`ingest PATH...`: every PDF through the pipeline in isolated worker processes, into the database.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "PDF files and folders (searched recursively for *.pdf)", Arity = ArgumentArity.OneOrMore };
        var db = CliCommon.DbOption();
        var workers = new Option<int>("--workers") { Description = "worker processes (默认: CPU 核数)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<int>("--timeout") { Description = "seconds one document may take before its worker is killed", DefaultValueFactory = _ => 300 };
        var command = new Command("ingest", "read PDFs into the database (导入 PDF)") { paths };
        command.Options.Add(db);
        command.Options.Add(workers);
        command.Options.Add(timeout);
        command.SetAction((parseResult, ct) => Task.FromResult(Run(parseResult.GetValue(paths)!, parseResult.GetValue(db)!,
            Math.Max(1, parseResult.GetValue(workers)), TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(timeout))), ct)));
        return command;
    }

    public static int Run(string[] paths, string dbPath, int workers, TimeSpan timeout, CancellationToken ct)
    {
        var (files, missing) = FileCollector.Collect(paths);
        foreach (var m in missing) Console.Error.WriteLine($"not found (不存在): {m}");
        if (files.Count == 0)
        {
            Console.Error.WriteLine("nothing to ingest: no PDF files found (没有找到 PDF 文件)");
            return 1;
        }

        using var store = CliCommon.OpenStore(dbPath);
        var runner = new IngestRunner(dbPath, workers, timeout);
        var sw = Stopwatch.StartNew();
        var gate = new object();
        int done = 0, pages = 0;
        List<WorkerResult> results;

        string Rate() => $"{pages / Math.Max(0.001, sw.Elapsed.TotalSeconds):0.0} pages/s";
        string Eta() => done == 0 ? "--:--:--" : TimeSpan.FromSeconds(sw.Elapsed.TotalSeconds / done * (files.Count - done)).ToString(@"hh\:mm\:ss");

        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            Console.WriteLine($"ingest: {files.Count} file(s), {Math.Min(workers, files.Count)} worker(s), database {Path.GetFullPath(dbPath)}");
            results = runner.Run(files, store, r =>
            {
                lock (gate)
                {
                    done++; pages += r.Pages;
                    string what = r.Status switch
                    {
                        WorkerStatus.Ingested => $"ok      {r.Pages} pages",
                        WorkerStatus.Skipped => "skip    unchanged",
                        _ => $"FAILED  [{r.Stage}] {r.Message}",
                    };
                    Console.WriteLine($"[{done}/{files.Count}] {Path.GetFileName(r.Path)}  {what}  ({Rate()}, ETA {Eta()})");
                }
            }, ct);
        }
        else
        {
            results = [];
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("ingest", maxValue: files.Count);
                    results = runner.Run(files, store, r =>
                    {
                        lock (gate)
                        {
                            done++; pages += r.Pages;
                            task.Increment(1);
                            task.Description = Markup.Escape($"{done}/{files.Count} · {Rate()} · {Path.GetFileName(r.Path)}");
                        }
                    }, ct);
                });
        }

        PrintSummary(results, store, sw.Elapsed);
        int ingested = results.Count(r => r.Status == WorkerStatus.Ingested), skipped = results.Count(r => r.Status == WorkerStatus.Skipped);
        return ingested + skipped > 0 ? 0 : 1;
    }

    private static void PrintSummary(List<WorkerResult> results, Storage.IExtractorStore store, TimeSpan elapsed)
    {
        var ok = results.Where(r => r.Status == WorkerStatus.Ingested).ToList();
        var failed = results.Where(r => r.Status == WorkerStatus.Failed).OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        int pages = ok.Sum(r => r.Pages);
        Console.WriteLine();
        Console.WriteLine($"documents (文件): {results.Count} — {ok.Count} ingested, {results.Count(r => r.Status == WorkerStatus.Skipped)} unchanged (skipped), {failed.Count} failed");
        Console.WriteLine($"pages (页): {pages} in {elapsed.TotalSeconds:0.0} s ({pages / Math.Max(0.001, elapsed.TotalSeconds):0.0} pages/s)");
        var byForm = ok.SelectMany(r => r.PagesByForm).GroupBy(kv => kv.Key).Select(g => (Form: g.Key, Count: g.Sum(kv => kv.Value)))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Form, StringComparer.Ordinal).ToList();
        if (byForm.Count > 0) Console.WriteLine("pages by form type (按表格类型): " + string.Join(", ", byForm.Select(x => $"{x.Form} {x.Count}")));
        Console.WriteLine($"facts (数据): {ok.Sum(r => r.BudgetLines)} budget lines, {ok.Sum(r => r.Indicators)} indicators; {ok.Sum(r => r.AwaitingReview)} awaiting review (待复核)");
        if (failed.Count > 0)
        {
            Console.WriteLine($"failures (失败): {failed.Count}");
            foreach (var f in failed) Console.WriteLine($"  {Path.GetFileName(f.Path)}  [{f.Stage}] {f.Message}");
        }
        try
        {
            var stats = store.Stats();
            Console.WriteLine($"database now holds {stats.Documents} documents, {stats.Pages} pages, {stats.BudgetLines} budget lines, {stats.Indicators} indicators; " +
                              $"{stats.CellsAwaitingReview} cells and {stats.PagesAwaitingReview} pages await review (`extractor review`)");
        }
        catch (Exception ex) { Console.Error.WriteLine($"(could not read totals: {ex.Message})"); }
    }
}
