using Dapper;
using Extractor.Domain;
using Extractor.Facts;
using Extractor.Storage;
using Extractor.Validation;
using Microsoft.Data.Sqlite;

namespace Extractor.Tests.Storage;

public sealed class RevalidationTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("x.db");
    private string Pdf => _dir.File("预算.pdf");

    /// <summary>The sample with the 合计 column right (97.07) and only the 基本支出 cell misread (96.17).</summary>
    private DocumentResult MisreadBasic()
    {
        var doc = SampleDocuments.Budget(Pdf, "sha-1");
        var fixedTotal = doc.BudgetLines.FindIndex(l => l.Code == "2080501" && l.Column == "合计");
        doc.BudgetLines[fixedTotal] = doc.BudgetLines[fixedTotal] with { RawText = "97.07", AmountAsPrinted = 97.07m, AmountWan = 97.07m, Flagged = false, Confidence = 0.97 };
        doc.Issues.Clear();
        doc.Issues.AddRange(DocumentValidator.Validate(doc, new SubjectCodeDictionary()));
        return doc;
    }

    [Fact]
    public void LoadDocumentGivesBackWhatWasSaved()
    {
        var doc = SampleDocuments.Budget(Pdf, "sha-1");
        using var store = SqliteStore.Open(Db);
        store.SaveDocument(doc);
        var back = store.LoadDocument(Pdf)!;
        Assert.Equal(doc.Info, back.Info);
        Assert.Equal(doc.Pages.Select(p => (p.Content.PageNumber, p.FormType, p.Content.Scanned)), back.Pages.Select(p => (p.Content.PageNumber, p.FormType, p.Content.Scanned)));
        var table = Assert.Single(back.Tables);
        Assert.Equal(doc.Pages[1].Content.Tables[0].ToGrid(), table.ToGrid());
        Assert.Equal(doc.BudgetLines.Select(l => (l.Cell, l.Code, l.Name, l.Column, l.AmountWan, l.Flagged)),
                     back.BudgetLines.Select(l => (l.Cell, l.Code, l.Name, l.Column, l.AmountWan, l.Flagged)));
        Assert.Same(table, back.Pages[1].Content.Tables[0]);
    }

    [Fact]
    public void CorrectionReRunsTheDocumentValidator()
    {
        var doc = MisreadBasic();
        var failing = doc.Issues.Where(i => i.Cells.Contains(new CellRef(2, 0, 3, 3))).ToList();
        Assert.NotEmpty(failing);   // the validator sees 合计 ≠ 基本支出 + 项目支出 on that row

        using var store = SqliteStore.Open(Db);
        store.Revalidator = d => DocumentValidator.Validate(d, new SubjectCodeDictionary());
        store.SaveDocument(doc);
        long Open() { using var c = new SqliteConnection($"Data Source={Db};Pooling=False"); c.Open(); return c.ExecuteScalar<long>("SELECT COUNT(*) FROM validation_issues WHERE resolved = 0"); }
        long before = Open();
        Assert.True(before > 0);

        store.ApplyCorrection(new CorrectionRequest { Path = Pdf, Page = 2, TableIndex = 0, Row = 3, Col = 3, NewValue = "97.07", Action = CorrectionAction.Type, By = "t" });
        // Every check passes again with the corrected cell: nothing left open, nothing of that row in the queue.
        Assert.Equal(DocumentValidator.Validate(store.LoadDocument(Pdf)!, new SubjectCodeDictionary()).Count, Open());
        Assert.True(Open() < before);
        Assert.DoesNotContain(store.ReviewQueue(), q => q.Kind == ReviewKind.Cell && q.Row == 3 && q.FailedChecks.Count > 0);
    }
}
