using Extractor.Domain;
using Extractor.Forms;
using Extractor.Tests.Forms;
using Extractor.Validation;

namespace Extractor.Tests.Validation;

public class ScoreRepairTests
{
    private static DocumentResult Doc(string spec, bool scanned = true) =>
        ScannedDocs.Interpreted(spec, FormType.PerformanceSelfEvaluation, scanned);

    private static decimal? ScoreOf(DocumentResult doc, string name) => doc.Indicators.Single(i => i.Name == name).Score;

    [Theory]
    [InlineData("5")]      // as measured on scans: some of the digits left ("7" for 7.5, "1" for 11)
    [InlineData("")]       // read as nothing
    [InlineData("51")]     // above its 分值 of 20
    public void A_misread_score_is_the_rest_of_its_projects_total(string read)
    {
        var doc = Doc(Fixtures.OtherSelfEvaluation.Replace("| 80% | 15 |", $"| 80% | {read} |"));
        var fix = Assert.Single(ScoreRepair.Apply(doc));
        Assert.Equal(15m, ScoreOf(doc, "优良路率"));
        Assert.Equal(ScoreRepair.Rule, fix.Rule);
        Assert.Equal(15m, fix.Expected);
        Assert.Equal([doc.Indicators.Single(i => i.Name == "优良路率").Cell], fix.Cells);
    }

    [Fact]
    public void Other_readings_printed_scores_and_totals_that_hold_are_left()
    {
        // 12 may be what was printed (the total may be the misread one).
        var other = Doc(Fixtures.OtherSelfEvaluation.Replace("| 80% | 15 |", "| 80% | 12 |"));
        Assert.Empty(ScoreRepair.Apply(other));
        Assert.Equal(12m, ScoreOf(other, "优良路率"));
        // The text layer is as printed.
        Assert.Empty(ScoreRepair.Apply(Doc(Fixtures.OtherSelfEvaluation.Replace("| 80% | 15 |", "| 80% | 5 |"), scanned: false)));
        // Two scores read as nothing: which one holds the rest is not told.
        var two = Doc(Fixtures.OtherSelfEvaluation.Replace("| 80% | 15 |", "| 80% |  |").Replace("| 92% | 20 |", "| 92% |  |"));
        Assert.Empty(ScoreRepair.Apply(two));
        Assert.Empty(ScoreRepair.Apply(Doc(Fixtures.OtherSelfEvaluation)));
    }
}
