using Extractor.Domain;
using Extractor.Pdf;
using Extractor.Tables;

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

    [Fact]
    public void SpaceAfterANumberDoesNotEraseTheRuleBesideIt()
    {
        // A lone total row in tight cells, amounts right-aligned with a trailing space that reaches the rule.
        var pages = HtmlPdf.Read("""
            <p>部门收支总表（续）</p><p>单位：万元</p>
            <table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse; font-size:12pt; line-height:70%">
            <tr><td width="120">收入总计</td><td width="80" align="right">272.00&nbsp;</td><td width="160">支出总计</td>
            <td width="60" align="right">272.00&nbsp;</td><td width="60" align="right">272.00&nbsp;</td><td width="60"></td></tr>
            </table>
            """, out var pdf);
        var t = Assert.Single(Assert.Single(pages).Tables);
        Assert.Equal((1, 6), (t.RowCount, t.ColCount));
        // Only glyphs with ink are blanked; the spaces the layer holds are not.
        using var doc = PdfDocument.Open(pdf);
        using var page = doc.GetPage(0);
        var glyphs = page.GetGlyphs();
        Assert.Contains(glyphs, g => string.IsNullOrWhiteSpace(g.Text));
        Assert.Equal(glyphs.Count(g => !string.IsNullOrWhiteSpace(g.Text)), PageReader.InkBoxes(glyphs, 100 / 72.0).Count());
        AssertCell(t, 0, 1, 1, 1, "272.00");
        AssertCell(t, 0, 2, 1, 1, "支出总计");
    }
}
