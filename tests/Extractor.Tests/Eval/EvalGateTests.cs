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
    // Floors per measure: a little under the figures measured when they were set (docs/ACCURACY.md, "Regression gate").
    // Measured 2026-12-05: text 100 / 99.96 / 100 / 99.88 % and F1 100 / 100; scans 100 / 92.25 / 79.57 / 73.68 %,
    // 42.73 % of wrong facts flagged.
    private static readonly (string What, double Floor, Func<SliceScores, double?> Measure)[] TextFloors =
    [
        ("form type", 0.99, s => s.FormType.Value), ("table structure", 0.995, s => s.Structure.Value),
        ("numeric cells", 0.995, s => s.NumericCells.Value), ("Chinese cells", 0.99, s => s.ChineseCells.Value),
        ("budget-line F1", 0.99, s => s.BudgetLines.F1), ("indicator F1", 0.99, s => s.Indicators.F1),
    ];

    private static readonly (string What, double Floor, Func<SliceScores, double?> Measure)[] ScanFloors =
    [
        ("form type", 0.90, s => s.FormType.Value), ("table structure", 0.94, s => s.Structure.Value),
        ("numeric cells", 0.80, s => s.NumericCells.Value), ("Chinese cells", 0.77, s => s.ChineseCells.Value),
        ("wrong facts flagged", 0.75, s => s.WrongFlagged.Value),
    ];

    private void HoldsFloors(SliceScores slice, string kind, (string What, double Floor, Func<SliceScores, double?> Measure)[] floors)
    {
        output.WriteLine(corpus.Table);
        var below = floors.Where(f => f.Measure(slice) is not { } v || v < f.Floor)
            .Select(f => $"{kind} {f.What}: {(f.Measure(slice) is { } v ? (v * 100).ToString("0.00") + " %" : "n/a")} under {f.Floor * 100:0.##} %").ToList();
        Assert.True(below.Count == 0, string.Join("; ", below));
    }

    [Fact]
    public void Every_document_is_processed_and_scored()
    {
        output.WriteLine(corpus.Table);
        Assert.Empty(corpus.Report.Failures);
        Assert.Equal(3, corpus.Report.Documents);
        Assert.True(corpus.Report.Text.Pages > 20 && corpus.Report.Scanned.Pages > 5);
    }

    [Fact]
    public void Text_pages_hold_their_accuracy() => HoldsFloors(corpus.Report.Text, "text", TextFloors);

    [Fact]
    public void Scanned_pages_hold_their_accuracy() => HoldsFloors(corpus.Report.Scanned, "scan", ScanFloors);

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
