using System.Globalization;
using Extractor.Domain;
using Extractor.Facts;
using Extractor.Forms;

namespace Extractor.Tests.Forms;

/// <summary>The Jiangsu 收支预算总表 fixture, read by the interpreter, gives the check values published beside the PDFs.</summary>
public class JiangsuCheckValuesTests
{
    [Fact]
    public void SummaryFixtureMatchesTheProcuratorate2019CheckValues()
    {
        var csv = Path.Combine(DocumentInterpreterTests.SeedDir(), "..", "real", "jiangsu", "江苏省人民检察院", "收支预算总表.csv");
        var rows = File.ReadAllLines(csv).Select(l => l.Split(',')).ToList();
        var header = rows[0];
        var y2019 = rows.Single(r => r[0].StartsWith("2019"));
        var lines = BudgetFormInterpreter.Read(TableSpec.Parse(Fixtures.JsIncomeExpenditure), 0, FormType.IncomeExpenditureSummary, "万元");
        int compared = 0;
        for (int c = 1; c < header.Length; c++)
        {
            if (c >= y2019.Length || y2019[c].Length == 0) continue;
            var expected = decimal.Parse(y2019[c], CultureInfo.InvariantCulture);
            var line = lines.FirstOrDefault(l => TextNorm.StripOrdinal(l.Name) == header[c]);
            Assert.True(line is not null, $"no line named {header[c]}");
            Assert.Equal(expected, line!.AmountWan!.Value);
            compared++;
        }
        Assert.True(compared >= 10);
    }
}
