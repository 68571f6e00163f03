using Extractor.Domain;
using Extractor.Ocr;
using Extractor.Pdf;
using Extractor.Tables;

namespace Extractor.Pipeline;

/// <summary>Every page of a PDF through the reading stage (text layer or OCR), as the pipeline reads them.</summary>
public static class DocumentPages
{
    /// <summary>
    /// Reads a whole file with its own OCR engine (made only if a page needs it); thread-safe, so callers may read
    /// several files at once (the classifier's training reads the corpus this way).
    /// </summary>
    public static IReadOnlyList<PageContent> Read(string path, PipelineOptions options)
    {
        using var pdf = PdfDocument.Open(path, options.Password);
        OcrEngine? ocr = null;
        try { return Read(pdf, new PageReader(options), () => ocr ??= new OcrEngine("chi_sim+eng", options.TessdataPath)); }
        finally { ocr?.Dispose(); }
    }

    /// <summary>Reads the pages of an open document; a page that fails raises <see cref="ProcessingException"/> naming it.</summary>
    public static List<PageContent> Read(PdfDocument pdf, PageReader reader, Func<OcrEngine> ocr,
        IDictionary<string, double>? stageSeconds = null, CancellationToken ct = default)
    {
        var pages = new List<PageContent>(pdf.PageCount);
        for (int i = 0; i < pdf.PageCount; i++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var page = pdf.GetPage(i);
                pages.Add(reader.Read(page, i + 1, ocr, stageSeconds));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ProcessingException("read", $"page {i + 1}: {ex.Message}", ex);
            }
        }
        return pages;
    }
}
