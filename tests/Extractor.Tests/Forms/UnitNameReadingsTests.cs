using Extractor.Domain;
using Extractor.Forms;

namespace Extractor.Tests.Forms;

public class UnitNameReadingsTests
{
    [Theory]
    [InlineData("阳凡市卫生健康委员会", "阳泉市卫生健康委员会")]            // as measured on scans
    [InlineData("083-昌梁市水利局", "083-吕梁市水利局")]
    [InlineData("阳泉市卫生健康委员会医事管理中弯", "阳泉市卫生健康委员会医事管理中心")]
    [InlineData("阳泉市卫生健康委员会", null)]                               // as printed
    [InlineData("阳泉市第二人民医院", null)]                                 // an ordinal apart: another unit
    [InlineData("阳泉市卫生健康委员", null)]                                 // shorter than the name
    public void A_reading_one_character_off_the_units_name_is_the_name(string reading, string? expected)
    {
        var unit = reading.Contains("水利") ? "吕梁市水利局" : reading.Contains("人民医院") ? "阳泉市第一人民医院" :
            reading.EndsWith("中弯") ? "阳泉市卫生健康委员会医事管理中心" : "阳泉市卫生健康委员会";
        Assert.Equal(expected, UnitNameReadings.Mended(reading, unit, []));
    }

    [Fact]
    public void A_reading_the_text_layer_prints_is_another_units_name() =>
        Assert.Null(UnitNameReadings.Mended("昌梁市水利局", "吕梁市水利局", ["所属单位：昌梁市水利局"]));

    [Fact]
    public void Scanned_cells_take_the_name_the_document_agrees_on_and_keep_their_reading()
    {
        var title = TableSpec.Page(1, FormType.Other, "吕梁市水利局", "2024年部门预算公开", "单位名称：吕梁市水利局");
        var table = TableSpec.Parse("主管部门|昌梁市水利局\n实施单位|吕梁市水利局");
        var scanned = table.WithCells(table.Cells.Select(c => c with { Source = CellSource.Ocr }).ToList());
        var form = new ClassifiedPage(new PageContent { PageNumber = 2, Tables = [scanned] }, FormType.PerformanceTarget, 0.9);

        var pages = UnitNameReadings.Apply([title, form]);
        var cell = pages[1].Content.Tables[0].At(0, 1)!;
        Assert.Equal("吕梁市水利局", cell.Text);
        Assert.Equal("昌梁市水利局", cell.OcrText);
        Assert.Same(title, pages[0]);

        // The text layer's cells are what the form printed: they stay, and a reading they hold is another unit's name.
        var printed = new ClassifiedPage(new PageContent { PageNumber = 3, Tables = [table], TextLayerUsable = true }, FormType.PerformanceTarget, 0.9);
        pages = UnitNameReadings.Apply([title, form, printed]);
        Assert.Equal("昌梁市水利局", pages[1].Content.Tables[0].At(0, 1)!.Text);
        Assert.Equal("昌梁市水利局", pages[2].Content.Tables[0].At(0, 1)!.Text);
    }
}
