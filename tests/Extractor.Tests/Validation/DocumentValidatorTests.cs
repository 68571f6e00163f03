using Extractor.Domain;
using Extractor.Facts;
using Extractor.Forms;
using Extractor.Tests.Forms;
using Extractor.Validation;
using R = Extractor.Validation.DocumentValidator.Rules;

namespace Extractor.Tests.Validation;

public class DocumentValidatorTests
{
    private static readonly SubjectCodeDictionary Dict = SubjectCodeDictionary.LoadDefault();

    /// <summary>A document of the given tables (one per page), read by the interpreters.</summary>
    private static DocumentResult Doc(params (string Spec, FormType Form)[] tables) => DocWithUnit("万元", tables);

    private static DocumentResult DocWithUnit(string unit, params (string Spec, FormType Form)[] tables)
    {
        var doc = new DocumentResult { FilePath = "/tmp/test.pdf", Sha256 = "0" };
        for (int i = 0; i < tables.Length; i++)
        {
            doc.Pages.Add(TableSpec.Page(i + 1, tables[i].Form, $"单位：{unit}"));
            doc.Tables.Add(TableSpec.Parse(tables[i].Spec, page: i + 1));
        }
        var r = DocumentInterpreter.Interpret(doc.Pages, doc.Tables);
        doc.BudgetLines.AddRange(r.BudgetLines);
        doc.Projects.AddRange(r.Projects);
        doc.Indicators.AddRange(r.Indicators);
        return doc;
    }

    private static string Replace(string spec, string row, string from, string to)
    {
        var lines = spec.Split('\n');
        int i = Array.FindIndex(lines, l => l.Contains(row));
        Assert.True(i >= 0, $"row {row} not in fixture");
        var cells = lines[i].Split('|');
        int c = Array.FindIndex(cells, x => x.Trim() == from);
        Assert.True(c >= 0, $"{from} not in row {row}");
        cells[c] = " " + to + " ";
        lines[i] = string.Join('|', cells);
        return string.Join('\n', lines);
    }

    private static void AssertClean(DocumentResult doc)
    {
        var issues = DocumentValidator.Validate(doc, Dict);
        Assert.True(issues.Count == 0, string.Join("\n", issues.Select(i => $"{i.Rule}: {i.Message} ({i.Actual} vs {i.Expected})")));
    }

    private static (string, FormType)[] Yq001 =>
    [
        (Fixtures.YqIncomeExpenditure, FormType.IncomeExpenditureSummary),
        (Fixtures.YqIncome, FormType.IncomeSummary),
        (Fixtures.YqExpenditure, FormType.ExpenditureSummary),
        (Fixtures.YqGeneralBudget, FormType.GeneralBudgetExpenditure),
        (Fixtures.YqBasicEconomic, FormType.GeneralBudgetBasicExpenditure),
        (Fixtures.YqThreePublic, FormType.ThreePublicExpenses),
    ];

    [Fact]
    public void RealBudgetTablesPassEveryCheck()
    {
        var doc = Doc(Yq001);
        var checks = DocumentValidator.BuildChecks(doc);
        // Every family of checks is exercised on these tables.
        foreach (var rule in new[] { R.TotalRow, R.ClassSum, R.SectionSum, R.BasicPlusProject, R.PersonnelPlusPublic, R.ColumnSum,
                     R.SideSubtotal, R.SideTotal, R.IncomeEqualsExpenditure, R.CrossTableTotal, R.BasicCrossTable, R.ThreePublicSum })
            Assert.Contains(checks, c => c.Rule == rule);
        AssertClean(doc);
    }

    [Fact]
    public void RealFinalAccountTablesPassWithinRounding()
    {
        // 302 商品和服务支出 5.57 vs Σ 5.58 and 合计 198.19 vs 144.09 + 54.09 are rounding, not errors.
        AssertClean(Doc((Fixtures.YqFinalSummary, FormType.IncomeExpenditureSummary),
            (Fixtures.YqFinalExpenditure, FormType.ExpenditureSummary),
            (Fixtures.YqBasicDetail, FormType.GeneralBudgetBasicExpenditure)));
    }

    [Fact]
    public void JiangsuTablesPass()
    {
        var doc = Doc((Fixtures.JsIncomeExpenditure, FormType.IncomeExpenditureSummary), (Fixtures.JsSplitCodes, FormType.GeneralBudgetExpenditure),
            (Fixtures.JsIncome, FormType.IncomeSummary));
        Assert.Contains(DocumentValidator.BuildChecks(doc), c => c.Rule == R.IncomeEqualsExpenditure);
        AssertClean(doc);
    }

    [Fact]
    public void FactsUnderALabelNoFormPrintsAreFlagged()
    {
        // OCR debris glued to a row name: the amounts still add up, so only the label betrays the misread.
        var spec = Replace(Fixtures.YqExpenditure, "2100405", "应急救治机构", "应急救治机构ft");
        var doc = Doc((spec, FormType.ExpenditureSummary));
        var issues = DocumentValidator.Validate(doc, Dict);
        var issue = Assert.Single(issues, i => i.Rule == R.MisreadLabel);
        var row = doc.BudgetLines.Where(l => l.Code == "2100405").Select(l => l.Cell).ToHashSet();
        Assert.Equal(row, issue.Cells.ToHashSet());
        DocumentValidator.Apply(doc, issues);
        Assert.All(doc.BudgetLines, l => Assert.Equal(row.Contains(l.Cell), l.Flagged));
    }

    [Fact]
    public void ATableTakenForASummaryFormWithoutAnyTotalIsFlagged()
    {
        // A 项目支出表 page classified as 收支总表: amounts under unit and project names, no total, no check.
        var spec = """
            单位名称 | 合计 | 2025年财政拨款
            ^ | ^ | 一般公共预算
            吕梁市水利局 | 60.48 | 60.48
            2024年水资源监测项目结转 | 60.48 | 60.48
            """;
        var doc = Doc((spec, FormType.IncomeExpenditureSummary));
        var issue = Assert.Single(DocumentValidator.Validate(doc, Dict), i => i.Rule == R.UncheckedTable);
        Assert.Equal(doc.BudgetLines.Select(l => l.Cell).ToHashSet(), issue.Cells.ToHashSet());
    }

    [Fact]
    public void A_total_column_equals_the_parts_of_a_column_split_with_no_subtotal()
    {
        // 项目支出表: 合计 = 2024年财政拨款's 一般公共预算 + 政府性基金预算 + 其他资金 (as measured: 52.89 read 52.80 unflagged).
        var spec = """
            项目名称 | 合计 | 2024年财政拨款 | < | 其他资金
            ^ | ^ | 一般公共预算 | 政府性基金预算 | ^
            院前急救网络建设经费 | 52.89 | 52.80 | |
            急救设备更新维护费 | 244.70 | 200.00 | 40.00 | 4.70
            """;
        var issues = DocumentValidator.Validate(Doc((spec, FormType.ProjectExpenditure)), Dict);
        var issue = Assert.Single(issues, i => i.Rule == R.ColumnSum);
        Assert.Contains(new CellRef(1, 0, 2, 2), issue.Cells);
        Assert.Empty(DocumentValidator.Validate(Doc((spec.Replace("52.80", "52.89"), FormType.ProjectExpenditure)), Dict)
            .Where(i => i.Rule == R.ColumnSum));
        // A "其中" part is a share of another column: such a table is not summed.
        var share = spec.Replace("政府性基金预算 | ^", "其中：教育收费 | ^");
        Assert.DoesNotContain(DocumentValidator.Validate(Doc((share, FormType.ProjectExpenditure)), Dict), i => i.Rule == R.ColumnSum);
    }

    [Fact]
    public void OneWrongCellIsFoundAndSuggested()
    {
        var spec = Replace(Fixtures.YqExpenditure, "2100405", "905.95", "906.95");
        var issues = DocumentValidator.Validate(Doc((spec, FormType.ExpenditureSummary)), Dict);
        Assert.Contains(issues, i => i.Rule == R.SectionSum);
        Assert.Contains(issues, i => i.Rule == R.BasicPlusProject);
        Assert.All(issues, i => Assert.Equal((new CellRef(1, 0, 13, 3), "905.95"), (i.SuggestionCell!.Value, i.SuggestedValue)));
    }

    [Fact]
    public void NoSuggestionWhenTwoCellsCouldFixIt()
    {
        var spec = """
            科目编码 | 科目名称 | 金额
             | 合计 | 10.00
            201 | 一般公共服务支出 | 9.00
            """;
        var issue = Assert.Single(DocumentValidator.Validate(Doc((spec, FormType.GeneralBudgetExpenditure)), Dict));
        Assert.Equal((R.TotalRow, 9.00m, 10.00m), (issue.Rule, issue.Expected!.Value, issue.Actual!.Value));
        Assert.Equal(2, issue.Cells.Count);
        Assert.Null(issue.SuggestionCell);
        Assert.Null(issue.SuggestedValue);
    }

    [Fact]
    public void ColumnSumClassSumAndTotalRowAgreeOnTheCell()
    {
        // 201's 一般公共预算 cell misread; its 合计 cell stays 1.95.
        var spec = Fixtures.YqIncome.Replace("201 | 一般公共服务支出 | 1.95 | 1.95 |", "201 | 一般公共服务支出 | 1.95 | 2.95 |");
        Assert.NotEqual(Fixtures.YqIncome, spec);
        var issues = DocumentValidator.Validate(Doc((spec, FormType.IncomeSummary)), Dict);
        Assert.Contains(issues, i => i.Rule == R.ColumnSum);
        Assert.Contains(issues, i => i.Rule == R.ClassSum);
        Assert.Contains(issues, i => i.Rule == R.TotalRow);
        Assert.All(issues, i => Assert.Equal("1.95", i.SuggestedValue));
    }

    [Fact]
    public void PersonnelPlusPublicBreaks()
    {
        var spec = Replace(Fixtures.YqBasicEconomic, "基本工资", "395.16", "359.16");
        var issues = DocumentValidator.Validate(Doc((spec, FormType.GeneralBudgetBasicExpenditure)), Dict);
        var i = Assert.Single(issues);
        Assert.Equal(R.PersonnelPlusPublic, i.Rule);
        Assert.Null(i.SuggestionCell);   // 合计 or 人员经费: either could be the misread one
    }

    [Fact]
    public void TwoSidedTotalsAndTheFinalAccountIdentity()
    {
        var spec = Fixtures.YqFinalSummary.Replace("总计 | 62 | 198.19", "总计 | 62 | 198.91");
        var issues = DocumentValidator.Validate(Doc((spec, FormType.IncomeExpenditureSummary)), Dict);
        Assert.Equal([R.SideTotal, R.IncomeEqualsExpenditure], issues.Select(i => i.Rule).Order().ToArray().Reverse().ToArray());
        Assert.All(issues, i => Assert.Equal((new CellRef(1, 0, 12, 5), "198.19"), (i.SuggestionCell!.Value, i.SuggestedValue)));
    }

    [Fact]
    public void SideSubtotalBreaksWithoutSuggestion()
    {
        var spec = Replace(Fixtures.YqFinalSummary, "九、卫生健康支出", "160.82", "160.28");
        var issue = Assert.Single(DocumentValidator.Validate(Doc((spec, FormType.IncomeExpenditureSummary)), Dict));
        Assert.Equal(R.SideSubtotal, issue.Rule);
        Assert.Null(issue.SuggestionCell);
    }

    [Fact]
    public void CrossTableTotalBreaks()
    {
        var spec = Replace(Fixtures.YqExpenditure, " | 合计 | 1438.44", "1438.44", "1483.44");
        var issues = DocumentValidator.Validate(Doc((Fixtures.YqIncomeExpenditure, FormType.IncomeExpenditureSummary), (spec, FormType.ExpenditureSummary)), Dict);
        Assert.Contains(issues, i => i.Rule == R.CrossTableTotal);
        Assert.All(issues, i => Assert.Equal((new CellRef(2, 1, 2, 2), "1438.44"), (i.SuggestionCell!.Value, i.SuggestedValue)));
    }

    [Fact]
    public void BasicCrossTableBreaks()
    {
        var spec = Replace(Fixtures.YqBasicEconomic, "合计 | | 1272.38", "1272.38", "1272.83");
        var issues = DocumentValidator.Validate(Doc((Fixtures.YqGeneralBudget, FormType.GeneralBudgetExpenditure), (spec, FormType.GeneralBudgetBasicExpenditure)), Dict);
        Assert.Contains(issues, i => i.Rule == R.BasicCrossTable);
        Assert.All(issues, i => Assert.Equal("1272.38", i.SuggestedValue));
    }

    [Fact]
    public void ThreePublicSumBreaks()
    {
        var spec = Replace(Fixtures.YqThreePublic, "合计 | 61.20", "61.20", "16.20");
        var issues = DocumentValidator.Validate(Doc((spec, FormType.ThreePublicExpenses)), Dict);
        Assert.Contains(issues, i => i.Rule == R.ThreePublicSum);
        Assert.All(issues, i => Assert.Equal("61.20", i.SuggestedValue));
    }

    [Fact]
    public void SelfEvaluationScoresAddUpAndBreak()
    {
        AssertClean(Doc((Fixtures.YqSelfEvaluation, FormType.PerformanceSelfEvaluation)));
        Assert.Contains(DocumentValidator.BuildChecks(Doc((Fixtures.YqSelfEvaluation, FormType.PerformanceSelfEvaluation))), c => c.Rule == R.ScoreSum);
        var spec = Fixtures.YqSelfEvaluation.Replace("| 96\n", "| 94\n");
        var issue = Assert.Single(DocumentValidator.Validate(Doc((spec, FormType.PerformanceSelfEvaluation)), Dict));
        Assert.Equal((R.ScoreSum, 96m, 94m), (issue.Rule, issue.Expected!.Value, issue.Actual!.Value));
        Assert.Null(issue.SuggestionCell);
    }

    [Fact]
    public void ScoreAboveWeightIsReported()
    {
        AssertClean(Doc((Fixtures.OtherSelfEvaluation, FormType.PerformanceSelfEvaluation)));
        var spec = Fixtures.OtherSelfEvaluation.Replace("| 80% | 15 |", "| 80% | 25 |");
        var issues = DocumentValidator.Validate(Doc((spec, FormType.PerformanceSelfEvaluation)), Dict);
        Assert.Contains(issues, i => i.Rule == R.ScoreOverWeight);
        Assert.Contains(issues, i => i.Rule == R.ScoreSum);
    }

    [Fact]
    public void CodeNameAgainstTheDictionary()
    {
        var spec = """
            科目编码 | 科目名称 | 金额
            2210201 | 住房公积金 | 1.00
            2210202 | 提租补贴 | 2.00
            2101102 | 事业单位医疗 | 3.00
            """;
        AssertClean(Doc((spec, FormType.GeneralBudgetExpenditure)));
        var broken = spec.Replace("2210201 | 住房公积金", "2210201 | 住房公积全").Replace("2101102 | 事业单位医疗", "2101102 | 提租补贴");
        var issues = DocumentValidator.Validate(Doc((broken, FormType.GeneralBudgetExpenditure)), Dict);
        var ocr = Assert.Single(issues, i => i.Rule == R.CodeNameOcr);
        Assert.Equal((new CellRef(1, 0, 1, 1), "住房公积金"), (ocr.SuggestionCell!.Value, ocr.SuggestedValue));
        var other = Assert.Single(issues, i => i.Rule == R.CodeName);
        Assert.Null(other.SuggestionCell);
    }

    [Fact]
    public void AbsurdValuesAreReported()
    {
        var spec = """
            科目编码 | 科目名称 | 金额
            2010101 | 行政运行 | 1234567890123.00
            """;
        var issue = Assert.Single(DocumentValidator.Validate(Doc((spec, FormType.GeneralBudgetExpenditure)), Dict));
        Assert.Equal(R.AbsurdValue, issue.Rule);
    }

    [Fact]
    public void OneYuanOffInAYuanTableIsReported()
    {
        var spec = """
            科目编码 | 科目名称 | 金额
             | 合计 | 1,234,501.00
            201 | 一般公共服务支出 | 1,234,500.00
            """;
        var doc = DocWithUnit("元", (spec, FormType.GeneralBudgetExpenditure));
        var issue = Assert.Single(DocumentValidator.Validate(doc, Dict));
        Assert.Equal(R.TotalRow, issue.Rule);
        var ok = DocWithUnit("元", (spec.Replace("1,234,501.00", "1,234,500.00"), FormType.GeneralBudgetExpenditure));
        AssertClean(ok);
    }

    [Fact]
    public void ApplyFlagsAndLowersConfidenceOfInvolvedFactsAndCells()
    {
        var spec = Replace(Fixtures.YqExpenditure, "2100405", "905.95", "906.95");
        var doc = Doc((spec, FormType.ExpenditureSummary));
        var issues = DocumentValidator.Validate(doc, Dict);
        DocumentValidator.Apply(doc, issues);
        var wrong = doc.BudgetLines.Single(l => l.Cell == new CellRef(1, 0, 13, 3));
        Assert.True(wrong.Flagged);
        Assert.True(wrong.Confidence < 0.95);
        Assert.Contains(doc.BudgetLines, l => !l.Flagged && l.Confidence == 0.95);
        Assert.True(doc.Tables[0].At(13, 3)!.Confidence < 0.95);
        Assert.Equal(0.95, doc.Tables[0].At(2, 0)!.Confidence);
        Assert.Equal(20 + 19 + 5, doc.BudgetLines.Count);
    }
}

public class ColumnStyleThreePublicTests
{
    // Jiangsu 2019 公开09表 “三公”经费、会议费、培训费支出预算表: one data row, three header levels, 合计 merged down.
    private const string Spec = """
        合计 | “三公”经费 | < | < | < | < | < | 会议费 | 培训费
        ^ | 小计 | 因公出国（境）费 | 公务用车购置及运行维护费 | < | < | 公务接待费 | ^ | ^
        ^ | ^ | ^ | 小计 | 公务用车购置费 | 公务用车运行维护费 | ^ | ^ | ^
        1276.7 | 418.26 | 80 | 237 | | 237 | 101.26 | 158.44 | 700
        """;

    private static List<ValidationIssue> Validate(string spec)
    {
        var doc = new DocumentResult { FilePath = "/tmp/js.pdf", Sha256 = "0" };
        doc.Pages.Add(TableSpec.Page(1, FormType.ThreePublicExpenses, "单位：万元"));
        doc.Tables.Add(TableSpec.Parse(spec));
        doc.BudgetLines.AddRange(DocumentInterpreter.Interpret(doc.Pages, doc.Tables).BudgetLines);
        Assert.Equal(8, doc.BudgetLines.Count);
        Assert.Contains(doc.BudgetLines, l => l.Column == "“三公”经费/公务用车购置及运行维护费/公务用车运行维护费");
        Assert.Equal(3, DocumentValidator.BuildChecks(doc).Count(c => c.Rule == DocumentValidator.Rules.ColumnSum));
        return DocumentValidator.Validate(doc, SubjectCodeDictionary.LoadDefault());
    }

    [Fact]
    public void SubtotalsAtEveryLevelHold() => Assert.Empty(Validate(Spec));

    [Fact]
    public void AMisreadLeafIsSuggested()
    {
        var issue = Assert.Single(Validate(Spec.Replace("| | 237 |", "| | 273 |")));
        Assert.Equal((DocumentValidator.Rules.ColumnSum, "237.00"), (issue.Rule, issue.SuggestedValue));
        Assert.Equal(new CellRef(1, 0, 3, 5), issue.SuggestionCell);
    }
}
