using Extractor.Domain;

namespace Extractor.Tests.Tables;

/// <summary>Text-layer pages through the real path: LibreOffice PDF → Poppler → lattice → glyphs in cells.</summary>
public class TextPathTests
{
    private static void AssertCell(Table t, int row, int col, int rowSpan, int colSpan, string text)
    {
        var c = t.Cells.SingleOrDefault(x => x.Row == row && x.Col == col);
        Assert.True(c is not null, $"no cell at r{row}c{col}");
        Assert.Equal((rowSpan, colSpan, text), (c!.RowSpan, c.ColSpan, c.Text.Replace(" ", "")));
    }

    [Fact]
    public void ColumnRuleDrawnInOneRowOnlyIsKept()
    {
        // 科目编码 | 科目名称 are apart only in the second row: 项目 and 合计 merge them again.
        var pages = HtmlPdf.Read("""
            <p>单位：万元</p>
            <table border="1" cellspacing="0" style="border-collapse:collapse">
            <tr><td colspan="2">项目</td><td rowspan="2">政府性基金收入预算</td></tr>
            <tr><td>收入科目编码</td><td>科目名称</td></tr>
            <tr><td colspan="2">合计</td><td>12.50</td></tr>
            </table>
            """, out _);
        var t = Assert.Single(Assert.Single(pages).Tables);
        Assert.Equal((3, 3), (t.RowCount, t.ColCount));
        AssertCell(t, 0, 0, 1, 2, "项目");
        AssertCell(t, 0, 2, 2, 1, "政府性基金收入预算");
        AssertCell(t, 1, 0, 1, 1, "收入科目编码");
        AssertCell(t, 1, 1, 1, 1, "科目名称");
        AssertCell(t, 2, 0, 1, 2, "合计");
        AssertCell(t, 2, 2, 1, 1, "12.50");
    }
}
