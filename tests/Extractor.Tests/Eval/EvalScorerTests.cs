using Extractor.Domain;
using Extractor.Eval;

namespace Extractor.Tests.Eval;

public class EvalScorerTests
{
    private static TruthDocument Truth() => new()
    {
        File = "a.pdf",
        Pages =
        [
            new TruthPage { Page = 1, FormType = "支出总表", Scanned = false, Tables = [ new TruthTable { Rows = 2, Cols = 2, Cells =
                [ new TruthCell { Row = 0, Col = 0, ColSpan = 2, Text = "科目名称" }, new TruthCell { Row = 1, Col = 0, Text = "教育支出" }, new TruthCell { Row = 1, Col = 1, Text = "12.50" } ] } ] },
            new TruthPage { Page = 2, FormType = "绩效目标表", Scanned = true },
        ],
        BudgetLines = [ new TruthBudgetLine { Page = 1, FormType = "支出总表", Code = "205", Name = "教育支出", Column = "合计", Amount = 12.5m } ],
        Indicators = [ new TruthIndicator { Page = 2, FormType = "绩效目标表", Project = "P", Level1 = "产出指标", Level2 = "数量指标", Name = "培训人次", Target = "≥100人次" } ],
    };

    private static DocumentResult Result(string amountText, decimal amount, bool flagged, FormType page2)
    {
        var table = new Table
        {
            Page = 1, Index = 0, RowCount = 2, ColCount = 2,
            Cells = [ new Cell(0, 0, 1, 2, default, "科目 名称", 1, CellSource.TextLayer), new Cell(1, 0, 1, 1, default, "教育支出", 1, CellSource.TextLayer), new Cell(1, 1, 1, 1, default, amountText, 1, CellSource.TextLayer) ],
        };
        var r = new DocumentResult { FilePath = "a.pdf", Sha256 = "x" };
        r.Pages.Add(new ClassifiedPage(new PageContent { PageNumber = 1, Tables = [table] }, FormType.ExpenditureSummary, 0.9));
        r.Pages.Add(new ClassifiedPage(new PageContent { PageNumber = 2, Scanned = true }, page2, 0.9));
        r.BudgetLines.Add(new BudgetLine { Form = FormType.ExpenditureSummary, Code = "205", Name = "教育 支出", Column = "合计", RawText = amountText, AmountWan = amount, Cell = new CellRef(1, 0, 1, 1), Flagged = flagged });
        r.Indicators.Add(new Indicator { Form = FormType.PerformanceTarget, Project = "P", Level1 = "产出指标", Level2 = "数量指标", Name = "培训人次", Target = "≥100人次", Cell = new CellRef(2, 0, 3, 2) });
        return r;
    }

    [Fact]
    public void A_perfect_result_scores_full_marks_on_every_measure()
    {
        var report = new EvalReport();
        EvalScorer.ScoreDocument(report, Truth(), Result("12.50", 12.5m, false, FormType.PerformanceTarget));
        Assert.Equal(1.0, report.Text.FormType.Value);
        Assert.Equal(1.0, report.Scanned.FormType.Value);
        Assert.Equal(1.0, report.Text.Structure.Value);
        Assert.Equal(1.0, report.Text.NumericCells.Value);
        Assert.Equal(1.0, report.Text.ChineseCells.Value);
        Assert.Equal(1.0, report.Text.BudgetLines.F1);
        Assert.Equal(1.0, report.Scanned.Indicators.F1);
        Assert.Null(report.Text.WrongFlagged.Value);
        Assert.Empty(report.Mismatches);
    }

    [Fact]
    public void A_wrong_digit_and_a_wrong_label_are_counted_and_the_flag_is_credited()
    {
        var report = new EvalReport();
        EvalScorer.ScoreDocument(report, Truth(), Result("12.60", 12.6m, true, FormType.PerformanceSelfEvaluation));
        Assert.Equal(0.0, report.Scanned.FormType.Value);
        Assert.Equal(0.0, report.Text.NumericCells.Value);
        Assert.Equal(0.0, report.Text.BudgetLines.F1);
        Assert.Equal(1.0, report.Text.WrongFlagged.Value);
        Assert.Equal(1.0, report.Text.FlaggedWrong.Value);
        Assert.Contains("绩效目标表 → 绩效自评表", EvalReportWriter.ConfusionTable(report));
        Assert.Contains("\"budget_lines\"", EvalReportWriter.ToJson(report));
    }

    [Fact]
    public void Every_wrong_label_cell_and_fact_is_listed_with_what_was_expected_and_what_came()
    {
        var report = new EvalReport();
        EvalScorer.ScoreDocument(report, Truth(), Result("12.60", 12.6m, true, FormType.PerformanceSelfEvaluation));
        Assert.Contains(report.Mismatches, m => m is { Kind: "form", Page: 2, Scanned: true, Expected: "绩效目标表", Got: "绩效自评表" });
        Assert.Contains(report.Mismatches, m => m is { Kind: "numeric", Page: 1, Expected: "12.50", Got: "12.60" });
        Assert.Contains(report.Mismatches, m => m.Kind == "budget-wrong-flagged" && m.Got.EndsWith("12.60"));
        Assert.Contains(report.Mismatches, m => m.Kind == "budget-missed" && m.Expected.EndsWith("12.50"));
        Assert.Equal(4, report.Mismatches.Count);
        var tsv = EvalReportWriter.MismatchesTsv(report).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, tsv.Length);
        Assert.All(tsv, line => Assert.Equal(6, line.Split('\t').Length));
    }
}
