using System.Diagnostics;
using System.Globalization;
using System.Text;
using Extractor.Pipeline;

namespace Extractor.Eval;

/// <summary>Figures of one bench run (docs/PERFORMANCE.md).</summary>
public sealed class BenchReport
{
    public int TextPages { get; set; }
    public int ScannedPages { get; set; }
    public double TextSeconds { get; set; }
    public double ScanSeconds { get; set; }
    public double BaselineTextSeconds { get; set; }
    public double BaselineScanSeconds { get; set; }
    public int BaselineScanPages { get; set; }
    public int BaselineTextPages { get; set; }
    public long PeakMemoryBytes { get; set; }
    public Dictionary<string, double> StageSeconds { get; } = [];
    public int Workers { get; set; }
    public List<string> Failures { get; } = [];
    /// <summary>Steady-state batch: pages per second in each tenth of a long run of text documents (empty when not run).</summary>
    public List<(int Pages, double PagesPerSecond)> BatchWindows { get; } = [];
    public int BatchPages { get; set; }
    public double BatchSeconds { get; set; }
    public long BatchDatabaseBytes { get; set; }

    public double TextPagesPerSecond => TextSeconds > 0 ? TextPages / TextSeconds : 0;
    public double ScanPagesPerSecond => ScanSeconds > 0 ? ScannedPages / ScanSeconds : 0;
    public double BaselineTextPagesPerSecond => BaselineTextSeconds > 0 ? BaselineTextPages / BaselineTextSeconds : 0;
    public double BaselineScanPagesPerSecond => BaselineScanSeconds > 0 ? BaselineScanPages / BaselineScanSeconds : 0;

    public string ToTable()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"workers {Workers}");
        sb.AppendLine(ci, $"text PDFs:    {TextPages} pages in {TextSeconds:0.0} s = {TextPagesPerSecond:0.00} pages/s; baseline `pdftotext -layout` {BaselineTextPagesPerSecond:0.00} pages/s; ratio {Ratio(TextPagesPerSecond, BaselineTextPagesPerSecond)}");
        sb.AppendLine(ci, $"scanned PDFs: {ScannedPages} pages in {ScanSeconds:0.0} s = {ScanPagesPerSecond:0.00} pages/s; baseline whole-page `tesseract` {BaselineScanPagesPerSecond:0.00} pages/s; ratio {Ratio(ScanPagesPerSecond, BaselineScanPagesPerSecond)}");
        sb.AppendLine(ci, $"peak memory (this process, VmHWM): {PeakMemoryBytes / (1024.0 * 1024):0} MiB");
        sb.AppendLine("time per stage (CPU-side seconds summed over workers):");
        foreach (var (stage, s) in StageSeconds.OrderByDescending(kv => kv.Value))
            sb.AppendLine(ci, $"  {stage,-12} {s,8:0.00} s");
        if (BatchWindows.Count > 0)
        {
            sb.AppendLine(ci, $"steady state: {BatchPages} text pages stored in {BatchSeconds:0.0} s = {BatchPages / BatchSeconds:0.00} pages/s, database {BatchDatabaseBytes / (1024.0 * 1024):0.0} MiB");
            sb.AppendLine("  pages/s per tenth of the batch: " + string.Join(" ", BatchWindows.Select(w => w.PagesPerSecond.ToString("0.0", ci))));
            sb.AppendLine(ci, $"  last tenth / first tenth: {BatchWindows[^1].PagesPerSecond / BatchWindows[0].PagesPerSecond:0.00}");
        }
        foreach (var f in Failures) sb.AppendLine("failure: " + f);
        return sb.ToString();
    }

    private static string Ratio(double a, double b) => b > 0 ? (a / b).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "n/a";
}

/// <summary>
/// Pages per second of the pipeline on text and on scanned documents of a corpus folder, with the baselines a
/// researcher would otherwise run on the same pages: `pdftotext -layout` for text PDFs and whole-page `tesseract`
/// (chi_sim+eng, OMP_THREAD_LIMIT=1, same number of parallel jobs) on 300-dpi renders for scans.
/// </summary>
public static class ThroughputBench
{
    /// <summary>
    /// Processes and stores (a scratch SQLite file, one transaction per document, as ingest does) the text-only and
    /// the scan-only documents of the folder, then runs the baselines. With <paramref name="batchPages"/> &gt; 0 it
    /// also stores that many text pages (distinct copies of the text documents) into one growing database and
    /// reports pages per second per tenth of the run, to show the database growing does not slow ingest.
    /// </summary>
    public static BenchReport Run(string corpusFolder, Func<IDocumentProcessor> newProcessor, int workers, int baselineScanPages = 12,
        Action<string>? progress = null, int batchPages = 0)
    {
        var docs = TruthDocument.LoadFolder(corpusFolder);
        var text = docs.Where(d => d.Truth.Pages.All(p => !p.Scanned)).ToList();
        var scan = docs.Where(d => d.Truth.Pages.Count > 0 && d.Truth.Pages.All(p => p.Scanned)).ToList();
        var report = new BenchReport { Workers = workers };
        var scratch = Directory.CreateTempSubdirectory("extractor-bench-");
        try
        {
            using (var store = Storage.SqliteStore.Open(Path.Combine(scratch.FullName, "bench.db")))
            {
                var sink = StoreSink(store, report);
                var clock = Stopwatch.StartNew();
                Collect(report, EvalRunner.ProcessAll(text.Select(d => d.Pdf).ToList(), newProcessor, workers, progress, sink: sink));
                report.TextSeconds = clock.Elapsed.TotalSeconds;
                report.TextPages = text.Sum(d => d.Truth.Pages.Count);

                clock.Restart();
                Collect(report, EvalRunner.ProcessAll(scan.Select(d => d.Pdf).ToList(), newProcessor, workers, progress, sink: sink));
                report.ScanSeconds = clock.Elapsed.TotalSeconds;
                report.ScannedPages = scan.Sum(d => d.Truth.Pages.Count);
            }
            if (batchPages > 0 && text.Count > 0) RunBatch(report, text, newProcessor, workers, batchPages, scratch.FullName);
        }
        finally { scratch.Delete(true); }

        var baselineClock = Stopwatch.StartNew();
        Parallel.ForEach(text, new ParallelOptions { MaxDegreeOfParallelism = workers }, d => Exec("pdftotext", ["-layout", d.Pdf, "-"]));
        report.BaselineTextSeconds = baselineClock.Elapsed.TotalSeconds;
        report.BaselineTextPages = report.TextPages;

        var sample = scan.SelectMany(d => d.Truth.Pages.Select(p => (d.Pdf, p.Page))).Take(baselineScanPages).ToList();
        var tmp = Directory.CreateTempSubdirectory("extractor-bench-");
        try
        {
            baselineClock.Restart();
            Parallel.ForEach(sample, new ParallelOptions { MaxDegreeOfParallelism = workers }, s =>
            {
                var prefix = Path.Combine(tmp.FullName, $"{Path.GetFileNameWithoutExtension(s.Pdf)}-{s.Page}");
                var p = s.Page.ToString(CultureInfo.InvariantCulture);
                Exec("pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile", "-f", p, "-l", p, s.Pdf, prefix]);
                Exec("tesseract", [prefix + ".png", "stdout", "-l", "chi_sim+eng"]);
            });
            report.BaselineScanSeconds = baselineClock.Elapsed.TotalSeconds;
            report.BaselineScanPages = sample.Count;
        }
        finally { tmp.Delete(true); }

        report.PeakMemoryBytes = PeakMemory();
        return report;
    }

    // Stores each result as ingest would; SQLite has one writer, so saves take turns.
    private static Action<Extractor.Domain.DocumentResult> StoreSink(Storage.SqliteStore store, BenchReport report)
    {
        var gate = new object();
        return r =>
        {
            var clock = Stopwatch.StartNew();
            lock (gate) store.SaveDocument(r);
            r.StageSeconds["store"] = r.StageSeconds.GetValueOrDefault("store") + clock.Elapsed.TotalSeconds;
        };
    }

    // Copies of the text documents made distinct by a trailing PDF comment (so hashes differ, as different files
    // would), processed and stored in one database; the clock is read after every document.
    private static void RunBatch(BenchReport report, List<(string Pdf, TruthDocument Truth)> text, Func<IDocumentProcessor> newProcessor, int workers,
        int batchPages, string scratch)
    {
        var copies = new List<string>();
        var pagesOf = new Dictionary<string, int>();
        int pages = 0;
        for (int n = 0; pages < batchPages; n++)
        {
            var d = text[n % text.Count];
            var copy = Path.Combine(scratch, $"batch{n:D5}-{Path.GetFileName(d.Pdf)}");
            File.Copy(d.Pdf, copy);
            File.AppendAllText(copy, $"\n%extractor-bench copy {n}\n");
            copies.Add(copy);
            pagesOf[copy] = d.Truth.Pages.Count;
            pages += d.Truth.Pages.Count;
        }
        var dbPath = Path.Combine(scratch, "batch.db");
        var done = new List<(double Seconds, int Pages)>();
        var gate = new object();
        int total = 0;
        var clock = Stopwatch.StartNew();
        using (var store = Storage.SqliteStore.Open(dbPath))
        {
            EvalRunner.ProcessAll(copies, newProcessor, workers, sink: r =>
            {
                lock (gate)
                {
                    store.SaveDocument(r);
                    total += pagesOf[r.FilePath];
                    done.Add((clock.Elapsed.TotalSeconds, total));
                }
            });
        }
        report.BatchPages = total;
        report.BatchSeconds = clock.Elapsed.TotalSeconds;
        report.BatchDatabaseBytes = new FileInfo(dbPath).Length;
        // Tenths by pages: the time between the documents that cross each tenth.
        double prevT = 0; int prevP = 0;
        for (int k = 1; k <= 10; k++)
        {
            var end = done.First(x => x.Pages >= total * k / 10.0);
            if (end.Pages > prevP && end.Seconds > prevT) report.BatchWindows.Add((end.Pages - prevP, (end.Pages - prevP) / (end.Seconds - prevT)));
            prevT = end.Seconds; prevP = end.Pages;
        }
    }

    private static void Collect(BenchReport report, (Extractor.Domain.DocumentResult? Result, string? Error)[] results)
    {
        foreach (var (r, e) in results)
        {
            if (e is not null) report.Failures.Add(e);
            if (r is null) continue;
            foreach (var (k, v) in r.StageSeconds) report.StageSeconds[k] = report.StageSeconds.GetValueOrDefault(k) + v;
        }
    }

    private static void Exec(string tool, string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["OMP_THREAD_LIMIT"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {tool}");
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
    }

    /// <summary>Peak resident memory of this process (VmHWM), 0 where /proc is missing.</summary>
    public static long PeakMemory()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        return 0;
    }
}
