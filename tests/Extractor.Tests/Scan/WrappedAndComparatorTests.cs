using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pipeline;
using Extractor.Tables;
using Extractor.Tests.Engines;
using Extractor.Tests.Tables;
using Xunit.Abstractions;

namespace Extractor.Tests.Scan;

/// <summary>
/// Cells whose reading once lost part of what they print: a wrapped cell whose last line is one character, a
/// ≥ whose bar blur joins to its angle, a unit dropped after the sign, and an indicator block under a funds block
/// whose 分值 header stands over another column's values.
/// </summary>
[Collection(SerialScanEngines.Name)]
public class WrappedAndComparatorTests(ITestOutputHelper output)
{
    static WrappedAndComparatorTests() => Extractor.Interop.NativeEnvironment.Initialize();

    // Row ink profile of a measured scanned cell: a full line (rows of 190–280 pixels), a blank gap, then a last
    // line of one character and a full stop whose rows hold 3–19 pixels, under the 6-pixel speck allowance.
    private static readonly int[] WrappedRows =
        [74, 191, 250, 239, 283, 264, 249, 259, 219, 236, 265, 236, 234, 260, 235, 197, 194, 207, 281, 189, 8, 4, 1, 0, 0,
         0, 0, 0, 0, 0, 0, 0, 3, 5, 4, 9, 19, 4, 6, 7, 16, 8, 11, 6, 12, 5, 7, 12, 11, 7, 7, 8, 4];

    [Fact]
    public void A_last_line_of_one_character_is_a_line()
    {
        var bands = CellOcr.FaintGapBands(WrappedRows, 0, WrappedRows.Length - 1, speck: 6, dpi: 200);
        Assert.NotNull(bands);
        Assert.Equal(2, bands!.Count);
        Assert.True(bands[0].Y1 <= 23 && bands[1].Y0 >= 30, string.Join(",", bands));
    }

    [Fact]
    public void A_gap_bridged_by_faint_remnants_still_parts_two_lines()
    {
        // Two full lines 20 rows tall with a seal's remnants (10–14 pixels a row) between them.
        var rows = Enumerable.Repeat(220, 20).Concat(Enumerable.Repeat(12, 8)).Concat(Enumerable.Repeat(210, 20)).ToArray();
        var bands = CellOcr.FaintGapBands(rows, 0, rows.Length - 1, speck: 6, dpi: 200);
        Assert.Equal(2, bands?.Count);
    }

    [Fact]
    public void One_line_is_never_cut_into_its_top_and_bottom()
    {
        // One line of Chinese 26 rows tall whose middle rows are thin (a horizontal stroke band missing).
        var rows = Enumerable.Repeat(200, 11).Concat(Enumerable.Repeat(2, 3)).Concat(Enumerable.Repeat(200, 12)).ToArray();
        Assert.Null(CellOcr.FaintGapBands(rows, 0, rows.Length - 1, speck: 6, dpi: 200));
        // and a single short line is left alone
        Assert.Null(CellOcr.FaintGapBands(Enumerable.Repeat(150, 22).ToArray(), 0, 21, speck: 6, dpi: 200));
    }

    // The last line printed faint (a light scan): its strokes leave rows of a few pixels, as measured.
    [Fact]
    public void Wrapped_cell_keeps_its_last_character_on_a_scan()
    {
        const string goal = "按时完成教学设备购置项目，提高在校学生满意度，确保工作正常运转。";
        var pdf = HtmlPdf.Make($"""
            <table border="1" cellspacing="0" style="border-collapse:collapse; font-size:10.5pt">
            <tr><td>总体目标</td><td>实施期目标</td></tr>
            <tr><td>年度目标</td><td>{goal[..^2]}<br/><span style="color:#8a8a8a">{goal[^2..]}</span></td></tr>
            </table>
            """);
        var scan = ScanImages.Soften(ScanImages.FirstPage(pdf, 150));
        using var ocr = new OcrEngine();
        var page = new ScanPageReader(new PipelineOptions()).Read(scan, 1, scan.Width * 72.0 / 150, scan.Height * 72.0 / 150, ocr, null);
        var cell = Assert.Single(page.Tables).Cells.Single(c => c.Row == 1 && c.Col == 1);
        output.WriteLine(cell.Text);
        Assert.Contains("转", cell.Text);
        Assert.StartsWith("按时完成", cell.Text);
    }

    [Theory]
    // A cell cut from a generated 200-dpi scan (10 px of its rules around it): "保障120调度指挥系正常运" over "转".
    // Read as one block it came back "120调度指挥系正常运" (start garbled, end dropped).
    [InlineData("wrapped-name-cell.pgm", 2, "保障120调度指挥系正常运转")]
    // From another scan: "保障耕地保护监测经费正常运" over "转". The block read "nee"; the last line alone read "" at
    // scan size and "转" at twice it, so the name lost its last character.
    [InlineData("wrapped-name-last-char-cell.pgm", 3, "保障耕地保护监测经费正常运转")]
    public void A_wrapped_name_whose_last_line_is_one_character_reads_whole(string fixture, double rule, string expected)
    {
        var img = CellFixture(fixture);
        var cells = new CellOcr();
        var ink = cells.FindInk(img, new PixelRect(10, 10, img.Width - 20, img.Height - 20), rule, 187);
        Assert.Equal(2, ink.Lines);
        Assert.True(ink.LastLineShort);
        using var ocr = new OcrEngine();
        Assert.Equal(expected, cells.ReadText(ocr, img, ink).Text);
    }

    [Fact]
    public void A_one_line_name_read_unsure_is_read_again_at_twice_the_size()
    {
        // Cut from the dev scans (dev02 page 20): 节约运行成本, read "委约运行成本" at scan size with low confidence and
        // whole at twice it. The cell stays as unsure for review as its first reading was.
        var img = CellFixture("unsure-name-cell.pgm");
        var ink = new CellOcr().FindInk(img, new PixelRect(10, 10, img.Width - 20, img.Height - 20), 3, 171);
        Assert.Equal(1, ink.Lines);
        using var ocr = new OcrEngine();
        var once = new CellOcr(new CellOcrOptions { RetryUnsureEnlarged = false }).ReadText(ocr, img, ink);
        Assert.NotEqual("节约运行成本", once.Text);
        var again = new CellOcr().ReadText(ocr, img, ink);
        Assert.Equal("节约运行成本", again.Text);
        Assert.True(again.ReviewConfidence <= once.ReviewConfidence + 1e-9);
    }

    // A binary PGM (P5) cut from a 200-dpi page, 10 px of the cell's rules around it.
    private static GrayImage CellFixture(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(EngineTestData.RepoRoot, "tests", "Extractor.Tests", "Scan", "Fixtures", name));
        var header = System.Text.Encoding.ASCII.GetString(bytes, 0, 20).Split('\n');
        var size = header[1].Split(' ').Select(int.Parse).ToArray();
        int offset = header[0].Length + header[1].Length + header[2].Length + 3;
        return new GrayImage(size[0], size[1], 200, bytes[offset..]);
    }

    // Blobs measured on a 150-dpi scan: the 宋体 ⩾ with its slanted bar joined to the angle, and a digit 2.
    private static readonly string[] JoinedGe =
    [
        "##............", "####..........", "..####........", "....####......", "......####....", "........####..",
        "..........####", "...........###", "...........###", ".........####.", ".......####...", ".....####..###",
        "...####...###.", ".####...####..", "###...####....", "....####......", "..####........", ".###..........",
        "##............",
    ];

    private static readonly string[] Two =
    [
        "...######.....", ".###....###...", "##.......###..", "..........##..", "..........##..", "..........##..",
        ".........##...", "........##....", ".......##.....", "......##......", ".....##.......", "....##........",
        "...##.........", "..##..........", ".##...........", "##############", "##############",
    ];

    private static readonly string[] Greater =
    [
        "##............", "####..........", "..####........", "....####......", "......####....", "........####..",
        "..........####", "........####..", "......####....", "....####......", "..####........", "####..........",
        "##............",
    ];

    private static char? Joined(string[] art, bool mirror = false)
    {
        int h = art.Length, w = art[0].Length;
        var labels = new int[w * h];
        int n = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (art[y][mirror ? w - 1 - x : x] == '#') { labels[y * w + x] = 1; n++; }
        return CellOcr.JoinedComparator(labels, w, new Component(1, new PixelRect(0, 0, w, h), n, w / 2.0, h / 2.0));
    }

    [Fact]
    public void A_comparator_blurred_into_one_blob_is_told_from_a_two()
    {
        Assert.Equal('≥', Joined(JoinedGe));
        Assert.Equal('≤', Joined(JoinedGe, mirror: true));
        Assert.Null(Joined(Two));
        Assert.Null(Joined(Greater));   // a lone ">" has one stroke below its vertex and no bar
    }

    [Theory]
    [InlineData("98", "298%", "98%")]
    [InlineData("4", "24次", "4次")]
    [InlineData("98%", "298%", "98%")]
    [InlineData("12", "≥12", "12")]
    [InlineData("90", "29O%", "90")]      // the first reading does not hold the number: nothing to borrow
    [InlineData("5", "25个工作日内", "5")]  // more than a unit after the number
    public void Unit_of_the_whole_cell_is_given_back_after_the_sign(string rest, string first, string expected) =>
        Assert.Equal(expected, CellOcr.WithUnitOfFirstReading(rest, first));

    [Theory]
    [InlineData("86", "86%", true)]
    [InlineData("9", "97%", true)]         // measured at 150 dpi: "97%" read "9"
    [InlineData("7", "7次", true)]
    [InlineData("43", "43项", true)]
    [InlineData("9", "987%", false)]       // two characters more is another number
    [InlineData("86", "88%", false)]
    [InlineData("86", "86", false)]        // no unit: nothing gained
    [InlineData("12", "12.5", false)]
    public void A_bare_number_read_again_enlarged_gains_its_unit(string read, string enlarged, bool gains) =>
        Assert.Equal(gains, CellOcr.GainsUnit(read, enlarged));

    [Fact]
    public void Values_under_a_funds_block_score_header_keep_their_units()
    {
        // 自评 forms: the funds block's 分值 stands over the column that holds 实际完成值 in the indicator block.
        string[] actual = ["24项", "597人", "13次", "8项", "31人", "6次"];
        var rows = string.Concat(actual.Select((a, i) =>
            $"<tr><td>数量指标</td><td>完成任务数{i + 1}</td><td>10</td><td>{a}</td><td>10</td><td>无</td></tr>"));
        var pdf = HtmlPdf.Make($"""
            <table border="1" cellspacing="0" style="border-collapse:collapse; font-size:10.5pt">
            <tr><td>项目资金</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
            <tr><td>年度资金总额</td><td>95.66</td><td>92.62</td><td>10</td><td>96.82%</td><td>9.7</td></tr>
            <tr><td>二级指标</td><td>三级指标</td><td>分值</td><td>实际完成值</td><td>得分</td><td>偏差原因</td></tr>{rows}
            </table>
            """);
        var scan = ScanImages.Soften(ScanImages.FirstPage(pdf, 150));
        using var ocr = new OcrEngine();
        var page = new ScanPageReader(new PipelineOptions()).Read(scan, 1, scan.Width * 72.0 / 150, scan.Height * 72.0 / 150, ocr, null);
        var t = Assert.Single(page.Tables);
        var read = t.Cells.Where(c => c.Row >= 3 && c.Col == 3).OrderBy(c => c.Row).Select(c => c.Text).ToList();
        output.WriteLine(string.Join(" ", read));
        Assert.Equal(actual, read);
        // the funds block's own numbers are still numbers, and the 得分 column of the indicator block still digits
        Assert.Equal("10", t.At(1, 3)?.Text);
        Assert.All(t.Cells.Where(c => c.Row >= 3 && c.Col == 4), c => Assert.Equal("10", c.Text));
    }
}
