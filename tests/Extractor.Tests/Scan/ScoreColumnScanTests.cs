using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pipeline;
using Extractor.Tables;
using Extractor.Tests.Engines;
using Extractor.Tests.Tables;
using Xunit.Abstractions;

namespace Extractor.Tests.Scan;

/// <summary>Numbers in a 绩效 score column on gray, grainy paper, read by the real engines.</summary>
[Collection(SerialScanEngines.Name)]
public class ScoreColumnScanTests(ITestOutputHelper output)
{
    static ScoreColumnScanTests() => Extractor.Interop.NativeEnvironment.Initialize();

    private static readonly string[] Scores = ["7.5", "9.5", "7.5", "8.5", "7.5", "9.5", "10", "7.5"];

    // The 分值 / 得分 header sits below the funds block, past the first row holding a number.
    private static string SelfEvaluation() => HtmlPdf.Make($"""
        <p align="center" style="font-size:16pt"><b>项目支出绩效自评表</b></p>
        <table width="100%" border="1" cellspacing="0" style="border-collapse:collapse; font-size:10.5pt">
        <tr><td colspan="2">项目名称</td><td colspan="5">基层干部培训项目</td></tr>
        <tr><td colspan="2">年度资金总额</td><td>120.00</td><td>118.50</td><td>10</td><td>98.75%</td><td>9.9</td></tr>
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>
        {string.Concat(Scores.Select((s, i) => $"<tr><td>产出指标</td><td>数量指标</td><td>培训人次{i + 1}</td><td>≥{100 + i}人次</td><td>{120 + i}人次</td><td>{s}</td><td>{s}</td></tr>"))}
        </table>
        """);

    private List<string> ReadScores(GrayImage scan, CellOcrOptions? cellOptions)
    {
        using var ocr = new OcrEngine();
        var page = new ScanPageReader(new PipelineOptions(), cellOptions).Read(scan, 1, scan.Width * 72.0 / scan.Dpi, scan.Height * 72.0 / scan.Dpi, ocr, null);
        var t = Assert.Single(page.Tables);
        var header = t.Cells.Single(c => c.Text == "分值");
        var read = t.Cells.Where(c => c.Row > header.Row && c.Col >= header.Col).OrderBy(c => c.Row).ThenBy(c => c.Col).Select(c => c.Text).ToList();
        output.WriteLine(string.Join(" ", read));
        return read;
    }

    [Theory]
    [InlineData(20, 7)]
    [InlineData(22, 9)]
    public void Scores_on_grainy_paper_are_read_as_numbers(int grain, int seed)
    {
        var scan = ScanImages.Grain(ScanImages.FirstPage(SelfEvaluation(), 200), paper: 205, amplitude: grain, block: 2, seed);
        var expected = Scores.SelectMany(s => new[] { s, s }).ToList();
        Assert.Equal(expected, ReadScores(scan, null));
        // The same page read without the paper whitened and without the score columns' own reading misses some
        // (measured: "7.5" read "ES", "To eS)", "四", "95"): the page is a fair test of both.
        Assert.NotEqual(expected, ReadScores(scan, new CellOcrOptions { WhitenPaper = false, ScoreColumnDigits = false }));
    }
}
