using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pipeline;
using Extractor.Tables;
using Extractor.Tests.Engines;
using Extractor.Tests.Tables;

namespace Extractor.Tests.Scan;

/// <summary>Indicator values that print a number and a Chinese unit, read from a scan by the real engines.</summary>
[Collection(SerialScanEngines.Name)]
public class ValueUnitScanTests
{
    static ValueUnitScanTests() => Extractor.Interop.NativeEnvironment.Initialize();

    [Fact]
    public void Count_with_a_chinese_unit_keeps_its_unit()
    {
        string[] values = ["22台（套）", "13台（套）", "29台（套）", "46台（套）", "12台（套）", "33台（套）"];
        var rows = string.Concat(values.Select((v, i) => $"<tr><td>数量指标</td><td>设备购置数量{i + 1}</td><td>{v}</td><td>{v}</td><td>10</td></tr>"));
        var pdf = HtmlPdf.Make($"""
            <table border="1" cellspacing="0" style="border-collapse:collapse; font-size:10.5pt">
            <tr><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td></tr>{rows}
            </table>
            """);
        var scan = ScanImages.Soften(ScanImages.FirstPage(pdf, 150));
        using var ocr = new OcrEngine();
        var pc = new ScanPageReader(new PipelineOptions()).Read(scan, 1, scan.Height * 72.0 / 150, scan.Width * 72.0 / 150, ocr, null);
        var t = Assert.Single(pc.Tables);
        var read = t.Cells.Where(c => c.Row > 0 && c.Col is 2 or 3).OrderBy(c => c.Row).ThenBy(c => c.Col).Select(c => c.Text).ToList();
        static string Half(string v) => v.Replace("（", "(").Replace("）", ")");
        Assert.True(values.SelectMany(v => new[] { v, v }).Select(Half).SequenceEqual(read.Select(Half)), string.Join(" ", read));
    }
}
