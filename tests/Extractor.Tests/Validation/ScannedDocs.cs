using Extractor.Domain;
using Extractor.Forms;
using Extractor.Tests.Forms;

namespace Extractor.Tests.Validation;

/// <summary>One-table documents for the repairs: the table's cells as OCR'd (or as the text layer prints them), interpreted.</summary>
internal static class ScannedDocs
{
    public static DocumentResult Interpreted(string spec, FormType form, bool scanned = true)
    {
        var doc = new DocumentResult { FilePath = "/tmp/test.pdf", Sha256 = "0" };
        doc.Pages.Add(TableSpec.Page(1, form, "单位：万元"));
        var t = TableSpec.Parse(spec, page: 1);
        if (scanned) t = t.WithCells(t.Cells.Select(c => c with { Source = CellSource.Ocr }).ToList());
        doc.Tables.Add(t);
        var r = DocumentInterpreter.Interpret(doc.Pages, doc.Tables);
        doc.BudgetLines.AddRange(r.BudgetLines);
        doc.Projects.AddRange(r.Projects);
        doc.Indicators.AddRange(r.Indicators);
        return doc;
    }
}
