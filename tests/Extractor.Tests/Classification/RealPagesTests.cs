using Extractor.Classification;
using Extractor.Domain;

namespace Extractor.Tests.Classification;

/// <summary>The hand-labelled real Jiangsu pages, read once by the pipeline's reader for the tests of this class.</summary>
public sealed class RealPagesFixture
{
    public string RepoRoot { get; }
    public RealLabels Labels { get; }
    public List<LabelledPage> Training { get; }
    public List<LabelledPage> Holdout { get; }

    public RealPagesFixture()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Extractor.slnx"))) dir = dir.Parent;
        RepoRoot = dir?.FullName ?? throw new InvalidOperationException("repository root (Extractor.slnx) not found");
        var realRoot = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "real"));
        if (!Directory.Exists(realRoot)) realRoot = "/work/shared/real";
        Labels = TrainingData.ReadRealLabels(Path.Combine(RepoRoot, "corpus", "real-labels.csv"));
        // The pipeline's own reading stage, as the shipped model was trained on and as ingest reads.
        DocumentReader reader = path => Extractor.Pipeline.DocumentPages.Read(path, new Extractor.Pipeline.PipelineOptions());
        Training = TrainingData.LoadReal(Labels.Training, realRoot, reader);
        Holdout = TrainingData.LoadReal(Labels.Holdout, realRoot, reader);
    }
}

public class RealPagesTests(RealPagesFixture real) : IClassFixture<RealPagesFixture>
{
    [Fact]
    public void Labels_cover_every_page_of_the_22_files_and_split_by_department()
    {
        Assert.Equal(22, real.Labels.Labels.Select(l => l.File).Distinct().Count());
        Assert.Equal(2, real.Labels.HoldoutDepartments.Count);
        Assert.Equal(3, real.Labels.Labels.Select(l => l.Department).Distinct().Count(d => !real.Labels.HoldoutDepartments.Contains(d)));
        // Every page of each file has exactly one label.
        foreach (var doc in real.Training.Concat(real.Holdout).GroupBy(p => p.Document))
            Assert.Equal(Enumerable.Range(1, doc.Count()), doc.Select(p => p.Content.PageNumber).Order());
        Assert.DoesNotContain(real.Training, p => real.Labels.HoldoutDepartments.Contains(p.Group));
    }

    [Fact]
    public void Model_trained_on_three_departments_classifies_the_two_held_out_ones()
    {
        var (classifier, fit) = ClassifierTrainer.Train(real.Training);
        Assert.True(fit.Converged);
        var report = ClassifierTrainer.Evaluate(classifier, real.Holdout, "held out");
        Assert.Equal(real.Holdout.Count, report.Confusion.Total);
        // Measured 168/170 (98.8%) with the text-layer stand-in reader; the floor is the issue's target.
        Assert.True(report.Accuracy >= 0.98, $"held-out accuracy {report.Accuracy:P1}: {string.Join("; ", report.Confusion.Errors())}");
    }

    [Fact]
    public void Shipped_model_loads_and_labels_a_held_out_document()
    {
        var classifier = PageClassifier.LoadDefault();
        Assert.NotNull(classifier);
        var doc = real.Holdout.Where(p => p.Document.EndsWith("江苏省政协办公厅2019年预算公开表.pdf")).OrderBy(p => p.Content.PageNumber).ToList();
        Assert.Equal(12, doc.Count);
        var pages = classifier.Classify(doc.Select(p => p.Content).ToList());
        Assert.Equal(doc.Select(p => p.Label), pages.Select(p => p.FormType));
        Assert.All(pages, p => Assert.InRange(p.Confidence, 0.3, 1.0));
    }
}
