using Extractor.Domain;
using Extractor.Facts;
using Extractor.Forms;

namespace Extractor.Tests.Forms;

public class ColumnHeaderRepairTests
{
    private static readonly IReadOnlySet<string> Phrases = FormVocabulary.Phrases.Select(TextNorm.Normalize).ToHashSet();

    private static Table Scanned(Table t) => t.WithCells(t.Cells.Select(c => c with { Source = CellSource.Ocr }).ToList());

    [Theory]
    [InlineData("一般公共有预算", "一般公共预算")]        // one character added
    [InlineData("财政搜教收入", "财政拨款收入")]          // two misread in a long phrase
    [InlineData("支出人", "支出")]                      // a rule read as a character at the end
    [InlineData("4用经费e_", "公用经费")]                // specks at its end, a character read as a digit
    [InlineData("2025年一般公共有预算", "2025年一般公共预算")]
    [InlineData("人员经费(万元)", null)]                 // made of header words: kept
    [InlineData("一般公共预算", null)]
    [InlineData("其他支出", null)]
    [InlineData("个于", null)]                          // near no phrase
    [InlineData("债务还本支出", null)]                    // another template's header, far from every phrase
    [InlineData("2593汪9", null)]
    public void Snap_takes_a_misread_header_for_the_one_phrase_close_to_it(string reading, string? expected) =>
        Assert.Equal(expected, ColumnHeaderRepair.Snap(reading, Phrases));

    [Fact]
    public void Snap_leaves_a_reading_two_phrases_are_equally_close_to()
    {
        var phrases = new HashSet<string> { "基本支出", "项目支出" };
        Assert.Null(ColumnHeaderRepair.Snap("基目支出", phrases));
        Assert.Equal("基本支出", ColumnHeaderRepair.Snap("基本支山", phrases));
    }

    private const string Expenditure = """
        科目编码 | 科目名称 | 2025年预算数 | < | <
        ^ | ^ | 各证 | 基本支出 | 项目支出
        | 合计 | 1,113.53 | 830.55 | 282.98
        201 | 一般公共服务支出 | 0.88 | 0.88 |
        207 | 文化旅游体育与传媒支出 | 868.13 | 585.15 | 282.98
        """;

    [Fact]
    public void An_unreadable_header_over_a_column_summing_the_others_is_their_total()
    {
        var repaired = ColumnHeaderRepair.Repair(Scanned(TableSpec.Parse(Expenditure)), Phrases);
        var cell = repaired.At(1, 2)!;
        Assert.Equal("合计", cell.Text);
        Assert.Equal("各证", cell.OcrText);
        Assert.Equal("2025年预算数/合计", TableLayout.Analyze(repaired).ColumnPaths[2]);
    }

    [Fact]
    public void A_column_that_does_not_sum_or_does_not_come_first_keeps_its_header()
    {
        // 868.13 is not 585.15 + 182.98: the column is no total, whatever its header was.
        var wrongSum = Scanned(TableSpec.Parse(Expenditure.Replace("282.98\n", "182.98\n")));
        Assert.Equal("各证", ColumnHeaderRepair.Repair(wrongSum, Phrases).At(1, 2)!.Text);

        // The unreadable header over the last column: the forms print totals first, so it is no total even where it
        // equals the one filled column beside it.
        var last = Scanned(TableSpec.Parse("""
            科目编码 | 科目名称 | 2025年预算数 | <
            ^ | ^ | 基本支出 | 个于
            201 | 一般公共服务支出 | 0.88 | 0.88
            207 | 文化旅游体育与传媒支出 | 585.15 | 585.15
            """));
        Assert.Equal("个于", ColumnHeaderRepair.Repair(last, Phrases).At(1, 3)!.Text);
    }

    [Fact]
    public void Text_layer_headers_are_never_changed()
    {
        var text = TableSpec.Parse(Expenditure.Replace("基本支出", "一般公共有预算"));
        Assert.Same(text.Cells, ColumnHeaderRepair.Repair(text, Phrases).Cells);
    }

    [Fact]
    public void Only_scanned_budget_tables_are_repaired_and_the_documents_own_headers_are_candidates()
    {
        // The document prints "2024预算拨款数" (header words, no phrase of the forms) cleanly on one page; a scan of
        // another table read it with one character added.
        var clean = TableSpec.Parse("科目编码 | 科目名称 | 2024预算拨款数\n201 | 一般公共服务支出 | 0.88", page: 1);
        var misread = Scanned(TableSpec.Parse("科目编码 | 科目名称 | 2024预算拨款金数\n201 | 一般公共服务支出 | 0.88", page: 2));
        var notBudget = Scanned(TableSpec.Parse("一级指标 | 二级指标 | 一般公共有预算\n产出指标 | 数量指标 | 1", page: 3));
        ClassifiedPage On(int page, FormType form, Table t) => TableSpec.Page(page, form) is var p ? p with { Content = p.Content.WithTables([t]) } : null!;
        var pages = ColumnHeaderRepair.Apply(
        [
            On(1, FormType.GeneralBudgetExpenditure, clean), On(2, FormType.GeneralBudgetExpenditure, misread), On(3, FormType.PerformanceTarget, notBudget),
        ]);
        Assert.Equal("2024预算拨款数", pages[1].Content.Tables[0].At(0, 2)!.Text);
        Assert.Equal("一般公共有预算", pages[2].Content.Tables[0].At(0, 2)!.Text);
        Assert.Same(clean, pages[0].Content.Tables[0]);
    }

    [Fact]
    public void A_total_row_whose_scanned_amount_is_misread_is_still_data()
    {
        // The 合计 row's amount read "2593汪9": mostly digits, so the row is no header and the column stays 金额.
        var layout = TableLayout.Analyze(Scanned(TableSpec.Parse("""
            科目编码 | 科目名称 | 金额
            | 合计 | 2593汪9
            301 | 工资福利支出 | 217.68
            """)));
        Assert.Equal(1, layout.FirstDataRow);
        Assert.Equal("金额", layout.ColumnPaths[2]);
    }
    [Theory]
    // As on a generated 三公经费表 scan: the 决算数 block's wrapped 公务用车运行维护费 read as its first line.
    [InlineData("公务用车", "公务用车运行维护费")]
    // Read past any phrase.
    [InlineData("公务用人", "公务用车运行维护费")]
    public void A_block_header_misread_takes_its_counterpart_in_the_block_beside_it(string reading, string expected)
    {
        var spec = """
            预算数 | < | < | < | < | 决算数 | < | < | < | <
            合计 | 因公出国(境)费 | 公务用车购置及运行维护费 | < | < | 合计 | 因公出国(境)费 | 公务用车购置及运行维护费 | < | <
            ^ | ^ | 小计 | 公务用车购置费 | 公务用车运行维护费 | ^ | ^ | 小计 | 公务用车购置费 | READ
            2.05 | 0 | 2.05 | 0 | 2.05 | 36.19 | 0 | 36.19 | 0 | 36.19
            """.Replace("READ", reading);
        var layout = TableLayout.Analyze(ColumnHeaderRepair.Repair(Scanned(TableSpec.Parse(spec)), Phrases));
        Assert.Equal("决算数/公务用车购置及运行维护费/" + expected, layout.ColumnPaths[9]);
        Assert.Equal("预算数/公务用车购置及运行维护费/公务用车运行维护费", layout.ColumnPaths[4]);
    }

    [Fact]
    public void Blocks_whose_headers_differ_as_printed_keep_them()
    {
        // Two phrases of the forms, neither the start of the other: each block says what it holds.
        var spec = """
            预算数 | < | 决算数 | <
            基本支出 | 项目支出 | 基本支出 | 公用经费
            1 | 2 | 3 | 4
            """;
        var layout = TableLayout.Analyze(ColumnHeaderRepair.Repair(Scanned(TableSpec.Parse(spec)), Phrases));
        Assert.Equal("决算数/公用经费", layout.ColumnPaths[3]);
    }
}
