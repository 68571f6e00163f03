using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Extractor.Domain;
using Extractor.Pdf;
using Extractor.Pipeline;
using Extractor.Tables;

namespace Extractor.Tests.Tables;

/// <summary>
/// Small text-layer PDFs made by LibreOffice from HTML (as the corpus generator makes its documents), read by the
/// real text path. PDFs are cached by content hash so each fixture costs one soffice call per machine.
/// </summary>
internal static class HtmlPdf
{
    private static readonly object Gate = new();

    public static string Make(string bodyHtml)
    {
        var html = $"<html><head><meta charset=\"utf-8\"><style>td {{ padding: 3px 6px; }}</style></head><body>{bodyHtml}</body></html>";
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..16];
        var dir = Path.Combine(Path.GetTempPath(), "extractor-htmlpdf");
        var pdf = Path.Combine(dir, hash + ".pdf");
        lock (Gate)
        {
            if (File.Exists(pdf)) return pdf;
            var work = Path.Combine(dir, hash);
            Directory.CreateDirectory(work);
            var src = Path.Combine(work, hash + ".html");
            File.WriteAllText(src, html);
            // A private profile: another soffice on the machine must not capture or lock this conversion.
            var psi = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { $"-env:UserInstallation=file://{Path.Combine(work, "profile")}", "--headless",
                         "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export", "--outdir", work, src })
                psi.ArgumentList.Add(a);
            using (var p = Process.Start(psi)!)
            {
                p.StandardOutput.ReadToEnd(); p.StandardError.ReadToEnd();
                p.WaitForExit(120_000);
            }
            var made = Path.ChangeExtension(src, ".pdf");
            if (!File.Exists(made)) throw new InvalidOperationException("soffice did not convert the fixture");
            File.Move(made, pdf, overwrite: true);
            Directory.Delete(work, recursive: true);
            return pdf;
        }
    }

    /// <summary>Every page of the PDF read by the text path.</summary>
    public static List<PageContent> Read(string pdfPath)
    {
        var reader = new PageReader(new PipelineOptions());
        using var doc = PdfDocument.Open(pdfPath);
        var pages = new List<PageContent>();
        for (int i = 0; i < doc.PageCount; i++)
        {
            using var page = doc.GetPage(i);
            pages.Add(reader.Read(page, i + 1, () => throw new InvalidOperationException("a text fixture needs no OCR")));
        }
        return pages;
    }

    public static List<PageContent> Read(string bodyHtml, out string pdfPath) => Read(pdfPath = Make(bodyHtml));
}
