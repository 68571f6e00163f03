using Extractor.Domain;
using Extractor.Pipeline;
using Extractor.Tables;
using Extractor.Tests.Engines;
using Extractor.Tests.Forms;

namespace Extractor.Tests.Tables;

public class TableJoinerTests
{
    private static PageContent Page(int number, params Table[] tables) =>
        new() { PageNumber = number, Tables = tables.ToList() };

    [Fact]
    public void ContinuationTakesTheHeadsColumnGrid()
    {
        var head = TableSpec.Parse("""
            科目代码|科目名称|人员经费|公用经费
            301|工资福利支出|10.00|
            """, page: 1);
        // The last page holds only the total row: code and name merged, so its lattice has three columns.
        var tail = TableSpec.Parse("合计|<|10.00|0.00", page: 2);
        var pages = new[] { Page(1, head), Page(2, tail) };
        var joined = Assert.Single(TableJoiner.Join(pages));
        Assert.Equal(3, joined.RowCount);

        var onPage = Assert.Single(pages[1].Tables);
        Assert.True(onPage.ContinuesPrevious);
        Assert.Equal(4, onPage.ColCount);
        var total = onPage.Cells.Single(c => c.Text == "合计");
        Assert.Equal((0, 2), (total.Col, total.ColSpan));
        Assert.Equal(3, onPage.Cells.Single(c => c.Text == "0.00").Col);
    }

    // A table as a phone photo gives it: read by OCR, its column edges zoomed and shifted.
    private static Table Photographed(Table t, double zoom, double shift) => new()
    {
        Page = t.Page, Index = t.Index, RowCount = t.RowCount, ColCount = t.ColCount, Box = t.Box,
        Cells = t.Cells.Select(c => c with
        {
            Source = CellSource.Ocr,
            Box = c.Box with { X = c.Box.X * zoom + shift, Width = c.Box.Width * zoom },
        }).ToList(),
    };

    [Fact]
    public void ScannedContinuationPhotographedAtAnotherZoomIsJoined()
    {
        var head = TableSpec.Parse("""
            收入|<|支出|<
            项目|金额|项目|金额
            一、财政拨款|268.63|一、一般公共服务支出|271.18
            """, page: 1);
        var tail = TableSpec.Parse("""
            当年收入小计|268.63|当年支出小计|271.18
            收入合计|271.18|支出合计|271.18
            """, page: 2);
        // A scanned 收支总表 measured 0.9 % wider on its next page; this photo is 3 % wider and 1.5 pt to the left.
        var joined = Assert.Single(TableJoiner.Join([Page(1, Photographed(head, 1, 40)), Page(2, Photographed(tail, 1.03, 38.5))]));
        Assert.Equal(5, joined.RowCount);
        Assert.Equal(["收入合计", "271.18", "支出合计", "271.18"], joined.ToGrid()[4]);

        // Text pages are drawn to the point: the same difference there is another table.
        Assert.Equal(2, TableJoiner.Join([Page(1, head), Page(2, TextLayer(Photographed(tail, 1.03, -1.5)))]).Count);
        // A photo whose inner edges do not line up once zoomed is another table, and so is one zoomed past a phone's reach.
        Assert.Null(TableJoiner.MapColumnsScaled(TableJoiner.Edges(head), [0, 60, 100, 240]));
        Assert.Null(TableJoiner.MapColumnsScaled(TableJoiner.Edges(head), [0, 66, 132, 198, 264]));
        Assert.NotNull(TableJoiner.MapColumnsScaled(TableJoiner.Edges(head), [0, 61.8, 123.6, 185.4, 247.2]));
    }

    private static Table TextLayer(Table t) => new()
    {
        Page = t.Page, Index = t.Index, RowCount = t.RowCount, ColCount = t.ColCount, Box = t.Box,
        Cells = t.Cells.Select(c => c with { Source = CellSource.TextLayer }).ToList(),
    };

    private static Table WithFullLastRow(Table t, params int[] cols) => new()
    {
        Page = t.Page, Index = t.Index, RowCount = t.RowCount, ColCount = t.ColCount, Cells = t.Cells, Box = t.Box,
        LastRowFullCols = cols,
    };

    [Fact]
    public void RowCutByThePageBreakIsJoinedBack()
    {
        var head = WithFullLastRow(TableSpec.Parse("""
            项目|金额
            七、文化体育与传媒支出|
            八、社会保障和就|1,608.51
            """, page: 1), 0);
        var tail = TableSpec.Parse("""
            业支出|
            九、卫生健康支出|5.00
            """, page: 2);
        var joined = Assert.Single(TableJoiner.Join([Page(1, head), Page(2, tail)]));
        var grid = joined.ToGrid();
        Assert.Equal(4, joined.RowCount);
        Assert.Equal(["八、社会保障和就业支出", "1,608.51"], grid[2]);
        Assert.Equal(["九、卫生健康支出", "5.00"], grid[3]);
    }

    [Theory]
    [InlineData("九、医疗卫生支出|", 0)]      // a new item
    [InlineData("其他收入|", -1)]              // the label above did not fill its line
    [InlineData("业支出|3.00", 0)]             // an amount: a row of its own
    public void RowsThatStartANewLineStayApart(string firstRow, int fullCol)
    {
        var head = TableSpec.Parse("""
            项目|金额
            八、社会保障和就|1,608.51
            """, page: 1);
        if (fullCol >= 0) head = WithFullLastRow(head, fullCol);
        var tail = TableSpec.Parse(firstRow, page: 2);
        var joined = Assert.Single(TableJoiner.Join([Page(1, head), Page(2, tail)]));
        Assert.Equal(3, joined.RowCount);
        Assert.Equal("八、社会保障和就", joined.ToGrid()[1][0]);
    }

    /// <summary>
    /// 江苏省人大办公厅 2017: Word broke two rows of the 收支预算总表 over page breaks (「八、社会保障和就|业支出」,
    /// 「当年收入|小计」); the published check values need both rows whole.
    /// </summary>
    [Fact]
    public void RealSummaryRowsSplitByPageBreaksAreRead()
    {
        var pdf = Path.Combine(EngineTestData.Jiangsu, "江苏省人大办公厅", "江苏省人大办公厅2017年度预算公开.pdf");
        using var processor = new DocumentProcessor(new PipelineOptions());
        var result = processor.Process(pdf);
        var summary = result.BudgetLines.Where(l => l.Form == FormType.IncomeExpenditureSummary).ToList();
        Assert.Contains(summary, l => l.Name.EndsWith("社会保障和就业支出") && l.AmountWan == 1608.51m);
        Assert.Contains(summary, l => l.Name == "当年收入小计" && l.AmountWan == 13649.07m);
        Assert.DoesNotContain(summary, l => l.Name.EndsWith("社会保障和就"));
    }
}
