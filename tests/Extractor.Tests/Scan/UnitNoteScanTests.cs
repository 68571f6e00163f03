using Extractor.Domain;
using Extractor.Forms;
using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pipeline;
using Extractor.Tables;
using Extractor.Tests.Engines;
using Extractor.Tests.Tables;

namespace Extractor.Tests.Scan;

/// <summary>The unit note (单位：元) at the end of the row above a table, read from a scan by the real engines.</summary>
[Collection(SerialScanEngines.Name)]
public class UnitNoteScanTests
{
    static UnitNoteScanTests() => Extractor.Interop.NativeEnvironment.Initialize();

    [Theory]
    [InlineData("元")]
    [InlineData("万元")]
    public void Unit_note_set_apart_beside_the_unit_name_is_read(string unit)
    {
        var rows = string.Concat(new[] { ("因公出国(境)费", "14,800.00"), ("公务接待费", "3,600.00"), ("合计", "18,400.00") }
            .Select(r => $"<tr><td>{r.Item1}</td><td>{r.Item2}</td><td>{r.Item2}</td></tr>"));
        var pdf = HtmlPdf.Make($"""
            <p style="font-size:10pt">预算公开表10</p>
            <p align="center" style="font-size:16pt"><b>2024年财政拨款安排“三公”经费支出预算表</b></p>
            <table width="100%" border="0" cellspacing="0" cellpadding="0" style="font-size:10.5pt; margin-bottom:0"><tr><td>单位名称：长治市自然资源局</td><td align="right">单位：{unit}</td></tr></table>
            <table width="100%" border="1" cellspacing="0" style="border-collapse:collapse; font-size:10.5pt">
            <tr><td>项目</td><td>合计</td><td>一般公共预算</td></tr>{rows}
            </table>
            """);
        var scan = ScanImages.Soften(ScanImages.FirstPage(pdf, 150));
        using var ocr = new OcrEngine();
        var pc = new ScanPageReader(new PipelineOptions()).Read(scan, 1, scan.Height * 72.0 / 150, scan.Width * 72.0 / 150, ocr, null);
        var t = Assert.Single(pc.Tables);
        var layout = TableLayout.Analyze(t);
        Assert.Equal(unit, UnitDetector.ForTable(t, layout, pc));
    }

    [Fact]
    public void Unit_note_is_read_alone_from_the_text_row_just_above_the_table()
    {
        // The second reading, used when the page's layout analysis read no unit: each item of the row above the
        // table read alone, and only a reading that states a unit kept (单位名称 on the same row is not).
        var pdf = HtmlPdf.Make("""
            <p align="center" style="font-size:16pt"><b>2024年项目支出预算表</b></p>
            <table width="100%" border="0" cellspacing="0" cellpadding="0" style="font-size:10.5pt"><tr><td>单位名称：晋中市农业农村局</td><td align="right">单位：元</td></tr></table>
            <table width="100%" border="1" cellspacing="0" style="border-collapse:collapse; font-size:10.5pt">
            <tr><td>项目名称</td><td>合计</td></tr><tr><td>农业技术推广项目</td><td>2,348,000.00</td></tr>
            </table>
            """);
        var scan = ScanImages.Soften(ScanImages.FirstPage(pdf, 150));
        using var ocr = new OcrEngine();
        var (lattices, img) = ScanPageReader.GridOf(scan);
        var lat = Assert.Single(lattices);
        var note = Assert.Single(ScanPageReader.ReadUnitNotes(img, lattices, ocr, ScanPageReader.InkThreshold(img)));
        Assert.Equal("元", UnitDetector.FromText(note.Text));
        Assert.True(note.Box.X * img.Dpi / 72 > lat.Bounds.X + lat.Bounds.Width / 2, "the note sits at the right end of the row");
        Assert.True(note.Box.Bottom * img.Dpi / 72 <= lat.Bounds.Y, "the note is above the table");
    }
}
