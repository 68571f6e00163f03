using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pdf;
using Extractor.Tables;
using Extractor.Tests.Engines;
using Extractor.Tests.Tables;

namespace Extractor.Tests.Scan;

[Collection(SerialScanEngines.Name)]
public class CellOcrScanTests
{
    static CellOcrScanTests() => Extractor.Interop.NativeEnvironment.Initialize();

    [Fact]
    public void Cell_is_bounded_by_its_own_rule_when_perspective_moves_it_off_the_boundary()
    {
        var c = new Canvas(400, 300, dpi: 200);
        // Lattice says the cell spans x 100..300, y 100..150; the scan's right rule sits 6 px further right and a
        // right-aligned number ends 4 px before it.
        c.HLine(95, 315, 100, 2); c.HLine(95, 315, 150, 2);
        c.VLine(100, 100, 151, 2); c.VLine(306, 100, 151, 2);
        c.Fill(250, 115, 8, 20); c.Fill(262, 115, 8, 20); c.Fill(274, 115, 8, 20); c.Fill(294, 115, 8, 20);
        var cell = new PixelRect(100, 100, 200, 50);
        int ink = 128;

        var local = new CellOcr().FindInk(c.Image, cell, 2, ink);
        var fixedInset = new CellOcr(new CellOcrOptions { LocalRules = false }).FindInk(c.Image, cell, 2, ink);

        Assert.NotNull(local.Region);
        Assert.InRange(local.Region!.Value.Right, 302, 305);   // the last digit kept, the rule left out
        Assert.True(fixedInset.Region!.Value.Right < 300);      // the fixed inset cuts into the last digit
        Assert.True(local.Region.Value.X >= 102);               // never onto the left rule
    }

    [Fact]
    public void A_left_rule_a_dozen_pixels_off_the_boundary_still_bounds_the_cell()
    {
        // As on a keystoned 200-dpi scan: near the top of a 基本支出决算明细表 the 科目代码 column's left rule sat
        // 12 px left of its straight boundary, and the code printed against it lost its first digit ("30216" read
        // "0216"): the cell must start at the rule, not at an inset from the boundary.
        var c = new Canvas(400, 300, dpi: 200);
        c.HLine(80, 315, 100, 2); c.HLine(80, 315, 131, 2);
        c.VLine(88, 100, 132, 2); c.VLine(300, 100, 132, 2);
        for (int k = 0; k < 5; k++) c.Fill(94 + 11 * k, 108, 8, 16);   // five digits from 4 px past the rule
        var ink = new CellOcr().FindInk(c.Image, new PixelRect(100, 100, 200, 31), 2, 128);
        Assert.NotNull(ink.Region);
        Assert.InRange(ink.Region!.Value.X, 90, 94);   // the first digit kept, the rule left out
    }

    // A 200-dpi page with one cell ruled 3 px thick: 200 px wide, `height` px from its top rule to its bottom one.
    private static (Canvas Page, PixelRect Cell) RuledCell(int height)
    {
        var c = new Canvas(400, 300, dpi: 200);
        c.HLine(95, 315, 100, 3); c.HLine(95, 315, 100 + height - 1, 3);
        c.VLine(100, 100, 102 + height, 3); c.VLine(300, 100, 102 + height, 3);
        return (c, new PixelRect(100, 100, 200, height));
    }

    [Fact]
    public void A_rules_end_along_the_inset_edge_is_no_ink_and_a_glyph_beside_it_is()
    {
        // As measured on a 200-dpi scan: a curved rule left one pixel row of 47 px inside an empty 指标 cell, read "一一".
        var (c, cell) = RuledCell(43);
        c.Fill(106, 137, 47, 1);   // the rule's end, just inside the inset
        Assert.Null(new CellOcr().FindInk(c.Image, cell, 3, 128).Region);

        c.Fill(180, 112, 14, 16);  // a glyph
        var ink = new CellOcr().FindInk(c.Image, cell, 3, 128);
        Assert.NotNull(ink.Region);
        Assert.Equal(1, ink.Lines);
    }

    [Fact]
    public void A_cell_on_paper_darker_than_the_pages_ink_threshold_still_finds_its_text()
    {
        // As measured on a phone photo of a 支出总表 shaded towards its top-left corner: the page's Otsu cut (204) fell
        // inside the paper's grays (192–216), so the corner's cells were all "ink", their rules were found everywhere
        // and the codes (201, 20132 …) came back empty. Digits at 120 on paper at 196:
        var (c, cell) = RuledCell(36);
        c.Fill(103, 103, 194, 30, 196);
        for (int k = 0; k < 5; k++) c.Fill(110 + 11 * k, 110, 8, 16, 120);

        var ink = new CellOcr().FindInk(c.Image, cell, 3, 204);

        Assert.NotNull(ink.Region);
        Assert.InRange(ink.Region!.Value.X, 104, 110);            // bounded by the digits, not the whole cell
        Assert.InRange(ink.Region.Value.Right, 162, 170);
        Assert.Equal(196 - CellOcr.MinPaperGap, ink.Threshold);
        Assert.Equal(128, new CellOcr().FindInk(c.Image, cell, 3, 128).Threshold);   // the page's cut where it clears the paper
    }

    [Fact]
    public void A_small_printed_digit_is_ink_and_a_speck_or_a_short_stroke_is_not()
    {
        // As measured on a 200-dpi scan: the 栏次 row's "1" and "7" (13 px high, 19–30 px of ink) fell under the
        // ink floor (32 px) and came out empty.
        var (c, cell) = RuledCell(32);
        Assert.Null(new CellOcr().FindInk(c.Image, cell, 3, 128).Region);
        c.Fill(150, 107, 4, 4);    // a speck
        c.Fill(230, 118, 3, 5);    // a short stroke lower down
        Assert.Null(new CellOcr().FindInk(c.Image, cell, 3, 128).Region);

        c.Fill(199, 109, 2, 6);    // "1": a stem of 13 px, a faint row missing, and a foot
        c.Fill(199, 116, 2, 6);
        c.Fill(197, 121, 6, 1);
        var ink = new CellOcr().FindInk(c.Image, cell, 3, 128);
        Assert.NotNull(ink.Region);
        Assert.Equal(1, ink.Lines);
    }

    [Theory]
    [InlineData("Sit", true)]
    [InlineData("RAGE|", true)]
    [InlineData("|", true)]
    [InlineData("合计", false)]
    [InlineData("12.50", false)]
    [InlineData("—", false)]
    public void Latin_junk_is_told_from_chinese_and_numbers(string text, bool junk) => Assert.Equal(junk, CellOcr.LooksLatinJunk(text));

    [Theory]
    [InlineData("228(#)", true)]
    [InlineData("138&", true)]
    [InlineData("298(套)", true)]
    [InlineData("126(套", true)]
    [InlineData("334(48)", true)]
    [InlineData("22台(套)", false)]
    [InlineData("≥95%", false)]
    [InlineData("有效提高", false)]
    public void Value_read_by_the_english_model_is_told(string text, bool mixed) => Assert.Equal(mixed, CellOcr.LooksEnglishMixedValue(text));

    [Theory]
    [InlineData("100%|", "100%")]
    [InlineData("\"100%", "100%")]
    [InlineData("99%%", "99%")]
    [InlineData("mm89%", "89%")]
    [InlineData("96.48%", "96.48%")]
    [InlineData("≥95%", "≥95%")]
    [InlineData("100%=", "100%")]          // as measured on scans
    [InlineData("298%.", "298%")]
    [InlineData("≥85%1", "≥85%")]
    [InlineData("5%10", "5%10")]           // more than a speck's digit after the sign is no percentage
    [InlineData("100°.", "100%")]          // the sign read as a degree sign or a quote
    [InlineData("100°9", "100%")]
    [InlineData("100\"«", "100%")]
    [InlineData("≥85\"0,", "≥85%")]
    [InlineData("1234°", "1234°")]         // not a rate
    public void Percentages_lose_specks_read_at_their_ends(string raw, string expected) => Assert.Equal(expected, CellOcr.CleanText(raw));

    [Theory]
    [InlineData("46台(#)", "46台（套）")]   // as measured on scans
    [InlineData("33台（#）", "33台（套）")]
    [InlineData("46台(套)", "46台(套)")]
    [InlineData("电台(#)", "电台(#)")]      // no number: not a value
    public void A_sets_unit_whose_character_read_as_a_hash_is_the_unit(string raw, string expected) => Assert.Equal(expected, CellOcr.CleanText(raw));

    [Theory]
    [InlineData("20244F12月底前", "2024年12月底前")]   // as measured on scans
    [InlineData("2022#F12月底前", "2022年12月底前")]
    [InlineData("2023F6月", "2023年6月")]
    [InlineData("2024年12月底前", "2024年12月底前")]
    [InlineData("IF12月", "IF12月")]                   // no year before it
    [InlineData("2025412月底前", "2025年12月底前")]    // 年 read as a 4: no month has three digits
    [InlineData("202546月底前", "202546月底前")]       // a month of two digits after it: left (and flagged)
    [InlineData("2025年12月底BY", "2025年12月底前")]   // 前 read as Latin letters after 月底
    [InlineData("2025年12月底Bi", "2025年12月底前")]
    [InlineData("2025年12月底止", "2025年12月底止")]   // a Chinese word there is kept
    public void A_year_or_deadline_character_misread_in_a_date_is_the_character(string raw, string expected) =>
        Assert.Equal(expected, CellOcr.CleanText(raw));

    [Theory]
    [InlineData("一次性项目（]年结束）", "一次性项目（1年结束）")]   // as measured on scans
    [InlineData("每]次", "每1次")]
    [InlineData("[1]年", "[1]年")]                                   // a bracket beside a digit is printed
    [InlineData("附表]", "附表]")]                                   // no counting word after it
    [InlineData("]年", "1年")]
    [InlineData("]年度指标全", "]年度指标全")]                       // a rule's end before a header
    public void A_one_read_as_a_bracket_before_a_counting_word_is_one(string raw, string expected) =>
        Assert.Equal(expected, CellOcr.CleanText(raw));

    [Theory]
    [InlineData("1009%", "100%")]          // as measured on scans
    [InlineData("9504%", "95%")]
    [InlineData("≥8500%", "≥85%")]
    [InlineData("100%", "100%")]
    [InlineData("120%", "120%")]            // three digits: a rate above 100 may be printed
    [InlineData("2100%", "2100%")]          // ≥100% with its ≥ read as 2: the comparator's to restore
    [InlineData("1009", "1009")]            // no percent sign: a number
    public void A_percentage_of_four_digits_read_the_signs_circles_as_digits(string raw, string expected) =>
        Assert.Equal(expected, CellOcr.CleanText(raw));

    [Theory]
    [InlineData("≤019年12月底前", "2019年12月底前")]   // as measured on scans
    [InlineData("≥022年12月", "2022年12月")]
    [InlineData("≤100%", "≤100%")]
    public void A_year_whose_2_was_read_as_a_comparator_is_the_year(string raw, string expected) =>
        Assert.Equal(expected, CellOcr.CleanText(raw));

    [Theory]
    [InlineData('≤', "022年12月", "2022年12月")]   // as measured on scans: the year's 2 told as ≤ by its shape
    [InlineData('≥', "4次", "≥4次")]
    [InlineData('≤', "458.43万元", "≤458.43万元")]
    public void A_comparator_told_from_its_shape_goes_before_the_rest_unless_it_was_a_years_2(char sign, string rest, string expected) =>
        Assert.Equal(expected, CellOcr.Signed(sign, rest));

    [Fact]
    public void Stray_marks_next_to_chinese_ask_for_a_second_opinion()
    {
        Assert.True(CellOcr.HasStrayMarks("-级指标"));
        Assert.True(CellOcr.HasStrayMarks("=级指标"));
        Assert.True(CellOcr.HasStrayMarks("项目|资金"));
        Assert.False(CellOcr.HasStrayMarks("一级指标"));
        Assert.False(CellOcr.HasStrayMarks("≥95%"));
        Assert.Equal("市县（区）财政资金", CellOcr.CleanText("市县〈区〉财政资金"));
    }

    // "合计" on a real Jiangsu page rendered at 200 dpi, and its box from the text layer grown by `pad` pixels.
    private static (GrayImage Img, PixelRect Box) RealHeji(int pad)
    {
        using var doc = PdfDocument.Open(EngineTestData.JiangsuPdf);
        using var page = doc.GetPage(OcrFixture.PageWith(doc, "合计"));
        var glyphs = page.GetGlyphs();
        int i = Enumerable.Range(0, glyphs.Count - 1).First(k => glyphs[k].Text == "合" && glyphs[k + 1].Text == "计");
        var img = page.Render(200);
        double s = 200 / 72.0;
        var a = glyphs[i].Box; var b = glyphs[i + 1].Box;
        return (img, new PixelRect((int)(a.X * s) - pad, (int)(Math.Min(a.Y, b.Y) * s) - pad,
            (int)((b.X + b.Width - a.X) * s) + 2 * pad, (int)(Math.Max(a.Height, b.Height) * s) + 2 * pad));
    }

    [Fact]
    public void Chinese_model_alone_reads_a_short_chinese_cell_from_a_real_render()
    {
        var (img, box) = RealHeji(6);

        using var ocr = new OcrEngine();
        var chinese = new CellOcr().ReadChinese(ocr, img, new CellInk(box, 1, 100));
        Assert.Contains("合计", chinese.Text);
        Assert.DoesNotContain(chinese.Text, char.IsAsciiLetter);
        Assert.True(chinese.Confidence > 0.5);
    }

    // A seal's ring crossing a cell from its top rule to its bottom rule: a slanted band 8 px wide.
    private static void Arc(Canvas c, int xTop, int yTop, int yBottom, byte v = 110)
    {
        for (int y = yTop; y <= yBottom; y++)
        {
            double t = (y - yTop) / (double)(yBottom - yTop);
            int x = xTop + (int)Math.Round(30 * t - 12 * t * t);
            c.Fill(x, y, 8, 1, v);
        }
    }

    [Fact]
    public void A_stroke_passing_through_a_cell_is_left_out_of_its_ink()
    {
        var c = new Canvas(500, 120, dpi: 200);
        c.HLine(0, 499, 10, 2); c.HLine(0, 499, 100, 2); c.VLine(10, 10, 101, 2); c.VLine(490, 10, 101, 2);
        for (int k = 0; k < 4; k++) c.Fill(40 + 30 * k, 45, 20, 24);   // four glyphs of text height 24
        Arc(c, 330, 12, 99);
        var ink = new CellOcr().FindInk(c.Image, new PixelRect(10, 10, 480, 90), 2, 160);

        Assert.NotNull(ink.Strays);
        Assert.True(ink.Region!.Value.Right < 200, $"ink ends at {ink.Region.Value.Right}");
        Assert.True(ink.Strays!.Covers(345, 55));
        Assert.False(ink.Strays.Covers(50, 55));

        var off = new CellOcr(new CellOcrOptions { DropPassingStrokes = false }).FindInk(c.Image, new PixelRect(10, 10, 480, 90), 2, 160);
        Assert.Null(off.Strays);
        Assert.True(off.Region!.Value.Right > 330);
    }

    [Fact]
    public void Black_print_under_a_gray_seal_stroke_is_kept_when_the_stroke_is_left_out()
    {
        var c = new Canvas(500, 120, dpi: 200);
        c.HLine(0, 499, 10, 2); c.HLine(0, 499, 100, 2); c.VLine(10, 10, 101, 2); c.VLine(490, 10, 101, 2);
        for (int k = 0; k < 4; k++) c.Fill(40 + 30 * k, 45, 20, 24);
        Arc(c, 330, 12, 99, v: 150);
        // A "1" printed where the arc runs: black, inside the gray stroke's blob.
        for (int y = 45; y < 69; y++)
        {
            double t = (y - 12) / 87.0;
            c.Fill(330 + (int)Math.Round(30 * t - 12 * t * t) + 2, y, 3, 1, 0);
        }
        var ink = new CellOcr().FindInk(c.Image, new PixelRect(10, 10, 480, 90), 2, 160);

        Assert.NotNull(ink.Strays);
        Assert.True(ink.Strays!.Covers(350, 90));                          // the arc below the glyph is left out
        int x57 = 330 + (int)Math.Round(30 * (45 / 87.0) - 12 * (45 / 87.0) * (45 / 87.0)) + 3;
        Assert.False(ink.Strays.Covers(x57, 57));                          // the print is not
        Assert.True(ink.Region!.Value.Right >= x57, $"ink ends at {ink.Region.Value.Right}");
        var crop = CellOcr.Padded(c.Image, ink.Region.Value, 4, ink.Strays);
        Assert.True(crop.Pixels.Count(v => v < 60) >= 24 * 3 * 4, "the print survives painting");
    }

    [Fact]
    public void A_stroke_that_touches_a_glyph_is_kept_with_it()
    {
        var c = new Canvas(500, 120, dpi: 200);
        c.HLine(0, 499, 10, 2); c.HLine(0, 499, 100, 2); c.VLine(10, 10, 101, 2); c.VLine(490, 10, 101, 2);
        for (int k = 0; k < 4; k++) c.Fill(40 + 30 * k, 45, 20, 24);
        // A glyph of two strokes joined at its foot ("凵"), touched by the arc: rows through it cross two runs.
        c.Fill(330, 45, 4, 24); c.Fill(346, 45, 4, 24); c.Fill(330, 65, 20, 4);
        Arc(c, 340, 12, 99);
        var ink = new CellOcr().FindInk(c.Image, new PixelRect(10, 10, 480, 90), 2, 160);

        Assert.Null(ink.Strays);
        Assert.True(ink.Region!.Value.Right > 345);
    }

    [Fact]
    public void A_real_cell_crossed_by_a_seal_arc_reads_as_its_text()
    {
        var (img, text) = RealHeji(3);

        // The two glyphs pasted into a cell of their own, with a seal's arc crossing the cell to their right.
        var c = new Canvas(420, 110, dpi: 200);
        for (int y = 0; y < text.Height; y++)
            for (int x = 0; x < text.Width; x++) c.Dot(30 + x, 55 - text.Height / 2 + y, img[text.X + x, text.Y + y]);
        c.HLine(0, 419, 10, 2); c.HLine(0, 419, 98, 2); c.VLine(8, 10, 99, 2); c.VLine(410, 10, 99, 2);
        Arc(c, 260, 12, 97);
        var cell = new PixelRect(8, 10, 402, 88);

        using var ocr = new OcrEngine();
        var cellOcr = new CellOcr();
        var ink = cellOcr.FindInk(c.Image, cell, 2, 160);
        Assert.NotNull(ink.Strays);
        Assert.Equal("合计", cellOcr.ReadText(ocr, c.Image, ink).Text);
    }

    // A comparator drawn like the print: an angle 14 px wide and 14 high above a bar, then "4" and a unit as blobs.
    private static Canvas Comparator(bool greater, bool withBar = true, bool angle = true)
    {
        var c = new Canvas(300, 80, dpi: 200);
        int x0 = 40, y0 = 26, w = 14, h = 14;
        for (int k = 0; k <= w; k++)
        {
            int dy = k * h / 2 / w;
            int x = greater ? x0 + k : x0 + w - k;
            if (angle) { c.Fill(x, y0 + dy, 2, 3); c.Fill(x, y0 + h - dy, 2, 3); }
            else { c.Fill(x, y0 + 2, 2, 3); c.Fill(x, y0 + 9, 2, 3); }
        }
        if (withBar) c.Fill(x0, y0 + h + 5, w + 2, 3);
        c.Fill(62, 24, 10, 24);      // "4"
        c.Fill(80, 22, 22, 26);      // "次"
        return c;
    }

    [Theory]
    [InlineData(true, '≥')]
    [InlineData(false, '≤')]
    public void A_comparator_before_a_value_is_told_by_its_shape(bool greater, char sign)
    {
        var c = Comparator(greater);
        var ink = new CellInk(new PixelRect(30, 15, 90, 45), 1, 500);
        var found = CellOcr.LeadingComparator(c.Image, ink, 128);
        Assert.NotNull(found);
        Assert.Equal(sign, found!.Value.Sign);
        Assert.InRange(found.Value.RestX, 56, 61);   // the rest begins between the bar's end and the "4"
        var rest = CellOcr.After(ink, found.Value.RestX);
        Assert.True(rest.Region!.Value.X > 56 && rest.Region.Value.X <= 62);
    }

    [Fact]
    public void An_angle_without_its_bar_or_two_bars_are_no_comparator()
    {
        var ink = new CellInk(new PixelRect(30, 15, 90, 45), 1, 500);
        Assert.Null(CellOcr.LeadingComparator(Comparator(true, withBar: false).Image, ink, 128));   // ">" alone: read as text
        Assert.Null(CellOcr.LeadingComparator(Comparator(true, angle: false).Image, ink, 128));    // "=" over a bar
        Assert.Null(CellOcr.LeadingComparator(Comparator(true).Image, ink with { Lines = 2 }, 128));
    }

    [Fact]
    public void A_number_wrapped_in_a_narrow_column_is_read_line_by_line_as_digits()
    {
        // "13269.40" printed over two lines ("13269.4" / "0") in a narrow 绩效 funds column: one line of the digits
        // setup read "1" or nothing; each line read alone and joined gives the number.
        var pdf = HtmlPdf.Make("""
            <table border="1" cellspacing="0" style="border-collapse:collapse; font-size:10.5pt">
            <tr><td>全年预算数</td><td>全年执行数</td></tr>
            <tr><td>13269.4<br>0</td><td>21940.4<br>2</td></tr>
            </table>
            """);
        var img = ScanImages.FirstPage(pdf, 200);
        var lat = Assert.Single(ScanPageReader.FindLattices(img));
        var cells = new CellOcr();
        using var ocr = new OcrEngine();
        var read = lat.Cells.Where(c => c.Row == 1).OrderBy(c => c.Col).Select(c =>
        {
            var ink = cells.FindInk(img, c.Rect, lat.RuleThickness, ScanPageReader.InkThreshold(img));
            Assert.Equal(2, ink.Lines);
            return cells.ReadDigits(ocr, img, ink).Text;
        });
        Assert.Equal(["13269.40", "21940.42"], read);
    }

    [Fact]
    public void Line_numbers_are_read_whole_by_the_english_digits_model()
    {
        // A 行次 column of a 决算 summary on a soft, grainy scan: with chi_sim first, chi_sim+eng under a digits whitelist
        // drops the leading digit of a two-digit number ("54" read "4", at twice the size too); eng alone reads it whole.
        var rows = string.Concat(Enumerable.Range(30, 32).Select(n => $"<tr><td width=\"200\">支出项目</td><td width=\"60\" align=\"center\">{n}</td></tr>"));
        var pdf = HtmlPdf.Make($"""<table border="1" cellspacing="0" style="border-collapse:collapse; font-size:10.5pt">{rows}</table>""");
        var img = ScanImages.Grain(ScanImages.Soften(ScanImages.FirstPage(pdf, 150)), paper: 215, amplitude: 8, block: 3, seed: 7);
        var lat = Assert.Single(ScanPageReader.FindLattices(img));
        using var ocr = new OcrEngine();
        List<string> Read(CellOcr cells) => lat.Cells.Where(c => c.Col == 1).OrderBy(c => c.Row).Select(c =>
            cells.ReadDigits(ocr, img, cells.FindInk(img, c.Rect, lat.RuleThickness, ScanPageReader.InkThreshold(img))).Text).ToList();
        var expected = Enumerable.Range(30, 32).Select(n => n.ToString()).ToList();
        Assert.Equal(expected, Read(new CellOcr()));
        Assert.NotEqual(expected, Read(new CellOcr(new CellOcrOptions { EnglishDigits = false })));
    }
}
