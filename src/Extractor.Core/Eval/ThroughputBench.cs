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
    public static BenchReport Run(string corpusFolder, Func<IDocumentProcessor> newProcessor, int workers, int baselineScanPages = 12,
        Action<string>? progress = null)
    {
        var docs = TruthDocument.LoadFolder(corpusFolder);
        var text = docs.Where(d => d.Truth.Pages.All(p => !p.Scanned)).ToList();
        var scan = docs.Where(d => d.Truth.Pages.Count > 0 && d.Truth.Pages.All(p => p.Scanned)).ToList();
        var report = new BenchReport { Workers = workers };

        var clock = Stopwatch.StartNew();
        Collect(report, EvalRunner.ProcessAll(text.Select(d => d.Pdf).ToList(), newProcessor, workers, progress));
        report.TextSeconds = clock.Elapsed.TotalSeconds;
        report.TextPages = text.Sum(d => d.Truth.Pages.Count);

        clock.Restart();
        Collect(report, EvalRunner.ProcessAll(scan.Select(d => d.Pdf).ToList(), newProcessor, workers, progress));
        report.ScanSeconds = clock.Elapsed.TotalSeconds;
        report.ScannedPages = scan.Sum(d => d.Truth.Pages.Count);

        clock.Restart();
        Parallel.ForEach(text, new ParallelOptions { MaxDegreeOfParallelism = workers }, d => Exec("pdftotext", ["-layout", d.Pdf, "-"]));
        report.BaselineTextSeconds = clock.Elapsed.TotalSeconds;
        report.BaselineTextPages = report.TextPages;

        var sample = scan.SelectMany(d => d.Truth.Pages.Select(p => (d.Pdf, p.Page))).Take(baselineScanPages).ToList();
        var tmp = Directory.CreateTempSubdirectory("extractor-bench-");
        try
        {
            clock.Restart();
            Parallel.ForEach(sample, new ParallelOptions { MaxDegreeOfParallelism = workers }, s =>
            {
                var prefix = Path.Combine(tmp.FullName, $"{Path.GetFileNameWithoutExtension(s.Pdf)}-{s.Page}");
                var p = s.Page.ToString(CultureInfo.InvariantCulture);
                Exec("pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile", "-f", p, "-l", p, s.Pdf, prefix]);
                Exec("tesseract", [prefix + ".png", "stdout", "-l", "chi_sim+eng"]);
            });
            report.BaselineScanSeconds = clock.Elapsed.TotalSeconds;
            report.BaselineScanPages = sample.Count;
        }
        finally { tmp.Delete(true); }

        report.PeakMemoryBytes = PeakMemory();
        return report;
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
