using Extractor.Domain;
using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pdf;
using Extractor.Pipeline;
using Extractor.Tables;
using Extractor.Tests.Engines;

namespace Extractor.Tests.Scan;

public class CellOcrTextTests
{
    [Theory]
    [InlineData("169. 07", "169.07")]
    [InlineData("1,234. 50", "1,234.50")]
    [InlineData(" 21004 ", "21004")]
    [InlineData("21,92", "21.92")]        // a comma before two last digits is a misread point
    [InlineData("0,00", "0.00")]
    [InlineData("1,044,83", "1,044.83")]
    [InlineData("1,044", "1,044")]        // a thousands comma stays
    [InlineData("12,345.60", "12,345.60")]
    public void NumbersLoseInnerSpacesButKeepThousands(string raw, string expected) =>
        Assert.Equal(expected, CellOcr.CleanText(raw));

    [Fact]
    public void Amounts_that_lost_their_thousands_commas_get_them_back_when_the_table_prints_them()
    {
        string[] read = ["1,135.64", "1135.64", "1156,700", "2080505", "720.04", "2024", "1,908,300", "-12345.60", "合计", "2,001.00", "8,000.50"];
        Assert.Equal(["1,135.64", "1,135.64", "1,156,700", "2080505", "720.04", "2024", "1,908,300", "-12,345.60", "合计", "2,001.00", "8,000.50"],
            CellOcr.HarmonizeGrouping(read));
        // A table that prints amounts plain keeps them plain, and a stray comma in one of them is left for review.
        string[] plain = ["1135.64", "2040.10", "3,100.00", "99.5"];
        Assert.Equal(plain, CellOcr.HarmonizeGrouping(plain));
    }

    [Fact]
    public void SpacesBetweenChineseCharactersGoLatinWordsKeepTheirs()
    {
        Assert.Equal("一般公共服务支出", CellOcr.CleanText("一般 公共 服务 支出"));
        Assert.Equal("GDP per capita", CellOcr.CleanText("GDP per capita"));
        Assert.Equal("行政运行经费", CellOcr.CleanText("行政运行\n经费"));
    }

    [Fact]
    public void ColumnKindFollowsHeaderMeaningAndFirstReadings()
    {
        Assert.True(CellOcr.IsNumericColumn("预算数", ["12.50", "3.00", "合计"]));
        Assert.True(CellOcr.IsNumericColumn("科目编码", ["201", "20101", "2010101"]));
        Assert.False(CellOcr.IsNumericColumn("科目名称", ["一般公共服务支出", "行政运行", "2010101"]));
        Assert.False(CellOcr.IsNumericColumn("指标值", ["≥95%", "按时完成", "100%"]));
        Assert.True(CellOcr.IsNumericColumn("", ["1.0", "2.5", "7"]));
    }
}

/// <summary>A real budget table page rendered, turned a quarter and skewed like a phone scan, read back by OCR.</summary>
[Collection(SerialScanEngines.Name)]
public class ScanPageReaderTests
{
    static ScanPageReaderTests() => Extractor.Interop.NativeEnvironment.Initialize();

    // The Jiangsu test PDF's first budget table page at 200 dpi, its text layer without spaces, and its size in points.
    private static (GrayImage Render, string LayerText, double WidthPt, double HeightPt) BudgetPage()
    {
        using var doc = PdfDocument.Open(EngineTestData.JiangsuPdf);
        int index = Enumerable.Range(0, doc.PageCount).First(i =>
        {
            using var p = doc.GetPage(i);
            var t = p.GetText();
            return t.Contains("合计") && t.Contains("预算");
        });
        using var page = doc.GetPage(index);
        return (page.Render(200), new string(page.GetText().Where(c => !char.IsWhiteSpace(c)).ToArray()), page.WidthPt, page.HeightPt);
    }

    [Fact]
    public void SidewaysSkewedTablePageIsTurnedUprightAndItsNumbersRead()
    {
        var (render, layerText, w, h) = BudgetPage();
        // A phone scan: page turned a quarter clockwise and skewed 1.2°.
        var scan = Deskew.Rotate(Rotation.Rotate90(render, 1), 1.2);

        using var ocr = new OcrEngine();
        var stages = new Dictionary<string, double>();
        var pc = new ScanPageReader(new PipelineOptions()).Read(scan, 1, h, w, ocr, stages);

        Assert.True(pc.Scanned);
        Assert.False(pc.TextLayerUsable);
        Assert.Equal(270, pc.Rotation); // three clockwise quarters undo the one applied
        Assert.InRange(pc.SkewDegrees, 0.9, 1.5);
        Assert.Equal(w, pc.WidthPt);
        Assert.NotEmpty(pc.Tables);
        Assert.All(new[] { "preprocess", "grid", "ocr" }, k => Assert.True(stages.ContainsKey(k)));
        var numbers = pc.Tables.SelectMany(t => t.Cells).Where(c => CellOcr.LooksNumeric(c.Text) && c.Text.Length >= 3).ToList();
        Assert.NotEmpty(numbers);
        int found = numbers.Count(c => layerText.Contains(c.Text));
        Assert.True(found >= 0.9 * numbers.Count, $"{found}/{numbers.Count} numbers found in the text layer");
        Assert.All(pc.Tables.SelectMany(t => t.Cells), c => Assert.Equal(CellSource.Ocr, c.Source));
        Assert.True(pc.RawText.Length > 0);
    }

    [Fact]
    public void Cells_under_a_seal_go_to_review_and_cells_away_from_it_keep_their_confidence()
    {
        var (render, _, w, h) = BudgetPage();
        // A seal stamped in mid-gray over the middle of the table: ring, star and a band of characters inside the ring.
        int cx = render.Width / 2, cy = render.Height / 2, r = 170;
        for (int y = cy - r - 6; y <= cy + r + 6; y++)
            for (int x = cx - r - 6; x <= cx + r + 6; x++)
            {
                double d = Math.Sqrt((double)(x - cx) * (x - cx) + (double)(y - cy) * (y - cy));
                bool ink = Math.Abs(d - r) <= 4 || Math.Abs(x - cx) <= 30 && Math.Abs(y - cy) <= 30 || d is > 120 and < 140 && (x + y) % 40 < 14;
                if (ink) render.Pixels[y * render.Width + x] = Math.Min(render.Pixels[y * render.Width + x], (byte)150);
            }

        using var ocr = new OcrEngine();
        var pc = new ScanPageReader(new PipelineOptions()).Read(render, 1, w, h, ocr, null);

        var read = pc.Tables.SelectMany(t => t.Cells).Where(c => c.Text.Length > 0).ToList();
        double scale = 200 / 72.0;
        bool Under(Cell c)
        {
            double x = (c.Box.X + c.Box.Width / 2) * scale - cx, y = (c.Box.Y + c.Box.Height / 2) * scale - cy;
            return x * x + y * y <= (r - 40) * (r - 40);   // the cell's middle well inside the ring
        }
        var under = read.Where(Under).ToList();
        Assert.NotEmpty(under);
        Assert.All(under, c => Assert.True(c.Confidence <= ScanPageReader.UnderSealConfidence, $"{c.Text} at {c.Confidence}"));
        Assert.Contains(read.Where(c => !Under(c)), c => c.Confidence > 0.8);
    }
}
