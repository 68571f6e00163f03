using Extractor.Tables;

namespace Extractor.Tests.Tables;

/// <summary>The text rules of <see cref="CellOcr"/> that need no engine.</summary>
public class CellOcrTextTests
{
    [Theory]
    [InlineData("08", "208", true)]    // the leading digit dropped at scan size
    [InlineData("7", "7.5", true)]    // the decimal tail dropped
    [InlineData("7.5", "7.55", true)]
    [InlineData("7.", "7.55", false)]
    [InlineData("1", "11", true)]
    [InlineData("08", "08", false)]   // nothing added
    [InlineData("08", "2088", false)] // more than one character added
    [InlineData("75", "7.6", false)]  // a character changed, not added
    [InlineData("", "5", true)]
    [InlineData("0", "-0", false)]    // a speck read as a sign
    public void A_short_number_read_enlarged_is_kept_when_it_only_adds_one_character(string read, string enlarged, bool kept) =>
        Assert.Equal(kept, CellOcr.AddsOneCharacter(read, enlarged));

    [Theory]
    [InlineData("169. 07", "169.07")]
    [InlineData("21,92", "21.92")]
    [InlineData("1,044.83", "1,044.83")]
    [InlineData(".35.50.", "35.50")]
    public void A_number_is_cleaned_of_what_scanning_puts_in_it(string read, string clean) =>
        Assert.Equal(clean, CellOcr.CleanNumber(read));

    [Fact]
    public void A_cell_with_one_unsure_word_is_as_unsure_for_review_as_that_word_allows()
    {
        var box = new Extractor.Imaging.PixelRect(0, 0, 10, 10);
        // "焉目完成时间": the engine's mean stays high over one misread character.
        var oneBad = new Extractor.Ocr.OcrResult("焉目完成时间", 0.86, [new("焉", box, 0.31), new("目完成时间", box, 0.95)]);
        Assert.Equal(0.51, CellOcr.ReviewConfidenceOf(oneBad), 6);
        var allGood = new Extractor.Ocr.OcrResult("项目完成时间", 0.93, [new("项目", box, 0.90), new("完成时间", box, 0.95)]);
        Assert.Equal(0.93, CellOcr.ReviewConfidenceOf(allGood), 6);
        var oneWord = new Extractor.Ocr.OcrResult("合计", 0.7, [new("合计", box, 0.7)]);
        Assert.Equal(0.7, CellOcr.ReviewConfidenceOf(oneWord), 6);
    }
}
