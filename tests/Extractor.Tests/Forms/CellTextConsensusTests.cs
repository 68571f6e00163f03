using Extractor.Domain;
using Extractor.Forms;

namespace Extractor.Tests.Forms;

public class CellTextConsensusTests
{
    private static readonly Dictionary<string, int> Support = new()
    {
        ["年度资金总额:"] = 3, ["填报日期:20241216"] = 2, ["填报日期20241216"] = 5, ["经办人:张明星"] = 3, ["其中:办公经费"] = 2, ["资金使用合规率"] = 2,
        ["个别任务受客观因素影响未按期完成,下一步将加强过程监控"] = 4, ["本项目自评100分,等级优。"] = 3,
        ["社会效益指标"] = 5, ["年初结转和结余"] = 4, ["二级指标"] = 5, ["第二中学维修经费"] = 3,
    };

    [Theory]
    // As measured on scans: a label's colon lost or read as a comma, one character misread, two in a long sentence.
    [InlineData("年度资金总额", "年度资金总额:")]
    [InlineData("经办人:;张明星", "经办人:张明星")]   // a stray mark added
    [InlineData("其中,办公经费", "其中:办公经费")]
    [InlineData("资金使用台规率", "资金使用合规率")]
    [InlineData("个别任务受客观因素区响未按期完成,下二步将加强过程监控", "个别任务受客观因素影响未按期完成,下一步将加强过程监控")]
    // Not slips: another number, a short word's character, an ordinal, two characters in a short text, Latin.
    [InlineData("本项目自评98分,等级优。", null)]
    [InlineData("一级指标", null)]
    [InlineData("第一中学维修经费", null)]
    [InlineData("经济效益指标", null)]
    [InlineData("资金使用合规率A", null)]
    [InlineData("填报日期:20241216", null)]
    [InlineData("年末结转和结余", null)]         // as measured: a label the forms print is no misreading of its sibling
    [InlineData("年未结转和结余", null)]         // as close to 年末 as to the document's 年初: not told     // a colon read is not taken away, however many pages lost theirs
    public void A_reading_a_slip_away_from_a_text_the_document_repeats_is_that_text(string reading, string? expected) =>
        Assert.Equal(expected, CellTextConsensus.Consensus(reading, 1, Support.Keys, Support));

    [Fact]
    public void A_reading_stays_unless_the_other_is_given_twice_as_often()
    {
        var support = new Dictionary<string, int> { ["资金支付及时率"] = 2, ["资金拨付及时率"] = 1 };
        Assert.Equal("资金支付及时率", CellTextConsensus.Consensus("资金拨付及时率", 1, support.Keys, support));
        support["资金拨付及时率"] = 2;
        Assert.Null(CellTextConsensus.Consensus("资金拨付及时率", 2, support.Keys, support));
    }

    [Fact]
    public void Scanned_cells_take_the_documents_text_and_keep_their_reading_while_printed_cells_stay()
    {
        static ClassifiedPage Page(int n, Table t, bool ocr) => new(new PageContent
        {
            PageNumber = n, Tables = [ocr ? t.WithCells(t.Cells.Select(c => c with { Source = CellSource.Ocr }).ToList()) : t],
            TextLayerUsable = !ocr,
        }, FormType.PerformanceTarget, 0.9);
        var good = TableSpec.Parse("年度资金总额：|资金使用合规率");
        var bad = TableSpec.Parse("年度资金总额|资金使用台规率");
        var pages = CellTextConsensus.Apply([Page(1, good, ocr: true), Page(2, good, ocr: false), Page(3, bad, ocr: true), Page(4, good, ocr: true)]);
        var cell = pages[2].Content.Tables[0].At(0, 0)!;
        Assert.Equal("年度资金总额：", cell.Text);
        Assert.Equal("年度资金总额", cell.OcrText);
        Assert.Equal("资金使用合规率", pages[2].Content.Tables[0].At(0, 1)!.Text);

        // What the text layer prints is never changed (here outnumbered: 3 for it against 5 scanned readings).
        pages = CellTextConsensus.Apply([Page(1, good, ocr: true), Page(2, good, ocr: true), Page(3, good, ocr: true), Page(4, good, ocr: true),
            Page(5, good, ocr: true), Page(6, bad, ocr: false)]);
        Assert.Equal("资金使用台规率", pages[5].Content.Tables[0].At(0, 1)!.Text);
    }
}
