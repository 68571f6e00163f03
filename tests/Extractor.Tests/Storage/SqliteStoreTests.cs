using Dapper;
using Extractor.Domain;
using Extractor.Storage;
using Microsoft.Data.Sqlite;

namespace Extractor.Tests.Storage;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("test.db");
    private string Pdf(string name = "预算.pdf") => _dir.File(name);

    private static long Count(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        return c.ExecuteScalar<long>(sql);
    }

    [Fact]
    public void FreshFileGetsLatestSchemaInWalMode()
    {
        using (var store = SqliteStore.Open(Db))
            Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.Equal(Migrations.Latest, Count(Db, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(Migrations.Latest, Count(Db, "SELECT COUNT(*) FROM schema_version"));
        using var c = new SqliteConnection($"Data Source={Db};Pooling=False");
        c.Open();
        Assert.Equal("wal", c.ExecuteScalar<string>("PRAGMA journal_mode"));
        var objects = c.Query<string>("SELECT name FROM sqlite_master").ToHashSet();
        foreach (var t in new[] { "documents", "pages", "tables", "cells", "budget_lines", "projects", "indicators", "validation_issues",
                                  "issue_cells", "corrections", "failures", "subject_codes", "v_budget_lines", "v_indicators" })
            Assert.Contains(t, objects);
        // Opening again applies nothing twice.
        using (var again = SqliteStore.Open(Db)) Assert.Equal(Migrations.Latest, again.SchemaVersion);
        Assert.Equal(Migrations.Latest, Count(Db, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public void A_cell_the_ocr_lexicon_corrected_keeps_the_engines_reading_as_raw_text()
    {
        var doc = SampleDocuments.Budget(Pdf(), "sha-lex");
        var table = doc.Pages[1].Content.Tables[0];
        var cells = table.Cells.ToList();
        int i = cells.FindIndex(c => c.Row == 4 && c.Col == 1);
        cells[i] = cells[i] with { OcrText = "行政运仃" };
        var fixedTable = new Table { Page = table.Page, Index = 0, RowCount = table.RowCount, ColCount = table.ColCount, Cells = cells, Box = table.Box };
        var page = doc.Pages[1];
        doc.Pages[1] = page with { Content = new PageContent
        {
            PageNumber = 2, WidthPt = 595, HeightPt = 842, Scanned = true, RawText = page.Content.RawText, Tables = [fixedTable],
        } };
        using (var store = SqliteStore.Open(Db)) store.SaveDocument(doc);
        using var c = new SqliteConnection($"Data Source={Db};Pooling=False");
        c.Open();
        var row = c.QuerySingle<(string Raw, string Value)>("SELECT raw_text AS Raw, value AS Value FROM cells WHERE page_no = 2 AND row_no = 4 AND col_no = 1");
        Assert.Equal(("行政运仃", "行政运行"), row);
        Assert.Equal(1, Count(Db, "SELECT COUNT(*) FROM cells WHERE raw_text <> value"));
    }

    [Fact]
    public void OldVersionIsMigratedKeepingItsData()
    {
        using (var v1 = SqliteStore.Open(Db, targetVersion: 1))
        {
            Assert.Equal(1, v1.SchemaVersion);
            v1.SaveDocument(SampleDocuments.Budget(Pdf(), "aaa"));
        }
        Assert.Equal(0, Count(Db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'v_budget_lines'"));
        using var store = SqliteStore.Open(Db);
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        var lines = store.QueryBudgetLines(new BudgetLineQuery());
        Assert.Equal(11, lines.Count);
        Assert.All(lines, l => Assert.Equal("某某市财政局", l.UnitName));
        Assert.Contains(lines, l => l.Code == "2130101" && l.Column == "项目支出" && l.Amount == 100.00m);
        Assert.Equal(2, store.Pages().Count);
    }

    [Fact]
    public void NewerSchemaThanProgramIsRefused()
    {
        using (SqliteStore.Open(Db)) { }
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            c.Execute("INSERT INTO schema_version (version, applied_at) VALUES (999, '2030-01-01T00:00:00Z')");
        }
        var ex = Assert.Throws<InvalidOperationException>(() => SqliteStore.Open(Db));
        Assert.Contains("newer", ex.Message);
    }

    [Fact]
    public void SaveStoresEverythingAndReplacesTheEarlierVersion()
    {
        using var store = SqliteStore.Open(Db);
        store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-1"));
        Assert.NotNull(store.FindBySha256("sha-1"));
        Assert.Equal(25, Count(Db, "SELECT COUNT(*) FROM cells"));
        Assert.Equal(1, Count(Db, "SELECT COUNT(*) FROM validation_issues"));
        Assert.Equal(2, Count(Db, "SELECT COUNT(*) FROM issue_cells WHERE cell_id IS NOT NULL"));
        Assert.Equal(11, Count(Db, "SELECT COUNT(*) FROM budget_lines WHERE cell_id IS NOT NULL"));

        store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-2", misread: "97.07"));
        Assert.Single(store.Documents());
        Assert.Null(store.FindBySha256("sha-1"));
        Assert.Equal("sha-2", store.FindByPath(Pdf())!.Sha256);
        Assert.Equal(25, Count(Db, "SELECT COUNT(*) FROM cells"));
        Assert.Equal(2, Count(Db, "SELECT COUNT(*) FROM pages"));
        var line = Assert.Single(store.QueryBudgetLines(new BudgetLineQuery { CodePrefix = "2080501", Column = "基本支出" }));
        Assert.Equal(97.07m, line.Amount);
        // Learned codes: one document has them, however often it was re-ingested.
        var code = Assert.Single(store.SubjectCodes("2080501"));
        Assert.Equal("行政单位离退休", code.Name);
        Assert.Equal("项", code.Level);
        Assert.Equal(1, code.SeenCount);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("cells")]
    [InlineData("budget_lines")]
    [InlineData("facts")]
    public void FailureMidwayLeavesThePreviousVersionIntact(string checkpoint)
    {
        using (var store = SqliteStore.Open(Db))
        {
            store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-1"));
            store.SaveCheckpoint = point => { if (point == checkpoint) throw new IOException("disk on fire at " + point); };
            Assert.Throws<IOException>(() => store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-2", misread: "97.07")));
            store.SaveCheckpoint = null;
        }
        using var reopened = SqliteStore.Open(Db);
        var doc = Assert.Single(reopened.Documents());
        Assert.Equal("sha-1", doc.Sha256);
        Assert.Equal(11, reopened.QueryBudgetLines(new BudgetLineQuery()).Count);
        Assert.Equal(25, Count(Db, "SELECT COUNT(*) FROM cells"));
        Assert.Equal(96.17m, reopened.QueryBudgetLines(new BudgetLineQuery { CodePrefix = "2080501", Column = "基本支出" })[0].Amount);
    }

    [Fact]
    public void ConcurrentWritersFromSeveralConnectionsAllLand()
    {
        using (SqliteStore.Open(Db)) { }
        Parallel.For(0, 4, i =>
        {
            using var s = SqliteStore.Open(Db);
            for (int k = 0; k < 3; k++) s.SaveDocument(SampleDocuments.Budget(Pdf($"doc{i}-{k}.pdf"), $"sha-{i}-{k}"));
        });
        using var store = SqliteStore.Open(Db);
        Assert.Equal(12, store.Documents().Count);
        Assert.Equal(12 * 11, store.QueryBudgetLines(new BudgetLineQuery()).Count);
    }

    [Fact]
    public void CorrectionUpdatesFactAndChecksAndSurvivesReingest()
    {
        using var store = SqliteStore.Open(Db);
        store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-1"));
        var queue = store.ReviewQueue();
        var top = queue[0];
        // The cell in the failed check with the suggestion comes first.
        Assert.Equal(ReviewKind.Cell, top.Kind);
        Assert.Equal((2, 0, 3, 3), (top.Page, top.TableIndex, top.Row, top.Col));
        Assert.Equal("96.17", top.Text);
        Assert.Equal("167.07", top.Suggestion);
        Assert.Single(top.FailedChecks);
        Assert.Equal("2080501 行政单位离退休", top.RowHeader);
        Assert.Equal("基本支出", top.ColumnHeader);

        store.ApplyCorrection(new CorrectionRequest { Path = Pdf(), Page = 2, TableIndex = 0, Row = 3, Col = 3, NewValue = "97.07", Action = CorrectionAction.Type, By = "张三" });
        var fixedLine = store.QueryBudgetLines(new BudgetLineQuery { CodePrefix = "2080501", Column = "基本支出" }).Single();
        Assert.Equal(97.07m, fixedLine.Amount);
        Assert.False(fixedLine.Flagged);
        Assert.Equal(1.0, fixedLine.Confidence);
        Assert.Equal(0, Count(Db, "SELECT COUNT(*) FROM validation_issues WHERE resolved = 0"));
        Assert.DoesNotContain(store.ReviewQueue(), q => q.Kind == ReviewKind.Cell && q.Row == 3 && q.Col == 3);
        var audit = Assert.Single(store.Corrections());
        Assert.Equal(("96.17", "97.07", "张三", "type"), (audit.OldValue, audit.NewValue, audit.CorrectedBy, audit.Action));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", audit.CorrectedAt);

        // The file changes (new sha, same misread by the reader): the new version is stored, the correction re-applied.
        store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-2"));
        var again = store.QueryBudgetLines(new BudgetLineQuery { CodePrefix = "2080501", Column = "基本支出" }).Single();
        Assert.Equal(97.07m, again.Amount);
        Assert.False(again.Flagged);
        Assert.Equal("97.07", again.Raw);
        Assert.Equal("correction", Count(Db, "SELECT COUNT(*) FROM cells WHERE source = 'correction'") == 1 ? "correction" : "missing");
        Assert.Single(store.Corrections(Pdf()));
        Assert.DoesNotContain(store.ReviewQueue(), q => q.Kind == ReviewKind.Cell && q.Row == 3 && q.Col == 3);
    }

    [Fact]
    public void CorrectionsFollowAFileMovedToAnotherFolderButNotANamesake()
    {
        using var store = SqliteStore.Open(Db);
        var moved = _dir.File("new/预算.pdf");
        var namesake = _dir.File("other/预算.pdf");
        store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-1"));
        store.SaveDocument(SampleDocuments.Budget(namesake, "sha-9"));
        store.ApplyCorrection(new CorrectionRequest { Path = Pdf(), Page = 2, TableIndex = 0, Row = 3, Col = 3, NewValue = "97.07", Action = CorrectionAction.Type, By = "t" });
        // The namesake was stored while the original still is: it keeps its own reading.
        store.SaveDocument(SampleDocuments.Budget(namesake, "sha-10"));
        Assert.Equal(96.17m, store.QueryBudgetLines(new BudgetLineQuery { File = namesake, CodePrefix = "2080501", Column = "基本支出" }).Single().Amount);

        // The original goes away (here: its row is replaced by a move) and comes back, changed, from another folder.
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            var id = c.ExecuteScalar<long>("SELECT id FROM documents WHERE path = @p", new { p = Pdf() });
            foreach (var t in new[] { "issue_cells WHERE issue_id IN (SELECT id FROM validation_issues WHERE document_id = @id)", "validation_issues WHERE document_id = @id",
                                      "budget_lines WHERE document_id = @id", "cells WHERE document_id = @id", "tables WHERE document_id = @id",
                                      "pages WHERE document_id = @id", "documents WHERE id = @id" })
                c.Execute("DELETE FROM " + t, new { id });
        }
        store.SaveDocument(SampleDocuments.Budget(moved, "sha-2"));
        Assert.Equal(97.07m, store.QueryBudgetLines(new BudgetLineQuery { File = moved, CodePrefix = "2080501", Column = "基本支出" }).Single().Amount);
    }

    [Fact]
    public void DashCorrectionRemovesTheFactAndPageCorrectionRelabelsThePage()
    {
        using var store = SqliteStore.Open(Db);
        store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-1"));
        store.ApplyCorrection(new CorrectionRequest { Path = Pdf(), Page = 2, TableIndex = 0, Row = 3, Col = 2, NewValue = "—", Action = CorrectionAction.Type, By = "t" });
        Assert.Equal(10, store.QueryBudgetLines(new BudgetLineQuery()).Count);

        var pageItem = Assert.Single(store.ReviewQueue(), q => q.Kind == ReviewKind.Page);
        Assert.Equal((1, "封面目录"), (pageItem.Page, pageItem.FormType));
        store.ApplyCorrection(new CorrectionRequest { Path = Pdf(), Page = 1, NewValue = "文字说明", Action = CorrectionAction.Type, By = "t" });
        Assert.Equal("文字说明", store.Pages()[0].FormType);
        Assert.Throws<ArgumentException>(() => store.ApplyCorrection(new CorrectionRequest { Path = Pdf(), Page = 1, NewValue = "不是表", By = "t" }));
        Assert.DoesNotContain(store.ReviewQueue(), q => q.Kind == ReviewKind.Page);
    }

    [Fact]
    public void IndicatorCorrectionUpdatesTheTargetField()
    {
        using var store = SqliteStore.Open(Db);
        store.SaveDocument(SampleDocuments.Performance(Pdf("绩效.pdf"), "p-1"));
        var item = store.ReviewQueue().First(q => q.Kind == ReviewKind.Cell);
        Assert.Equal("群众满意度", item.Text);
        store.ApplyCorrection(new CorrectionRequest { Path = Pdf("绩效.pdf"), Page = 1, TableIndex = 0, Row = 2, Col = 3, NewValue = "≥90%", Action = CorrectionAction.Type, By = "t" });
        var ind = store.QueryIndicators(new IndicatorQuery { Keyword = "满意度" }).Single();
        Assert.Equal("≥90%", ind.Target);
        Assert.False(ind.Flagged);
    }

    [Fact]
    public void ViewsCarryUnitYearKindFormFileAndPage()
    {
        using var store = SqliteStore.Open(Db);
        store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-1"));
        store.SaveDocument(SampleDocuments.Performance(Pdf("绩效.pdf"), "p-1"));
        var r = store.QueryReadOnly("SELECT unit_name, year, kind, form, file, page, code, name, column_path, amount FROM v_budget_lines WHERE code = '2130101' AND column_path = '合计'");
        var row = Assert.Single(r.Rows);
        Assert.Equal(new object?[] { "某某市财政局", 2024L, "预算", "支出总表", "预算.pdf", 2L, "2130101", "行政运行", "合计", 100.0 }, row);
        var ind = store.QueryReadOnly("SELECT unit_name, year, form, file, page, project, period, level1, level2, name, target FROM v_indicators ORDER BY name");
        Assert.Equal(2, ind.Rows.Count);
        Assert.Equal(new object?[] { "某某县教育局", 2025L, "绩效目标表", "绩效.pdf", 1L, "教师培训项目", "年度", "产出指标", "数量指标", "培训人次", "≥500人次" }, ind.Rows[0]);

        Assert.Single(store.QueryIndicators(new IndicatorQuery { Unit = "教育", Year = 2025, Form = "绩效目标表", Project = "培训", Keyword = "人次" }));
        Assert.Empty(store.QueryIndicators(new IndicatorQuery { Year = 2024 }));
        Assert.Equal(3, store.QueryBudgetLines(new BudgetLineQuery { NameKeyword = "行政运行" }).Count);
        Assert.Equal(5, store.QueryBudgetLines(new BudgetLineQuery { CodePrefix = "208", Form = "ExpenditureSummary" }).Count);
    }

    [Theory]
    [InlineData("DELETE FROM documents")]
    [InlineData("UPDATE budget_lines SET amount_wan = 0")]
    [InlineData("WITH x AS (SELECT 1) DELETE FROM documents")]
    [InlineData("SELECT 1; DELETE FROM documents")]
    [InlineData("-- harmless\nDROP TABLE documents")]
    [InlineData("ATTACH DATABASE 'x.db' AS x")]
    public void ReadOnlySqlRejectsWrites(string sql)
    {
        using var store = SqliteStore.Open(Db);
        store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-1"));
        Assert.Throws<ReadOnlyQueryException>(() => store.QueryReadOnly(sql));
        Assert.Single(store.Documents());
        Assert.Equal(11, store.QueryBudgetLines(new BudgetLineQuery()).Count);
    }

    [Fact]
    public void ReadOnlySqlAnswersSelectsWithSemicolonsInLiterals()
    {
        using var store = SqliteStore.Open(Db);
        store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-1"));
        var r = store.QueryReadOnly("SELECT COUNT(*) AS n, 'a;b' AS s FROM budget_lines;");
        Assert.Equal(new[] { "n", "s" }, r.Columns);
        Assert.Equal(new object?[] { 11L, "a;b" }, r.Rows[0]);
    }

    [Fact]
    public void FailuresAreRecordedAndClearedWhenTheFileLaterSucceeds()
    {
        using var store = SqliteStore.Open(Db);
        store.RecordFailure(Pdf(), "open", "PDF document is damaged");
        store.RecordFailure(Pdf("other.pdf"), "crash", "worker exited with code 134");
        Assert.Equal(2, store.Failures().Count);
        store.SaveDocument(SampleDocuments.Budget(Pdf(), "sha-1"));
        var f = Assert.Single(store.Failures());
        Assert.Equal(("other.pdf", "crash"), (f.FileName, f.Stage));

        var stats = store.Stats();
        Assert.Equal(1, stats.Documents);
        Assert.Equal(11, stats.BudgetLines);
        Assert.Equal(3, stats.CellsAwaitingReview);   // two flagged cells and the 类 total in the same failed check
        Assert.Equal(1, stats.PagesAwaitingReview);
        Assert.Contains(stats.PagesByForm, p => p.Key == "支出总表" && p.Count == 1);
        Assert.Contains(stats.ByUnitYear, u => u.UnitName == "某某市财政局" && u.Year == 2024 && u.BudgetLines == 11);
    }
}
