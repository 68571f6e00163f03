using Extractor.Domain;
using Extractor.Forms;
using Extractor.Tests.Forms;
using Extractor.Validation;

namespace Extractor.Tests.Validation;

public class ArithmeticRepairTests
{
    private static readonly Extractor.Facts.SubjectCodeDictionary Dict = Extractor.Facts.SubjectCodeDictionary.LoadDefault();

    private static DocumentResult Doc(string spec, bool scanned = true) =>
        ScannedDocs.Interpreted(spec, FormType.ExpenditureSummary, scanned);

    private static BudgetLine Line(DocumentResult doc, string code, string column) =>
        doc.BudgetLines.Single(l => l.Code == code && l.Column.EndsWith(column));

    [Fact]
    public void A_scanned_amount_two_failed_sums_agree_on_is_repaired_and_goes_to_review()
    {
        // 114.63 read "114.68": its row (合计 = 基本 + 项目) and its column (20805 = Σ项) both fail, both want 114.63.
        var doc = Doc(Fixtures.YqExpenditure.Replace("| 114.63 | 114.63 |", "| 114.63 | 114.68 |"));
        Assert.Equal(114.68m, Line(doc, "2080505", "基本支出").AmountWan);

        var repairs = ArithmeticRepair.Apply(doc);
        var fix = Assert.Single(repairs);
        Assert.Equal(ArithmeticRepair.Rule, fix.Rule);
        var line = Line(doc, "2080505", "基本支出");
        Assert.Equal(114.63m, line.AmountWan);
        Assert.Equal("114.68", line.RawText);                       // what the engine read stays the fact's raw text
        var cell = doc.Tables[0].At(line.Cell.Row, line.Cell.Col)!;
        Assert.Equal(("114.63", "114.68"), (cell.Text, cell.OcrText));
        Assert.Equal([line.Cell], fix.Cells);
        // Every sum holds now; the repair itself sends the fact to review.
        Assert.DoesNotContain(DocumentValidator.Validate(doc, Dict), i => i.Cells.Contains(line.Cell));
        DocumentValidator.Apply(doc, repairs);
        Assert.True(Line(doc, "2080505", "基本支出").Flagged);
    }

    [Fact]
    public void A_reading_that_lost_its_decimals_is_repaired_with_the_tables_two()
    {
        // "960" for 960.40 (the end dropped at the cell's edge): its row and 类 = Σ款 both fail.
        var spec = Fixtures.YqExpenditure.Replace("| 1126.46 | 960.40 |", "| 1126.46 | 960 |");
        var doc = Doc(spec);
        Assert.Single(ArithmeticRepair.Apply(doc));
        Assert.Equal(960.40m, Line(doc, "210", "基本支出").AmountWan);
        Assert.Equal("960.40", doc.Tables[0].At(Line(doc, "210", "基本支出").Cell.Row, Line(doc, "210", "基本支出").Cell.Col)!.Text);
    }

    [Fact]
    public void A_reading_that_kept_some_of_the_digits_in_order_is_repaired()
    {
        // As measured on a scan: a gray seal's ring over the column left "4" of 114.63 and "63" of it.
        foreach (var read in new[] { "4", "63" })
        {
            var doc = Doc(Fixtures.YqExpenditure.Replace("| 114.63 | 114.63 |", $"| 114.63 | {read} |"));
            Assert.Single(ArithmeticRepair.Apply(doc));
            Assert.Equal(114.63m, Line(doc, "2080505", "基本支出").AmountWan);
        }
        // Digits out of the value's order are another number.
        var other = Doc(Fixtures.YqExpenditure.Replace("| 114.63 | 114.63 |", "| 114.63 | 36 |"));
        Assert.Empty(ArithmeticRepair.Apply(other));
    }

    [Fact]
    public void Amounts_of_one_column_a_seal_hid_are_told_by_their_rows_when_the_rest_of_the_row_holds()
    {
        // As measured on a scan: a gray seal over the 合计 column left "2", "0" and "4" of three amounts in one branch,
        // so the column's own sums agree on none of them; each row's other amounts hold in their column.
        var spec = Fixtures.YqExpenditure
            .Replace("208 | 社会保障和就业支出 | 220.30 |", "208 | 社会保障和就业支出 | 2 |")
            .Replace("20805 | 行政事业单位养老支出 | 220.30 |", "20805 | 行政事业单位养老支出 | 0 |")
            .Replace("| 114.63 | 114.63 |", "| 4 | 114.63 |");
        var doc = Doc(spec);
        Assert.Equal(3, ArithmeticRepair.Apply(doc).Count);
        Assert.Equal([220.30m, 220.30m, 114.63m], new[] { "208", "20805", "2080505" }.Select(c => Line(doc, c, "合计").AmountWan));
        Assert.DoesNotContain(DocumentValidator.Validate(doc, Dict), i => i.Rule != DocumentValidator.Rules.CodeName);

        // Digits that are not the value's, in order, are another number.
        var other = Doc(spec.Replace("208 | 社会保障和就业支出 | 2 |", "208 | 社会保障和就业支出 | 5 |"));
        ArithmeticRepair.Apply(other);
        Assert.Equal(5m, Line(other, "208", "合计").AmountWan);
    }

    [Fact]
    public void Far_readings_text_layer_cells_and_two_explanations_are_left_to_review()
    {
        // A reading three digits away from what the sums want is no misread of it.
        var far = Doc(Fixtures.YqExpenditure.Replace("| 114.63 | 114.63 |", "| 114.63 | 199.99 |"));
        Assert.Empty(ArithmeticRepair.Apply(far));
        Assert.Equal(199.99m, Line(far, "2080505", "基本支出").AmountWan);
        // The text layer is as printed: a failed sum there is the document's own.
        var text = Doc(Fixtures.YqExpenditure.Replace("| 114.63 | 114.63 |", "| 114.63 | 114.68 |"), scanned: false);
        Assert.Empty(ArithmeticRepair.Apply(text));
        // A row whose only sum is 合计 = 基本 + 项目 (no column check reaches it) could be either cell: left.
        var clean = Doc(Fixtures.YqExpenditure);
        Assert.Empty(ArithmeticRepair.Apply(clean));
    }
}
