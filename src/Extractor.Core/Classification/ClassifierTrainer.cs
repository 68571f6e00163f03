using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Extractor.Domain;

namespace Extractor.Classification;

/// <summary>Counts of (true, predicted) form types, with accuracy and a Markdown rendering.</summary>
public sealed class ConfusionMatrix
{
    private readonly Dictionary<(FormType Truth, FormType Predicted), int> _counts = [];
    public int Total { get; private set; }
    public int Correct { get; private set; }
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public void Add(FormType truth, FormType predicted)
    {
        _counts[(truth, predicted)] = _counts.GetValueOrDefault((truth, predicted)) + 1;
        Total++;
        if (truth == predicted) Correct++;
    }

    public int this[FormType truth, FormType predicted] => _counts.GetValueOrDefault((truth, predicted));

    /// <summary>Rows = truth, columns = prediction; only form types that occur on either side.</summary>
    public string ToMarkdown()
    {
        var types = FormTypes.All.Where(t => _counts.Keys.Any(k => k.Truth == t || k.Predicted == t)).ToList();
        var sb = new StringBuilder();
        sb.Append("| truth \\ predicted | ").Append(string.Join(" | ", types.Select(t => t.Label()))).AppendLine(" | n | right |");
        sb.Append("|---|").Append(string.Concat(types.Select(_ => "---:|"))).AppendLine("---:|---:|");
        foreach (var t in types)
        {
            int n = types.Sum(p => this[t, p]);
            if (n == 0) continue;
            sb.Append("| ").Append(t.Label()).Append(" | ")
              .Append(string.Join(" | ", types.Select(p => this[t, p] == 0 ? "" : this[t, p].ToString(CultureInfo.InvariantCulture))))
              .Append(" | ").Append(n).Append(" | ").Append(this[t, t]).AppendLine(" |");
        }
        return sb.ToString();
    }

    /// <summary>The mistakes, most frequent first: "truth → predicted ×n".</summary>
    public IEnumerable<string> Errors() => _counts.Where(kv => kv.Key.Truth != kv.Key.Predicted)
        .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Truth).ThenBy(kv => kv.Key.Predicted)
        .Select(kv => $"{kv.Key.Truth.Label()} → {kv.Key.Predicted.Label()} ×{kv.Value}");
}

public sealed record TrainerOptions
{
    public double L2 { get; init; } = 1e-3;
    public int MaxIterations { get; init; } = 300;
    /// <summary>Seeds the noisy copies; the fit itself (full-batch L-BFGS from zero) has no randomness.</summary>
    public int Seed { get; init; } = 20250101;
    /// <summary>Weight examples by 1/sqrt(class frequency) so that rare forms are not drowned by 文字说明 pages.</summary>
    public bool BalanceClasses { get; init; } = true;
    /// <summary>Noisy (OCR-like) copies added per training page, drawn from a Random seeded with <see cref="Seed"/>.</summary>
    public int NoisyCopies { get; init; } = 1;
    public double NoiseRate { get; init; } = 0.04;
}

public sealed record EvaluationReport(string Name, ConfusionMatrix Confusion, IReadOnlyList<(LabelledPage Page, FormType Predicted, double Confidence)> Mistakes)
{
    public double Accuracy => Confusion.Accuracy;
}

/// <summary>
/// Trains the page classifier from labelled pages, evaluates it (with the continuation rule, document by document)
/// and records what it was trained on inside the model file.
/// </summary>
public static class ClassifierTrainer
{
    public static (PageClassifier Classifier, SoftmaxRegression.TrainResult Fit) Train(
        IReadOnlyList<LabelledPage> pages, TrainerOptions? options = null)
    {
        options ??= new TrainerOptions();
        if (pages.Count == 0) throw new ArgumentException("no labelled pages to train on", nameof(pages));
        var classes = FormTypes.All;
        var examples = new List<(PageContent Content, FormType Label)>(pages.Select(p => (p.Content, p.Label)));
        var rng = new Random(options.Seed);
        for (int copy = 0; copy < options.NoisyCopies; copy++)
            foreach (var p in pages) examples.Add((OcrNoise.Perturb(p.Content, rng, options.NoiseRate), p.Label));
        var xs = examples.Select(e => PageFeatures.Extract(e.Content)).ToList();
        var ys = examples.Select(e => IndexOf(classes, e.Label)).ToList();
        IReadOnlyList<double>? weights = null;
        if (options.BalanceClasses)
        {
            var freq = ys.GroupBy(y => y).ToDictionary(g => g.Key, g => g.Count());
            weights = ys.Select(y => 1.0 / Math.Sqrt(freq[y])).ToList();
        }
        var model = new SoftmaxRegression(classes.Count, PageFeatures.Dimension);
        var fit = model.Train(xs, ys, new SoftmaxRegression.TrainOptions { L2 = options.L2, MaxIterations = options.MaxIterations }, weights);
        // Evaluate and ship the model exactly as it will be stored.
        return (new PageClassifier(model.Quantized(), classes), fit);
    }

    /// <summary>The same pages with OCR-like noise (see <see cref="OcrNoise"/>), for a rough estimate on scans.</summary>
    public static List<LabelledPage> WithNoise(IEnumerable<LabelledPage> pages, int seed, double rate)
    {
        var rng = new Random(seed);
        return pages.Select(p => p with { Content = OcrNoise.Perturb(p.Content, rng, rate) }).ToList();
    }

    /// <summary>Classifies each document's pages in page order (continuation rule included) and compares with the truth.</summary>
    public static EvaluationReport Evaluate(PageClassifier classifier, IReadOnlyList<LabelledPage> pages, string name)
    {
        var cm = new ConfusionMatrix();
        var mistakes = new List<(LabelledPage, FormType, double)>();
        foreach (var doc in pages.GroupBy(p => p.Document).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = doc.OrderBy(p => p.Content.PageNumber).ToList();
            // Runs of consecutive pages: a page never continues one that was left out (e.g. an unread scan).
            for (int start = 0, end; start < ordered.Count; start = end)
            {
                end = start + 1;
                while (end < ordered.Count && ordered[end].Content.PageNumber == ordered[end - 1].Content.PageNumber + 1) end++;
                var run = ordered.GetRange(start, end - start);
                var predicted = classifier.Classify(run.Select(p => p.Content).ToList());
                for (int i = 0; i < run.Count; i++)
                {
                    cm.Add(run[i].Label, predicted[i].FormType);
                    if (run[i].Label != predicted[i].FormType) mistakes.Add((run[i], predicted[i].FormType, predicted[i].Confidence));
                }
            }
        }
        return new EvaluationReport(name, cm, mistakes);
    }

    /// <summary>What goes into the model file about its training.</summary>
    public static JsonObject Record(IReadOnlyList<LabelledPage> trainingPages, TrainerOptions options,
        SoftmaxRegression.TrainResult fit, IEnumerable<EvaluationReport> evaluations, string reader)
    {
        var files = new JsonArray(trainingPages.Select(p => p.Document).Distinct().Order(StringComparer.Ordinal)
            .Select(f => (JsonNode?)JsonValue.Create(ShortName(f))).ToArray());
        var counts = new JsonObject();
        foreach (var g in trainingPages.GroupBy(p => p.Label).OrderBy(g => g.Key)) counts[g.Key.Label()] = g.Count();
        var groups = new JsonObject();
        foreach (var g in trainingPages.GroupBy(p => p.Group).OrderBy(g => g.Key, StringComparer.Ordinal)) groups[g.Key] = g.Count();
        var scores = new JsonObject();
        foreach (var e in evaluations)
            scores[e.Name] = new JsonObject { ["pages"] = e.Confusion.Total, ["correct"] = e.Confusion.Correct, ["accuracy"] = Math.Round(e.Accuracy, 4) };
        return new JsonObject
        {
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["seed"] = options.Seed,
            ["l2"] = options.L2,
            ["balanceClasses"] = options.BalanceClasses,
            ["noisyCopies"] = options.NoisyCopies,
            ["noiseRate"] = options.NoiseRate,
            ["iterations"] = fit.Iterations,
            ["converged"] = fit.Converged,
            ["loss"] = Math.Round(fit.Loss, 6),
            ["reader"] = reader,
            ["pages"] = trainingPages.Count,
            ["pagesByGroup"] = groups,
            ["pagesByLabel"] = counts,
            ["files"] = files,
            ["scores"] = scores,
        };
    }

    private static string ShortName(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        return parts.Length >= 2 ? parts[^2] + "/" + parts[^1] : path;
    }

    private static int IndexOf(IReadOnlyList<FormType> classes, FormType t)
    {
        for (int i = 0; i < classes.Count; i++) if (classes[i] == t) return i;
        throw new ArgumentException($"form type {t} is not a model class");
    }
}
