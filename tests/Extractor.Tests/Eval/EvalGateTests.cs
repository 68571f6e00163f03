using Extractor.Eval;
using Extractor.Pipeline;
using Xunit.Abstractions;

namespace Extractor.Tests.Eval;

/// <summary>
/// A small corpus generated for the test run (3 documents, text, mixed and scanned pages; its own seed, so nothing
/// here was tuned on it), processed once by the whole pipeline and scored by <see cref="EvalRunner"/>.
/// </summary>
public sealed class SmallCorpusFixture : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("extractor-gate-").FullName;
    public string Folder => Path.Combine(Root, "dev");
    public EvalReport Report { get; }
    public string Table { get; }

    public SmallCorpusFixture()
    {
        CorpusGen.Generator.Run(Root, seed: 7, small: true, TextWriter.Null);
        Report = EvalRunner.Run(Folder, () => new DocumentProcessor(new PipelineOptions()), workers: 2);
        Table = EvalReportWriter.ToTable(Report);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Regression gate: the fast subset of `extractor eval`. Floors sit a little under the figures measured when they
/// were set (docs/ACCURACY.md); a change that loses accuracy on any measure fails here.
/// </summary>
public class EvalGateTests(SmallCorpusFixture corpus, ITestOutputHelper output) : IClassFixture<SmallCorpusFixture>
{
    private static void AtLeast(double floor, double? value, string what) =>
        Assert.True(value is { } v && v >= floor, $"{what}: {(value is { } x ? (x * 100).ToString("0.00") + " %" : "n/a")} is under the floor {floor * 100:0.##} %");

    [Fact]
    public void Every_document_is_processed_and_scored()
    {
        output.WriteLine(corpus.Table);
        Assert.Empty(corpus.Report.Failures);
        Assert.Equal(3, corpus.Report.Documents);
        Assert.True(corpus.Report.Text.Pages > 20 && corpus.Report.Scanned.Pages > 5);
    }

    [Fact]
    public void Text_pages_hold_their_accuracy()
    {
        output.WriteLine(corpus.Table);
        var t = corpus.Report.Text;
        AtLeast(0.95, t.FormType.Value, "text form type");
        AtLeast(0.97, t.Structure.Value, "text table structure");
        AtLeast(0.97, t.NumericCells.Value, "text numeric cells");
        AtLeast(0.90, t.ChineseCells.Value, "text Chinese cells");
        AtLeast(0.97, t.BudgetLines.F1, "text budget-line F1");
        AtLeast(0.97, t.Indicators.F1, "text indicator F1");
    }

    [Fact]
    public void Scanned_pages_hold_their_accuracy()
    {
        output.WriteLine(corpus.Table);
        var s = corpus.Report.Scanned;
        AtLeast(0.80, s.FormType.Value, "scan form type");
        AtLeast(0.70, s.Structure.Value, "scan table structure");
        AtLeast(0.30, s.NumericCells.Value, "scan numeric cells");
        AtLeast(0.30, s.ChineseCells.Value, "scan Chinese cells");
        AtLeast(0.30, s.WrongFlagged.Value, "scan wrong facts flagged");
    }

    [Fact]
    public void Bench_reports_pages_per_second_stages_and_a_steady_state_batch()
    {
        var report = ThroughputBench.Run(corpus.Folder, () => new DocumentProcessor(new PipelineOptions()), workers: 2,
            baselineScanPages: 1, batchPages: 60);
        output.WriteLine(report.ToTable());
        Assert.Empty(report.Failures);
        Assert.True(report.TextPages > 0 && report.TextPagesPerSecond > 0 && report.BaselineTextPagesPerSecond > 0);
        Assert.True(report.ScannedPages > 0 && report.ScanPagesPerSecond > 0 && report.BaselineScanPagesPerSecond > 0);
        foreach (var stage in new[] { "open", "render", "grid", "ocr", "classify", "interpret", "validate", "store" })
            Assert.True(report.StageSeconds.GetValueOrDefault(stage) > 0, $"no time recorded for {stage}");
        Assert.True(report.BatchPages >= 60);
        // Windows are cut at document ends: as many as documents, at most ten, covering the whole batch.
        Assert.InRange(report.BatchWindows.Count, 1, 10);
        Assert.Equal(report.BatchPages, report.BatchWindows.Sum(w => w.Pages));
        Assert.All(report.BatchWindows, w => Assert.True(w.PagesPerSecond > 0));
        Assert.True(report.PeakMemoryBytes > 0);
    }
}
