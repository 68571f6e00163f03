using System.Diagnostics;
using Extractor.Classification;
using Extractor.Domain;
using Extractor.Facts;
using Extractor.Forms;
using Extractor.Ocr;
using Extractor.Pdf;
using Extractor.Tables;
using Extractor.Validation;

namespace Extractor.Pipeline;

/// <summary>
/// Runs every stage over one PDF: read pages (text layer or OCR) → classify → join continued tables →
/// interpret forms → validate. One processor per worker: it holds one OCR engine, created on the first page
/// that needs it, and opens one Poppler document at a time.
/// </summary>
public sealed class DocumentProcessor : IDocumentProcessor, IDisposable
{
    /// <summary>Facts read with less confidence than this are flagged for review even when every check passes.</summary>
    public const double LowConfidence = 0.6;

    private readonly PipelineOptions _options;
    private readonly PageReader _reader;
    private readonly PageClassifier _classifier;
    private readonly SubjectCodeDictionary _codes;
    private readonly OcrLexicon _lexicon;
    private OcrEngine? _ocr;

    public DocumentProcessor(PipelineOptions options)
    {
        _options = options;
        _reader = new PageReader(options);
        _classifier = (options.ClassifierModelPath is { } p ? PageClassifier.Load(p) : PageClassifier.LoadDefault())
            ?? throw new FileNotFoundException($"page classifier model not found ({PageClassifier.DefaultFileName}); run `extractor train` or set {PageClassifier.ModelsEnvironmentVariable}");
        _codes = SubjectCodeDictionary.LoadDefault();
        _lexicon = new OcrLexicon(_codes);
    }

    public DocumentResult Process(string path, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new ProcessingException("open", $"{Path.GetFileName(full)}: file not found");
        string sha = FileHash.Sha256Of(full);

        PdfDocument pdf;
        try { pdf = PdfDocument.Open(full, _options.Password); }
        catch (PdfException ex) { throw new ProcessingException("open", ex.Message, ex); }
        using (pdf)
        {
            var result = new DocumentResult
            {
                FilePath = full, Sha256 = sha, SizeBytes = new FileInfo(full).Length, PageCount = pdf.PageCount, Producer = pdf.Producer,
            };
            Lap(result, "open", clock);

            IReadOnlyList<PageContent> pages = DocumentPages.Read(pdf, _reader, Ocr, result.StageSeconds, ct);
            clock.Restart();
            pages = _lexicon.Apply(pages);
            Lap(result, "correct", clock);

            // Headers and 合计 labels are repaired once pages have their form: only budget forms' headers are a closed
            // set, and only their classes add up to a total. The unit's name and the texts a document repeats are known
            // once all pages are read.
            result.Pages.AddRange(CellTextConsensus.Apply(UnitNameReadings.Apply(TotalRowRepair.Apply(ColumnHeaderRepair.Apply(_classifier.Classify(pages))))));
            Lap(result, "classify", clock);

            result.Tables.AddRange(TableJoiner.Join(result.Pages.Select(p => p.Content).ToList()));
            var interpretation = DocumentInterpreter.Interpret(result.Pages, result.Tables);
            result.Info = interpretation.Info;
            result.BudgetLines.AddRange(interpretation.BudgetLines);
            result.Projects.AddRange(interpretation.Projects);
            result.Indicators.AddRange(interpretation.Indicators);
            Lap(result, "interpret", clock);

            // Amounts a scan misread where several of the form's sums agree on what they are, and a score its
            // project's total tells; flagged for review.
            var repairs = ArithmeticRepair.Apply(result);
            repairs.AddRange(ScoreRepair.Apply(result));
            var issues = DocumentValidator.Validate(result, _codes);
            issues.AddRange(repairs);
            issues.AddRange(ReadingPlausibility.Check(result, _codes));
            result.Issues.AddRange(issues);
            DocumentValidator.Apply(result, issues);
            FlagLowConfidence(result);
            Lap(result, "validate", clock);
            return result;
        }
    }

    private OcrEngine Ocr() => _ocr ??= new OcrEngine("chi_sim+eng", _options.TessdataPath);

    /// <summary>A fact read with low confidence goes to review even when its checks pass.</summary>
    private static void FlagLowConfidence(DocumentResult r)
    {
        for (int i = 0; i < r.BudgetLines.Count; i++)
            if (r.BudgetLines[i].Confidence < LowConfidence && !r.BudgetLines[i].Flagged)
                r.BudgetLines[i] = r.BudgetLines[i] with { Flagged = true };
        for (int i = 0; i < r.Indicators.Count; i++)
            if (r.Indicators[i].Confidence < LowConfidence && !r.Indicators[i].Flagged)
                r.Indicators[i] = r.Indicators[i] with { Flagged = true };
    }

    private static void Lap(DocumentResult r, string stage, Stopwatch clock)
    {
        r.StageSeconds[stage] = r.StageSeconds.GetValueOrDefault(stage) + clock.Elapsed.TotalSeconds;
        clock.Restart();
    }

    public void Dispose() => _ocr?.Dispose();
}
