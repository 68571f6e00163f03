using System.Diagnostics;
using System.Security.Cryptography;
using Extractor.Domain;
using Extractor.Pdf;
using Extractor.Pipeline;

namespace Extractor.Cli.Processing;

/// <summary>
/// A stand-in pipeline until the full DocumentProcessor is wired in: it opens the PDF and records its pages with
/// their text-layer verdict. It classifies nothing (every page is 其他) and extracts no facts.
/// </summary>
public sealed class BasicDocumentProcessor(PipelineOptions options) : IDocumentProcessor
{
    public DocumentResult Process(string path, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (!info.Exists) throw new ProcessingException("open", $"{info.Name}: file not found");
        string sha = Sha256Of(full);
        PdfDocument pdf;
        try { pdf = PdfDocument.Open(full, options.Password); }
        catch (PdfException ex) { throw new ProcessingException("open", ex.Message, ex); }
        using (pdf)
        {
            var result = new DocumentResult { FilePath = full, Sha256 = sha, SizeBytes = info.Length, PageCount = pdf.PageCount, Producer = pdf.Producer };
            result.StageSeconds["open"] = sw.Elapsed.TotalSeconds;
            for (int i = 0; i < pdf.PageCount; i++)
            {
                ct.ThrowIfCancellationRequested();
                using var page = pdf.GetPage(i);
                string text = page.GetText();
                bool usable = TextLayer.Assess(page.GetGlyphs(), page.WidthPt, page.HeightPt).Usable;
                bool hasImages = page.GetImageBoxes().Count > 0;
                var content = new PageContent
                {
                    PageNumber = i + 1, WidthPt = page.WidthPt, HeightPt = page.HeightPt, Rotation = page.Rotation,
                    TextLayerUsable = usable, Scanned = !usable && hasImages, RawText = text,
                };
                // No classifier here: 其他 with full confidence keeps unclassified pages out of the review queue.
                result.Pages.Add(new ClassifiedPage(content, FormType.Other, 1.0));
            }
            result.StageSeconds["pages"] = sw.Elapsed.TotalSeconds - result.StageSeconds["open"];
            return result;
        }
    }

    public static string Sha256Of(string path)
    {
        using var fs = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }
}
