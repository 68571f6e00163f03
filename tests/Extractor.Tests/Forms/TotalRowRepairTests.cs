using Extractor.Domain;
using Extractor.Forms;

namespace Extractor.Tests.Forms;

public class TotalRowRepairTests
{
    private static Table Scanned(Table t) => t.WithCells(t.Cells.Select(c => c with { Source = CellSource.Ocr }).ToList());

    [Theory]
    [InlineData(" | 澡评 |")]     // read as two characters no form prints
    [InlineData(" | tt |")]       // read as Latin
    [InlineData("全证 | < |")]    // merged over the code and name columns
    public void An_unreadable_label_on_the_row_that_adds_up_the_classes_is_the_total(string label)
    {
        var spec = Fixtures.YqGeneralBudget.Replace("\n | 合计 | 1426.43", "\n" + label + " 1426.43");
        var repaired = TotalRowRepair.Repair(Scanned(TableSpec.Parse(spec)));
        var lines = BudgetFormInterpreter.Read(repaired, 0, FormType.GeneralBudgetExpenditure, "万元");
        Assert.Contains(lines, l => l.Name == "合计" && l.Column == "2025年预算数/合计" && l.AmountWan == 1426.43m);
        var cell = repaired.Cells.Single(c => c.Text == "合计" && c.Row == 2);
        Assert.Equal(label.Split('|', StringSplitOptions.TrimEntries).First(t => t.Length > 0 && t != "<"), cell.OcrText);
    }

    [Fact]
    public void A_row_that_does_not_add_up_the_classes_or_a_text_layer_label_keeps_its_reading()
    {
        var wrong = Fixtures.YqGeneralBudget.Replace("\n | 合计 | 1426.43", "\n | 澡评 | 1426.48");
        Assert.Equal("澡评", TotalRowRepair.Repair(Scanned(TableSpec.Parse(wrong))).At(2, 1)!.Text);
        var text = TableSpec.Parse(Fixtures.YqGeneralBudget.Replace("\n | 合计 | 1426.43", "\n | 澡评 | 1426.43"));
        Assert.Same(text, TotalRowRepair.Repair(text));
        // A short label the forms print, or a longer unknown one, is never a misread total.
        Assert.False(TotalRowRepair.Unreadable("合计"));
        Assert.False(TotalRowRepair.Unreadable("小计"));
        Assert.False(TotalRowRepair.Unreadable("吕梁市水利局"));
        Assert.True(TotalRowRepair.Unreadable("和"));
    }
}
