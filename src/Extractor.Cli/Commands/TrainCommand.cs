using System.CommandLine;
using Extractor.Classification;
using Extractor.Domain;

namespace Extractor.Cli.Commands;

/// <summary>
/// <c>extractor train</c>: trains the page classifier on the generated corpus (dev split) and the hand-labelled
/// real training departments, scores it on the corpus test split and the held-out departments, writes the model.
/// </summary>
public static class TrainCommand
{
    /// <summary>
    /// The reading stage used for training: the pipeline's own (text layer, or OCR for scans), so the model learns
    /// from pages exactly as ingest reads them. Tests may swap it for a faster stand-in.
    /// </summary>
    internal static DocumentReader Reader { get; set; } = path => Extractor.Pipeline.DocumentPages.Read(path, new Extractor.Pipeline.PipelineOptions());
    internal static string ReaderName { get; set; } = "pipeline PageReader (text layer; scans: orientation, deskew, lattice, OCR per cell)";
    /// <summary>Whether the reader OCRs scans; a reader without OCR would give blank scanned pages, so they are left out.</summary>
    internal static bool ReaderReadsScans { get; set; } = true;

    public static Command Create()
    {
        var corpus = new Option<DirectoryInfo?>("--corpus") { Description = "ground-truth folder (*.truth.json + PDFs); with dev/ and test/ subfolders, trains on dev and scores on test" };
        var realLabels = new Option<FileInfo?>("--real-labels") { Description = "hand labels of real PDFs (default corpus/real-labels.csv)" };
        var realRoot = new Option<DirectoryInfo?>("--real-root") { Description = "folder the real labels' paths are relative to (default ../shared/real beside the repository)" };
        var output = new Option<FileInfo?>("--out") { Description = "model file to write (default models/page-classifier.json)" };
        var report = new Option<FileInfo?>("--report") { Description = "also write the scores and confusion matrices as Markdown" };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty", DefaultValueFactory = _ => new TrainerOptions().L2 };
        var seed = new Option<int>("--seed") { Description = "seed of the noisy training copies (recorded with the model)", DefaultValueFactory = _ => new TrainerOptions().Seed };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "keep what the reader read in this folder (JSON per PDF, keyed by content hash) and reuse it on the next run; empty it when the reading code changes" };
        var noisy = new Option<int>("--noisy-copies") { Description = "OCR-like noisy copies per training page", DefaultValueFactory = _ => new TrainerOptions().NoisyCopies };

        var command = new Command("train", "train the page classifier (softmax regression over page features)");
        foreach (var o in new Option[] { corpus, realLabels, realRoot, output, report, l2, seed, noisy, cache }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            try
            {
                var cacheDir = parse.GetValue(cache);
                var reader = cacheDir is null ? Reader : TrainingData.Cached(Reader, cacheDir.FullName, ReaderName);
                return Run(reader, parse.GetValue(corpus), parse.GetValue(realLabels), parse.GetValue(realRoot), parse.GetValue(output),
                    parse.GetValue(report), new TrainerOptions { L2 = parse.GetValue(l2), Seed = parse.GetValue(seed), NoisyCopies = parse.GetValue(noisy) });
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or Extractor.Pdf.PdfException)
            {
                Console.Error.WriteLine($"train: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Run(DocumentReader reader, DirectoryInfo? corpusDir, FileInfo? labelsFile, DirectoryInfo? realRootDir, FileInfo? outFile,
        FileInfo? reportFile, TrainerOptions options)
    {
        var repo = RepoRoot();
        var training = new List<LabelledPage>();
        var held = new List<(string Name, List<LabelledPage> Pages)>();

        if (corpusDir is not null)
        {
            var dev = Path.Combine(corpusDir.FullName, "dev");
            var test = Path.Combine(corpusDir.FullName, "test");
            if (Directory.Exists(dev))
            {
                training.AddRange(Log("corpus dev", TrainingData.LoadCorpus(dev, reader, ReaderReadsScans)));
                if (Directory.Exists(test)) held.Add(("corpus test", Log("corpus test", TrainingData.LoadCorpus(test, reader, ReaderReadsScans))));
            }
            else training.AddRange(Log("corpus", TrainingData.LoadCorpus(corpusDir.FullName, reader, ReaderReadsScans)));
        }

        var labelsPath = labelsFile?.FullName ?? (repo is null ? null : Path.Combine(repo, "corpus", "real-labels.csv"));
        if (labelsPath is not null && File.Exists(labelsPath))
        {
            var root = realRootDir?.FullName ?? (repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared", "real")));
            if (root is null || !Directory.Exists(root)) throw new DirectoryNotFoundException($"real PDFs not found (give --real-root): {root}");
            var labels = TrainingData.ReadRealLabels(labelsPath);
            training.AddRange(Log("real training departments", TrainingData.LoadReal(labels.Training, root, reader)));
            if (labels.HoldoutDepartments.Count > 0)
                held.Add(("real held-out departments", Log("real held-out", TrainingData.LoadReal(labels.Holdout, root, reader))));
        }
        else if (labelsFile is not null) throw new FileNotFoundException($"real labels not found: {labelsFile.FullName}");

        if (training.Count == 0) throw new ArgumentException("nothing to train on: give --corpus and/or --real-labels");

        var started = DateTime.UtcNow;
        var (classifier, fit) = ClassifierTrainer.Train(training, options);
        Console.WriteLine($"trained on {training.Count} pages in {(DateTime.UtcNow - started).TotalSeconds:0.0} s: {fit.Iterations} iterations, loss {fit.Loss:0.0000}, converged {fit.Converged}");

        var reports = new List<EvaluationReport> { ClassifierTrainer.Evaluate(classifier, training, "training") };
        reports.AddRange(held.Select(h => ClassifierTrainer.Evaluate(classifier, h.Pages, h.Name)));
        // A rough figure for scans until labelled scans exist: the held-out pages with OCR-like noise at 8 %.
        reports.AddRange(held.Select(h => ClassifierTrainer.Evaluate(classifier,
            ClassifierTrainer.WithNoise(h.Pages, options.Seed + 1, 0.08), h.Name + " with OCR-like noise 8%")));
        foreach (var r in reports)
        {
            Console.WriteLine($"{r.Name}: {r.Confusion.Correct}/{r.Confusion.Total} = {r.Accuracy:P2}");
            foreach (var (page, predicted, conf) in r.Mistakes.Take(40))
                Console.WriteLine($"  {Path.GetFileName(page.Document)} p{page.Content.PageNumber}: {page.Label.Label()} → {predicted.Label()} ({conf:0.00})");
        }
        foreach (var r in reports.Skip(1))
        {
            Console.WriteLine($"\n{r.Name}: confusion matrix");
            Console.Write(r.Confusion.ToMarkdown());
        }

        var record = ClassifierTrainer.Record(training, options, fit, reports, ReaderName);
        var final = new PageClassifier(classifier.Model, classifier.Classes, record);
        var outPath = outFile?.FullName ?? Path.Combine(repo ?? Directory.GetCurrentDirectory(), "models", PageClassifier.DefaultFileName);
        final.Save(outPath);
        Console.WriteLine($"model written to {outPath} ({new FileInfo(outPath).Length / 1024.0:0.0} KB)");

        if (reportFile is not null)
        {
            using var w = new StreamWriter(reportFile.FullName);
            foreach (var r in reports)
            {
                w.WriteLine($"### {r.Name}: {r.Confusion.Correct}/{r.Confusion.Total} = {r.Accuracy:P2}\n");
                w.WriteLine(r.Confusion.ToMarkdown());
                foreach (var e in r.Confusion.Errors()) w.WriteLine($"- {e}");
                w.WriteLine();
            }
        }
        return 0;
    }

    private static List<LabelledPage> Log(string what, List<LabelledPage> pages)
    {
        Console.WriteLine($"{what}: {pages.Count} pages from {pages.Select(p => p.Document).Distinct().Count()} files");
        return pages;
    }

    private static string? RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Extractor.slnx"))) return d.FullName;
        return null;
    }
}
