using Extractor.Domain;
using Extractor.Forms;

namespace Extractor.Tests.Forms;

public class BudgetFormInterpreterTests
{
    private static List<BudgetLine> Read(string spec, FormType form, string unit = "万元") =>
        BudgetFormInterpreter.Read(TableSpec.Parse(spec), 0, form, unit);

    private static BudgetLine One(List<BudgetLine> lines, string name, string column) =>
        Assert.Single(lines, l => l.Name == name && l.Column == column);

    [Fact]
    public void TwoSidedSummaryReadsEachSideWithItsOwnPath()
    {
        var lines = Read(Fixtures.YqIncomeExpenditure, FormType.IncomeExpenditureSummary);
        Assert.Equal(1426.43m, One(lines, "一、一般公共预算", "收入/2025年").AmountWan);
        Assert.Equal(1126.46m, One(lines, "十、卫生健康支出", "支出/2025年合计").AmountWan);
        Assert.Equal(12.01m, One(lines, "十、卫生健康支出", "支出/上年结转安排").AmountWan);
        Assert.Equal(1438.44m, One(lines, "收入总计", "收入/2025年").AmountWan);
        Assert.Equal(1426.43m, One(lines, "支出总计", "支出/当年预算安排").AmountWan);
        // Labels and empty cells give no lines; every line has a non-empty path.
        Assert.DoesNotContain(lines, l => l.Column.Length == 0 || l.Column.Contains("项目"));
    }

    [Theory]
    [InlineData("]")]      // as on a generated scan: a rule read in the empty 单位资金 column ("|" there)
    [InlineData("人")]
    public void A_speck_read_in_an_empty_amount_column_leaves_the_amounts_right_of_it_their_rows(string speck)
    {
        var lines = Read($"""
            项目 | < | 本年收入 | < | < | 上年结转
            科目编码 | 科目名称 | 合计 | 一般公共预算 | 单位资金 | ^
            | 合计 | 869.11 | 869.11 | | 76.72
            210 | 卫生健康支出 | 717.36 | 717.36 | | 76.72
            21099 | 其他卫生健康支出 | 234.01 | 234.01 | {speck} | 76.72
            """, FormType.IncomeSummary);
        var carried = lines.Where(l => l.Column == "上年结转").ToList();
        Assert.Equal(["合计", "卫生健康支出", "其他卫生健康支出"], carried.Select(l => l.Name));
        Assert.Equal(["210", "21099"], carried.Where(l => l.Code is not null).Select(l => l.Code!));
    }

    [Fact]
    public void TwoSidedSummaryLineCountMatchesNonEmptyAmountCells()
    {
        var table = TableSpec.Parse(Fixtures.YqIncomeExpenditure);
        var lines = BudgetFormInterpreter.Read(table, 0, FormType.IncomeExpenditureSummary, "万元");
        int expected = 0;
        var g = table.ToGrid();
        for (int r = 2; r < table.RowCount; r++)
            foreach (var c in new[] { 1, 3, 4, 5 }) if (g[r][c].Length > 0) expected++;
        Assert.Equal(expected, lines.Count);
    }

    [Fact]
    public void CodeNameTableGivesCodesLevelsAndHeaderPaths()
    {
        var lines = Read(Fixtures.YqExpenditure, FormType.ExpenditureSummary);
        var l = One(lines, "应急救治机构", "2025年预算数/项目支出");
        Assert.Equal("2100405", l.Code);
        Assert.Equal(SubjectLevel.Item, l.Level);
        Assert.Equal(138.88m, l.AmountWan);
        Assert.Equal(new CellRef(1, 0, 13, 4), l.Cell);
        var total = One(lines, "合计", "2025年预算数/合计");
        Assert.Null(total.Code);
        Assert.Equal(SubjectLevel.Class, One(lines, "卫生健康支出", "2025年预算数/基本支出").Level);
        // 20 rows × 合计 + 19 with 基本支出 + 5 with 项目支出.
        Assert.Equal(20 + 19 + 5, lines.Count);
    }

    [Fact]
    public void MergedHeaderOverCodeAndNameIsNotAnAmountColumn()
    {
        var layout = TableLayout.Analyze(TableSpec.Parse(Fixtures.YqIncome));
        Assert.Equal(ColumnRole.Code, layout.Roles[0]);
        Assert.Equal(ColumnRole.Name, layout.Roles[1]);
        Assert.Equal("本年收入/合计", layout.ColumnPaths[2]);
        Assert.Equal("上年结转", layout.ColumnPaths[8]);
        Assert.Single(layout.Groups);
        var lines = BudgetFormInterpreter.Read(layout, 3, FormType.IncomeSummary, "万元");
        Assert.Equal(12.01m, One(lines, "重大公共卫生服务", "上年结转").AmountWan);
        Assert.All(lines, l => Assert.Equal(3, l.Cell.Table));
    }

    [Fact]
    public void LineNumberColumnsAndColumnNumberRowsGiveNoLines()
    {
        var lines = Read(Fixtures.YqFinalSummary, FormType.IncomeExpenditureSummary);
        Assert.DoesNotContain(lines, l => l.RawText is "1" or "2" or "27" or "58");
        Assert.Equal(197.71m, One(lines, "本年收入合计", "收入/金额").AmountWan);
        Assert.Equal(198.19m, One(lines, "总计", "支出/金额").AmountWan);
        Assert.Equal(0.48m, One(lines, "年初结转和结余", "收入/金额").AmountWan);
        Assert.Equal(4 + 6, lines.Count);
    }

    [Theory]
    [InlineData("1|2|3|4|5|6|7|8|9|10|11|121", true)]    // "12" read "121" on a scan
    [InlineData("1|2|3|4|5|6|7|8|9|10|11|12", true)]
    [InlineData("栏次|1|2|3", true)]
    [InlineData("1|2|3|4|9|6|7|8|9|10|11|121", false)]   // one misread and the rest not rising
    [InlineData("9.17|0|8.17|0|8.17|1.00|8.90|0|7.94|0|7.94|0.96", false)]
    [InlineData("1|2|3|4|5|6.50|7.25|8.10", false)]      // amounts with decimals
    public void A_row_of_column_numbers_is_told_even_with_one_misread(string row, bool marker) =>
        Assert.Equal(marker, TableLayout.IsMarkerRow(row.Split('|')));

    [Fact]
    public void A_scanned_three_public_table_whose_column_number_row_has_a_misread_number_gives_no_lines_from_it()
    {
        var lines = Read("""
            预算数 | < | < | < | < | < | 决算数 | < | < | < | < | <
            合计 | 因公出国（境）费 | 公务用车购置及运行维护费 | < | < | 公务接待费 | 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 | < | < | 公务接待费
            ^ | ^ | 小计 | 公务用车购置费 | 公务用车运行维护费 | ^ | ^ | ^ | 小计 | 公务用车购置费 | 公务用车运行维护费 | ^
            1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 121
            9.17 | 0.00 | 8.17 | 0.00 | 8.17 | 1.00 | 8.90 | 0.00 | 7.94 | 0.00 | 7.94 | 0.96
            """, FormType.ThreePublicExpenses);
        Assert.Equal(12, lines.Count);
        Assert.Equal([9.17m, 0m, 8.17m, 0m, 8.17m, 1.00m, 8.90m, 0m, 7.94m, 0m, 7.94m, 0.96m], lines.Select(l => l.AmountWan!.Value));
    }

    [Fact]
    public void FinalAccountExpenditureSkipsColumnNumberRow()
    {
        var lines = Read(Fixtures.YqFinalExpenditure, FormType.ExpenditureSummary);
        Assert.Equal(54.09m, One(lines, "合计", "项目支出").AmountWan);
        var other = lines.Where(l => l.Name == "其他卫生健康支出" && l.Column == "本年支出合计").Select(l => l.Code!).ToArray();
        Assert.Equal(["21099", "2109999"], other);
        Assert.DoesNotContain(lines, l => l.Name == "栏次");
    }

    [Fact]
    public void WideBasicDetailTableReadsFourGroups()
    {
        var layout = TableLayout.Analyze(TableSpec.Parse(Fixtures.YqBasicDetail));
        Assert.Equal(4, layout.Groups.Count);
        var lines = BudgetFormInterpreter.Read(layout, 0, FormType.GeneralBudgetBasicExpenditure, "万元");
        var wage = Assert.Single(lines, l => l.Code == "30101");
        Assert.Equal(("基本工资", "人员经费/决算数", 43.41m), (wage.Name, wage.Column, wage.AmountWan!.Value));
        var office = Assert.Single(lines, l => l.Code == "30201");
        Assert.Equal(("办公费", "公用经费/决算数"), (office.Name, office.Column));
        var equipment = Assert.Single(lines, l => l.Code == "31002");
        Assert.Equal(("办公设备购置", 0.65m), (equipment.Name, equipment.AmountWan!.Value));
        Assert.DoesNotContain(lines, l => l.Code is "309" or "30901");          // —— is no value
        Assert.Equal(6.22m, Assert.Single(lines, l => l.Name == "公用经费合计").AmountWan);
        Assert.Equal(137.88m, Assert.Single(lines, l => l.Name == "人员经费合计").AmountWan);
    }

    [Fact]
    public void EconomicTableWithTwoNameColumnsUsesTheFirst()
    {
        var lines = Read(Fixtures.YqBasicEconomic, FormType.GeneralBudgetBasicExpenditure);
        Assert.Equal(395.16m, One(lines, "基本工资", "2025年预算数/人员经费").AmountWan);
        Assert.Equal(152.94m, One(lines, "合计", "2025年预算数/公用经费").AmountWan);
        Assert.DoesNotContain(lines, l => l.Name == "工资福利支出" && l.Cell.Row == 4);
    }

    [Fact]
    public void ThreePublicRowsEvenWhenTheFirstRowsAreEmpty()
    {
        var lines = Read(Fixtures.YqThreePublic, FormType.ThreePublicExpenses);
        Assert.Equal(61.20m, One(lines, "②公务用车运行维护费", "2025年预算数/一般公共预算").AmountWan);
        Assert.Equal(61.20m, One(lines, "合计", "2025年预算数/合计").AmountWan);
        Assert.Equal(6, lines.Count);
    }

    [Fact]
    public void JiangsuSummaryHasIncomeFunctionalAndUseGroups()
    {
        var layout = TableLayout.Analyze(TableSpec.Parse(Fixtures.JsIncomeExpenditure));
        Assert.Equal(3, layout.Groups.Count);
        var lines = BudgetFormInterpreter.Read(layout, 0, FormType.IncomeExpenditureSummary, "万元");
        Assert.Equal(24169.74m, One(lines, "一、财政拨款", "收入/金额").AmountWan);
        Assert.Equal(16593.12m, One(lines, "四、公共安全支出", "支出/功能分类/金额").AmountWan);
        Assert.Equal(3990.40m, One(lines, "三、单位预留机动经费", "支出/支出用途/金额").AmountWan);
        Assert.Equal(24169.74m, One(lines, "当年支出小计", "支出/支出用途/金额").AmountWan);
        Assert.Equal(24169.74m, One(lines, "支出合计", "支出/支出用途/金额").AmountWan);
    }

    [Fact]
    public void JiangsuIncomeUsesTheItemNotTheMergedCategory()
    {
        var lines = Read(Fixtures.JsIncome, FormType.IncomeSummary);
        Assert.Equal(24169.74m, One(lines, "收入总计", "金额").AmountWan);
        Assert.Equal(24169.74m, One(lines, "公共财政拨款(补助)资金", "金额").AmountWan);
        Assert.Equal(24169.74m, One(lines, "小计", "金额").AmountWan);
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public void SplitClassSectionItemColumnsAreJoined()
    {
        var lines = Read(Fixtures.JsSplitCodes, FormType.GeneralBudgetExpenditure);
        Assert.Equal("2040401", One(lines, "行政运行", "金额").Code);
        Assert.Equal("20404", One(lines, "检察", "金额").Code);
        Assert.Equal("204", One(lines, "公共安全支出", "金额").Code);
        Assert.Null(One(lines, "合计", "金额").Code);
        Assert.Equal(12268.62m, One(lines, "行政运行", "金额").AmountWan);
    }

    [Fact]
    public void YuanTablesAreConvertedToWan()
    {
        var spec = """
            单位：元 | < | <
            科目编码 | 科目名称 | 金额
            2010101 | 行政运行 | 1,234,500.00
            """;
        var layout = TableLayout.Analyze(TableSpec.Parse(spec));
        Assert.Equal("元", layout.UnitInTable);
        var l = Assert.Single(BudgetFormInterpreter.Read(layout, 0, FormType.GeneralBudgetExpenditure, layout.UnitInTable!));
        Assert.Equal((1234500m, "元", 123.45m), (l.AmountAsPrinted!.Value, l.UnitAsPrinted, l.AmountWan!.Value));
    }

    [Fact]
    public void CodeGluedToNameIsSplit()
    {
        var spec = """
            科目 | 金额
            2080501行政单位离退休 | 12.00
            """;
        var l = Assert.Single(Read(spec, FormType.GeneralBudgetExpenditure));
        Assert.Equal(("2080501", "行政单位离退休"), (l.Code, l.Name));
    }

    [Fact]
    public void AmountGluedToLabelIsNoCode()
    {
        // A missed column rule puts the income total's amount and the expenditure label in one cell.
        var spec = """
            项目 | 金额 | 项目 | 金额
            一、一般公共预算 | 889.80 | 一、卫生健康支出 | 889.80
            收入总计 | 889.80支出总计 | < | 889.80
            """;
        var lines = Read(spec, FormType.GeneralBudgetExpenditure);
        Assert.DoesNotContain(lines, l => l.Code == "889");
    }

    [Fact]
    public void ContinuedTableKeepsRowPagesAndSkipsRepeatedHeader()
    {
        var spec = """
            科目编码 | 科目名称 | 金额
            201 | 一般公共服务支出 | 1.95
            科目编码 | 科目名称 | 金额
            208 | 社会保障和就业支出 | 220.30
            """;
        var table = TableSpec.Parse(spec, page: 5, rowPages: [5, 5, 6, 6]);
        var lines = BudgetFormInterpreter.Read(table, 2, FormType.GeneralBudgetExpenditure, "万元");
        Assert.Equal(2, lines.Count);
        Assert.Equal(new CellRef(6, 2, 3, 2), lines[1].Cell);
    }

    [Fact]
    public void ProjectTableGivesProjectsWithoutTheUnitRow()
    {
        var table = TableSpec.Parse(Fixtures.YqProjects);
        var layout = TableLayout.Analyze(table);
        var lines = BudgetFormInterpreter.Read(layout, 0, FormType.ProjectExpenditure, "万元");
        Assert.DoesNotContain(lines, l => l.RawText is "1" or "7");
        Assert.Equal("2025年财政拨款/一般公共预算", One(lines, "急救车司机工资及社保费", "2025年财政拨款/一般公共预算").Column);
        var projects = ProjectTableReader.Read(layout, lines, new DocumentInfo { UnitName = "阳泉市紧急医疗救援中心" });
        Assert.Equal(["急救车司机工资及社保费", "急救设备更新、维护费"], projects.Select(p => p.Name).ToArray());
        Assert.Equal(11.50m, projects[0].TotalFundsWan);
        Assert.Equal(11.50m, projects[0].FundsBySourceWan["2025年财政拨款/一般公共预算"]);
    }
}

public class TableLayoutEdgeTests
{
    [Fact]
    public void BareYearHeadersAreHeadersNotData()
    {
        var spec = """
            项目 | 2024 | 2025
            一般公共服务支出 | 1.00 | 2.00
            """;
        var layout = TableLayout.Analyze(TableSpec.Parse(spec));
        Assert.Equal(1, layout.FirstDataRow);
        // All-digit header texts are column numbers for the path rule (as the corpus generator writes truth).
        Assert.Equal(["项目", "", ""], layout.ColumnPaths.ToArray());
    }

    [Fact]
    public void TitleAndUnitRowsInsideTheTableAreNotHeaders()
    {
        var spec = """
            2025年预算支出总表 | < | <
            单位名称：某中心 | < | 单位：元
            科目名称 | 合计 | 基本支出
            合计 | 100.00 | 100.00
            """;
        var layout = TableLayout.Analyze(TableSpec.Parse(spec));
        Assert.Equal("元", layout.UnitInTable);
        Assert.Equal([2], layout.HeaderRows.ToArray());
        Assert.Equal("基本支出", layout.ColumnPaths[2]);
    }

    [Fact]
    public void EmptyTableGivesNoLines()
    {
        var spec = """
            科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出
             | 合计 | | |
            注：本表无数据 | < | < | < | <
            """;
        Assert.Empty(BudgetFormInterpreter.Read(TableSpec.Parse(spec), 0, FormType.GovernmentFund, "万元"));
    }
}

public class LabelChoiceTests
{
    [Fact]
    public void UnderOneMergedHeaderTheItemLabelsTheRowEvenWhenItsCategoryIsOneRowHigh()
    {
        var spec = """
            项目名称 | < | 金额
            政府性基金 | 小计 | 5.00
            上年结转和结余资金 | 小计 | 7.00
            ^ | 其中：动用上年结转和结余资金 | 7.00
            """;
        var lines = BudgetFormInterpreter.Read(TableSpec.Parse(spec), 0, FormType.IncomeSummary, "万元");
        Assert.Equal(["小计", "小计", "其中:动用上年结转和结余资金"], lines.Select(l => l.Name).ToArray());
    }

    [Fact]
    public void HeaderPathsDropColumnNumbersAndUnitNotes()
    {
        var spec = """
            项目 | 2024 | 金额单位：万元
            ^ | 1 | 2
            一般公共服务支出 | 1.00 | 2.00
            """;
        var layout = TableLayout.Analyze(TableSpec.Parse(spec));
        Assert.Equal(["项目", "", ""], layout.ColumnPaths.ToArray());
    }

    [Fact]
    public void Codes_glued_to_their_names_are_split_but_a_project_named_with_digits_keeps_them()
    {
        // A dump that lost the code column's rule: every label starts with its code.
        var glued = """
            科目名称 | 合计
            208社会保障和就业支出 | 10.00
            20805行政事业单位养老支出 | 10.00
            2080505机关事业单位基本养老保险缴费支出 | 10.00
            """;
        var lines = BudgetFormInterpreter.Read(TableSpec.Parse(glued), 0, FormType.GeneralBudgetExpenditure, "万元");
        Assert.Equal(["208", "20805", "2080505"], lines.Select(l => l.Code ?? "").ToArray());
        Assert.Equal("行政事业单位养老支出", lines[1].Name);

        // 项目支出表 of names: the project named after the 120 hotline is a name, not code 120.
        var projects = Fixtures.YqProjects.Replace("急救设备更新、维护费", "120调度指挥系统运维及通讯费");
        var named = BudgetFormInterpreter.Read(TableSpec.Parse(projects), 0, FormType.ProjectExpenditure, "万元");
        var hotline = named.Where(l => l.Name.Contains("调度指挥")).ToList();
        Assert.Equal(2, hotline.Count);   // 合计 and 一般公共预算
        Assert.All(hotline, l => Assert.Equal(("120调度指挥系统运维及通讯费", (string?)null), (l.Name, l.Code)));
    }
}
