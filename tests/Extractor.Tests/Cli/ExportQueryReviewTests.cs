using System.Buffers.Binary;
using System.Text.Json;
using Extractor.Cli.Output;
using Extractor.Cli.Review;
using Extractor.Domain;
using Extractor.Storage;
using Extractor.Tests.Storage;

namespace Extractor.Tests.Cli;

/// <summary>export, query, review and stats against a real SQLite file filled with known pipeline results.</summary>
public sealed class ExportQueryReviewTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("x.db");
    private string BudgetPdf => _dir.File("预算.pdf");
    private string PerfPdf => _dir.File("绩效.pdf");

    private void Fill()
    {
        using var store = SqliteStore.Open(Db);
        store.SaveDocument(SampleDocuments.Budget(BudgetPdf, "b-1"));
        store.SaveDocument(SampleDocuments.Performance(PerfPdf, "p-1"));
    }

    [Fact]
    public void JsonlExportKeepsTheContractFieldNames()
    {
        Fill();
        var run = CliRunner.Run(_dir.Path, ["export", "--db", "x.db", "--format", "jsonl", "--out", "all.jsonl"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(_dir.File("all.jsonl"));
        var records = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

        string[] page = ["type", "file", "page", "form_type", "scanned", "confidence"];
        string[] fact = ["type", "file", "page", "form_type", "unit_name", "year", "confidence", "flagged", "raw"];
        string[] budget = [.. fact, "code", "name", "column", "amount"];
        string[] indicator = [.. fact, "project", "period", "level1", "level2", "name", "target", "actual", "weight", "score"];

        var pages = records.Where(r => r.GetProperty("type").GetString() == "page").ToList();
        var lines_ = records.Where(r => r.GetProperty("type").GetString() == "budget_line").ToList();
        var inds = records.Where(r => r.GetProperty("type").GetString() == "indicator").ToList();
        Assert.Equal(3, pages.Count);
        Assert.Equal(11, lines_.Count);
        Assert.Equal(2, inds.Count);
        Assert.Equal(records.Count, pages.Count + lines_.Count + inds.Count);
        Assert.All(pages, p => Assert.Equal(page, Keys(p)));
        Assert.All(lines_, l => Assert.Equal(budget, Keys(l)));
        Assert.All(inds, i => Assert.Equal(indicator, Keys(i)));

        var scanned = pages.Single(p => p.GetProperty("file").GetString() == "预算.pdf" && p.GetProperty("page").GetInt32() == 2);
        Assert.Equal("支出总表", scanned.GetProperty("form_type").GetString());
        Assert.Equal(JsonValueKind.True, scanned.GetProperty("scanned").ValueKind);
        var line = lines_.Single(l => l.GetProperty("code").GetString() == "2130101" && l.GetProperty("column").GetString() == "合计");
        Assert.Equal(100.00m, line.GetProperty("amount").GetDecimal());
        Assert.Equal("行政运行", line.GetProperty("name").GetString());
        Assert.Equal("某某市财政局", line.GetProperty("unit_name").GetString());
        Assert.Equal(2024, line.GetProperty("year").GetInt32());
        Assert.Equal(JsonValueKind.False, line.GetProperty("flagged").ValueKind);
        // Printed zeros are values.
        Assert.Contains(lines_, l => l.GetProperty("raw").GetString() == "0" && l.GetProperty("amount").GetDecimal() == 0m);
        var total = lines_.Single(l => l.GetProperty("name").GetString() == "合计" && l.GetProperty("column").GetString() == "合计");
        Assert.Equal(JsonValueKind.Null, total.GetProperty("code").ValueKind);
        var ind = inds.Single(i => i.GetProperty("name").GetString() == "培训人次");
        Assert.Equal(("教师培训项目", "年度", "产出指标", "数量指标", "≥500人次"),
            (ind.GetProperty("project").GetString(), ind.GetProperty("period").GetString(), ind.GetProperty("level1").GetString(),
             ind.GetProperty("level2").GetString(), ind.GetProperty("target").GetString()));
        Assert.Equal(JsonValueKind.Null, ind.GetProperty("actual").ValueKind);
        Assert.Contains("\"≥500人次\"", lines.Single(l => l.Contains("培训人次")));   // Chinese as printed, not \u escapes
        Assert.Equal(ExportWriter.BudgetLineFields, budget);
        Assert.Equal(ExportWriter.IndicatorFields, indicator);
        Assert.Equal(ExportWriter.PageFields, page);

        var csv = CliRunner.Run(_dir.Path, ["export", "--db", "x.db", "--format", "csv"]);
        Assert.True(csv.ExitCode == 0, csv.ToString());
        var csvLines = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 3 + 11 + 2, csvLines.Length);
        Assert.StartsWith("type,file,page,form_type,scanned,confidence,unit_name,year,flagged,raw,code,name,column,amount,project,period,level1,level2,target,actual,weight,score", csvLines[0]);
    }

    [Fact]
    public void QueriesFilterAndSqlIsReadOnly()
    {
        Fill();
        var json = CliRunner.Run(_dir.Path, ["query", "lines", "--db", "x.db", "--code", "208", "--column", "基本支出", "--format", "json"]);
        Assert.True(json.ExitCode == 0, json.ToString());
        var rows = JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["208", "2080501"], rows.Select(r => r.GetProperty("code").GetString()!).Order().ToArray());

        var ind = CliRunner.Run(_dir.Path, ["query", "indicators", "满意度", "--db", "x.db", "--year", "2025", "--format", "csv"]);
        Assert.True(ind.ExitCode == 0, ind.ToString());
        Assert.Contains("群众满意度", ind.Stdout);
        Assert.DoesNotContain("培训人次", ind.Stdout);

        var codes = CliRunner.Run(_dir.Path, ["query", "codes", "--db", "x.db", "--code", "2080"]);
        Assert.True(codes.ExitCode == 0, codes.ToString());
        Assert.Contains("行政单位离退休", codes.Stdout);

        var sql = CliRunner.Run(_dir.Path, ["query", "sql", "SELECT form, COUNT(*) AS n FROM v_budget_lines GROUP BY form", "--db", "x.db", "--format", "csv"]);
        Assert.True(sql.ExitCode == 0, sql.ToString());
        Assert.Contains("支出总表,11", sql.Stdout);

        var write = CliRunner.Run(_dir.Path, ["query", "sql", "DELETE FROM budget_lines", "--db", "x.db"]);
        Assert.Equal(2, write.ExitCode);
        Assert.Contains("rejected", write.Stderr);
        using var store = SqliteStore.Open(Db);
        Assert.Equal(11, store.QueryBudgetLines(new BudgetLineQuery()).Count);

        var missing = CliRunner.Run(_dir.Path, ["query", "lines", "--db", "nope.db"]);
        Assert.Equal(1, missing.ExitCode);
        Assert.False(File.Exists(_dir.File("nope.db")));
    }

    [Fact]
    public void ReviewDrivenThroughStdinKeepsAnAuditTrail()
    {
        Fill();
        // Queue: p2 r3 c3 (suggestion 167.07), p2 r2 c3 (same check), p2 r3 c2 (flagged), 绩效 r2 c2 (flagged), page 1 (封面目录 0.45).
        string script = string.Join("\n", "?", "a", "s", "b", "c", "t", "96.71", "q") + "\n";
        var run = CliRunner.Run(_dir.Path, ["review", "--db", "x.db", "--reviewer", "李四", "--no-images"], stdin: script);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("[1/5] 预算.pdf  page 2 (支出总表)  table 0 row 3 col 3", run.Stdout);
        Assert.Contains("suggestion (建议): 167.07", run.Stdout);
        Assert.Contains("class-sum", run.Stdout);
        Assert.Contains("keys: a = accept", run.Stdout);
        Assert.Contains("review: 1 accepted, 1 typed, 1 confirmed, 1 skipped", run.Stdout);

        using var store = SqliteStore.Open(Db);
        var audit = store.Corrections();
        Assert.Equal(3, audit.Count);
        Assert.Equal(("accept", "96.17", "167.07", 3, 3), (audit[0].Action, audit[0].OldValue, audit[0].NewValue, audit[0].Row, audit[0].Col));
        Assert.Equal(("confirm", "167.07", "167.07", 2, 3), (audit[1].Action, audit[1].OldValue, audit[1].NewValue, audit[1].Row, audit[1].Col));
        Assert.Equal(("type", "96.17", "96.71", 3, 2), (audit[2].Action, audit[2].OldValue, audit[2].NewValue, audit[2].Row, audit[2].Col));
        Assert.All(audit, a => Assert.Equal("李四", a.CorrectedBy));
        Assert.All(audit, a => Assert.Equal(Path.GetFullPath(BudgetPdf), a.DocPath));

        var lines = store.QueryBudgetLines(new BudgetLineQuery { CodePrefix = "2080501" });
        Assert.Equal(167.07m, lines.Single(l => l.Column == "基本支出").Amount);
        Assert.Equal(96.71m, lines.Single(l => l.Column == "合计").Amount);
        Assert.All(lines, l => Assert.False(l.Flagged));
        // What was not decided is still queued (the indicator cell, the page); decided cells are not. The checks were
        // re-run: the values typed here do not add up, so other cells of the failing checks are queued now.
        var left = store.ReviewQueue();
        Assert.Contains(left, q => q.Kind == ReviewKind.Page && q.Page == 1);
        Assert.Contains(left, q => q.File == "绩效.pdf" && q.Row == 2);
        Assert.DoesNotContain(left, q => q.File == "预算.pdf" && q.Kind == ReviewKind.Cell && (q.Row, q.Col) is (3, 3) or (2, 3) or (3, 2));
        Assert.Contains(left, q => q.File == "预算.pdf" && q.Kind == ReviewKind.Cell && q.FailedChecks.Count > 0);
    }

    [Fact]
    public void ReviewExportAndApplyRoundTrip()
    {
        Fill();
        var export = CliRunner.Run(_dir.Path, ["review", "--db", "x.db", "--export", "queue.csv"]);
        Assert.True(export.ExitCode == 0, export.ToString());
        var rows = File.ReadAllLines(_dir.File("queue.csv")).ToList();
        Assert.Equal(1 + 5, rows.Count);
        Assert.StartsWith("\uFEFFkind,file,path,page,form_type,table,row,col,row_header,column_header,text,confidence,amount,suggestion,failed_checks,new_value", rows[0]);
        // The reviewer fills new_value in a spreadsheet: the suggested cell, and the page's form type.
        int cellRow = rows.FindIndex(r => r.Contains(",3,3,") && r.StartsWith("cell"));
        int pageRow = rows.FindIndex(r => r.StartsWith("page"));
        rows[cellRow] += "167.07";
        rows[pageRow] += "文字说明";
        File.WriteAllLines(_dir.File("queue.csv"), rows);

        var apply = CliRunner.Run(_dir.Path, ["review", "--db", "x.db", "--apply", "queue.csv", "--reviewer", "王五"]);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("2 corrected", apply.Stdout);
        using var store = SqliteStore.Open(Db);
        Assert.Equal(167.07m, store.QueryBudgetLines(new BudgetLineQuery { CodePrefix = "2080501", Column = "基本支出" }).Single().Amount);
        Assert.Equal("文字说明", store.Pages("预算.pdf")[0].FormType);
        Assert.All(store.Corrections(), c => Assert.Equal(("apply", "王五"), (c.Action, c.CorrectedBy)));
    }

    [Fact]
    public void StatsSummarisesUnitsFormsReviewAndFailures()
    {
        Fill();
        using (var store = SqliteStore.Open(Db)) store.RecordFailure(_dir.File("坏.pdf"), "open", "the PDF is damaged");
        var run = CliRunner.Run(_dir.Path, ["stats", "--db", "x.db"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("documents 2", run.Stdout);
        Assert.Contains("某某市财政局", run.Stdout);
        Assert.Contains("某某县教育局", run.Stdout);
        Assert.Contains("支出总表", run.Stdout);
        Assert.Contains("awaiting review (待复核): 4 cells, 1 pages", run.Stdout);
        Assert.Contains("坏.pdf", run.Stdout);
    }

    [Fact]
    public void ReviewRendersTheCellImageFromTheRealPage()
    {
        // A scan-like PDF with a black block where the stored cell box says the cell is.
        var pdf = _dir.File("scan.pdf");
        var img = new Imaging.GrayImage(600, 800, 144);   // 300 x 400 pt
        for (int y = 200; y < 240; y++) for (int x = 100; x < 300; x++) img[x, y] = 0;
        Pdf.ImagePdfWriter.Write(pdf, [new Imaging.GrayImage(600, 800, 144), img]);   // the sample's table is on page 2
        var doc = SampleDocuments.Budget(pdf, "s-1");
        using var store = SqliteStore.Open(Db);
        store.SaveDocument(doc);
        var item = store.ReviewQueue().First(q => q.Kind == ReviewKind.Cell) with { Box = new Box(50, 100, 100, 20) };

        var renderer = new CellImageRenderer(_dir.File("review-images"));
        var png = renderer.Render(item);
        Assert.True(File.Exists(png), png);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        int w = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), h = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        // (100 + 12) x (20 + 12) pt at 150 dpi.
        Assert.InRange(w, 230, 236);
        Assert.InRange(h, 64, 70);
        // The page render the crop came from: ink where the block is.
        using var pdfDoc = Pdf.PdfDocument.Open(pdf);
        using var page = pdfDoc.GetPage(1);
        var render = page.Render(150);
        Assert.True(render[(int)render.PtToPx(100), (int)render.PtToPx(110)] < 100);

        var pageItem = store.ReviewQueue().First(q => q.Kind == ReviewKind.Page);
        Assert.True(File.Exists(renderer.Render(pageItem)));
    }
}
