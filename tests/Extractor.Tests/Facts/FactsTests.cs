using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Tests.Facts;

public class TextNormTests
{
    [Theory]
    [InlineData("5291.19支出总计", true)]          // a missed rule merged an amount into the label
    [InlineData("本年收入/-~般公共预算", true)]    // rule debris read as symbols
    [InlineData("水费ft", true)]
    [InlineData("一、基本支出Ow", true)]
    [InlineData("一、货物A", false)]              // procurement categories and acronyms are printed so
    [InlineData("PC服务器", false)]
    [InlineData("“三公”经费", false)]
    [InlineData("2023年职业病鉴定经费结转", false)]
    [InlineData("1.一般公共预算", false)]
    [InlineData("12.50", false)]
    public void MisreadLabelsAreRecognised(string label, bool misread) => Assert.Equal(misread, TextNorm.LooksMisread(label));

    [Theory]
    [InlineData(" 社会保障 和就业\n支出 ", "社会保障和就业支出")]
    [InlineData("因公出国（境）费", "因公出国(境)费")]
    [InlineData("单位：万元", "单位:万元")]
    [InlineData("　　其中：基本工资", "其中:基本工资")]
    [InlineData("·行政运行", "行政运行")]
    [InlineData("２０２５年", "2025年")]
    [InlineData("", "")]
    public void Normalize(string raw, string expected) => Assert.Equal(expected, TextNorm.Normalize(raw));

    [Theory]
    [InlineData("208 05 01", "2080501")]
    [InlineData("２０８", "208")]
    [InlineData("科目", null)]
    public void Code(string raw, string? expected) => Assert.Equal(expected, TextNorm.Code(raw));

    [Theory]
    [InlineData("单位：万元", true)]
    [InlineData("金额单位：元", true)]
    [InlineData("（万元）", true)]
    [InlineData("单位名称", false)]
    public void UnitNote(string raw, bool expected) => Assert.Equal(expected, TextNorm.IsUnitNote(raw));

    [Fact]
    public void PointsNoteAndOrdinals()
    {
        Assert.Equal("产出指标", TextNorm.StripPointsNote(TextNorm.Normalize("产出指标 （50分）")));
        Assert.Equal("效益指标", TextNorm.StripPointsNote(TextNorm.Normalize("效益指标《30分)")));   // scan misreads
        Assert.Equal("产出指标", TextNorm.StripPointsNote(TextNorm.Normalize("产出指标(SO分)")));
        Assert.Equal("满意度指标", TextNorm.StripPointsNote(TextNorm.Normalize("满意度指标（10分")));
        Assert.Equal("得分", TextNorm.StripPointsNote("得分"));
        Assert.Equal("一般公共预算", TextNorm.StripOrdinal("一、一般公共预算"));
        Assert.Equal("一般公共预算", TextNorm.StripOrdinal("1.一般公共预算"));
        Assert.True(TextNorm.StartsWithChineseOrdinal("二十、住房保障支出"));
        Assert.False(TextNorm.StartsWithChineseOrdinal("1.一般公共预算"));
    }
}

public class AmountParserTests
{
    [Theory]
    [InlineData("169. 07", 169.07)]
    [InlineData("1,044.83", 1044.83)]
    [InlineData("１，０４４．８３", 1044.83)]
    [InlineData("-12.5", -12.5)]
    [InlineData("－3", -3)]
    [InlineData("(7.00)", -7)]
    [InlineData("0", 0)]
    [InlineData("0.00", 0)]
    [InlineData("19. 1795", 19.1795)]
    public void Numbers(string raw, double expected)
    {
        var p = AmountParser.Parse(raw);
        Assert.Equal(AmountKind.Number, p.Kind);
        Assert.Equal((decimal)expected, p.Value);
    }

    [Theory]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("-")]
    [InlineData("－")]
    [InlineData("")]
    [InlineData("  ")]
    public void EmptyMarks(string raw) => Assert.Equal(AmountKind.Empty, AmountParser.Parse(raw).Kind);

    [Fact]
    public void PercentTextAndUnits()
    {
        Assert.Equal((AmountKind.Percent, 99.17m), (AmountParser.Parse("99.17%").Kind, AmountParser.Parse("99.17%").Value!.Value));
        Assert.Equal(AmountKind.NotANumber, AmountParser.Parse("有效提高").Kind);
        Assert.Equal(AmountKind.NotANumber, AmountParser.Parse("1.2.3").Kind);
        Assert.Equal(11.5m, AmountParser.ToWan(115000m, "元"));
        Assert.Equal(115000m, AmountParser.FromWan(11.5m, "元"));
        Assert.Equal(3m, AmountParser.ToWan(3m, "万元"));
        Assert.True(AmountParser.IsAbsurd(AmountParser.ToWan(1_234_567_890_123m, "万元")));
        Assert.False(AmountParser.IsAbsurd(24169.74m));
    }
}

public class PeriodParserTests
{
    [Theory]
    [InlineData("2024. 1. 1-2024. 12. 31", 2024, 1, 1, 2024, 12, 31)]
    [InlineData("2024年1月1日至2024年12月31日", 2024, 1, 1, 2024, 12, 31)]
    [InlineData("2023.06-2025.05", 2023, 6, 1, 2025, 5, 1)]
    public void Ranges(string raw, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var p = PeriodParser.Parse(raw);
        Assert.Equal(new Period(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2)), p);
    }

    [Theory]
    [InlineData("1年")]
    [InlineData("2024.13.1-2024.12.31")]
    [InlineData("2025.1.1-2024.1.1")]
    public void NotAPeriod(string raw) => Assert.Null(PeriodParser.Parse(raw));
}

public class TargetParserTests
{
    [Theory]
    [InlineData("≥95%", Comparator.GreaterOrEqual, 95, "%")]
    [InlineData("＞90%", Comparator.Greater, 90, "%")]
    [InlineData("＜ 5 天", Comparator.Less, 5, "天")]
    [InlineData("≤3个工作日", Comparator.LessOrEqual, 3, "个工作日")]
    [InlineData("=100%", Comparator.Equal, 100, "%")]
    [InlineData("不低于90%", Comparator.GreaterOrEqual, 90, "%")]
    [InlineData("不高于 10 万元", Comparator.LessOrEqual, 10, "万元")]
    [InlineData("达到100%", Comparator.GreaterOrEqual, 100, "%")]
    [InlineData("16人", Comparator.None, 16, "人")]
    [InlineData("约13.09万元", Comparator.None, 13.09, "万元")]
    [InlineData("310人以上", Comparator.GreaterOrEqual, 310, "人")]
    [InlineData("151200元", Comparator.None, 151200, "元")]
    public void Quantitative(string raw, Comparator cmp, double value, string unit)
    {
        var v = TargetParser.Parse(raw);
        Assert.Equal((cmp, (decimal)value, unit), (v.Comparator, v.Value!.Value, v.Unit));
        Assert.False(v.IsQualitative);
        Assert.Equal(raw, v.Raw);
    }

    [Theory]
    [InlineData("有效提高")]
    [InlineData("2025年12月底前")]
    [InlineData("财政下达资金后及时发放")]
    [InlineData("心肺复苏机3台、除颤仪1台")]
    public void Qualitative(string raw)
    {
        var v = TargetParser.Parse(raw);
        Assert.True(v.IsQualitative);
        Assert.Null(v.Unit);
    }
}

public class SubjectCodeDictionaryTests
{
    private static SubjectCodeDictionary Real()
    {
        var d = SubjectCodeDictionary.LoadDefault();
        Assert.True(d.Count > 150, "models/subject-codes.tsv must be found from the test folder");
        return d;
    }

    [Fact]
    public void A_models_folder_given_as_the_page_classifiers_is_where_the_dictionary_is_read()
    {
        // EXTRACTOR_MODELS moves the classifier's model; the dictionary must follow it, or a binary outside the
        // repository runs with no subject names (and OCR post-correction without them).
        var dir = Directory.CreateTempSubdirectory("extractor-models-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "subject-codes.tsv"), "# test\n201\t一般公共服务支出\n");
            var d = SubjectCodeDictionary.LoadDefault(dir.FullName);
            Assert.Equal(1, d.Count);
            Assert.True(d.ContainsName("一般公共服务支出"));
            // A folder without the file: the one beside the app or in the repository.
            Assert.True(SubjectCodeDictionary.LoadDefault(Path.Combine(dir.FullName, "missing")).Count > 150);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void KnowsFunctionalAndEconomicCodesWithEveryName()
    {
        var d = Real();
        Assert.Equal(NameMatch.Same, d.Match("2210201", "住房公积金"));
        Assert.Equal(NameMatch.Same, d.Match("30101", "基本工资"));
        // Renamed over the years: both names are right.
        Assert.Equal(NameMatch.Same, d.Match("20805", "行政事业单位离退休"));
        Assert.Equal(NameMatch.Same, d.Match("20805", "行政事业单位养老支出"));
        Assert.Equal(NameMatch.Same, d.Match("2080505", "机关事业单位基本养老保险缴费支出"));
    }

    [Fact]
    public void OcrConfusionsAreCloseOtherNamesAreNot()
    {
        var d = Real();
        Assert.Equal(NameMatch.OcrVariant, d.Match("208", "社会保障和就业文出"));
        Assert.Equal("社会保障和就业支出", d.Closest("208", "社会保障和就业文出"));
        Assert.Equal(NameMatch.Different, d.Match("208", "住房保障支出"));
        Assert.Equal(NameMatch.UnknownCode, d.Match("2999999", "whatever"));
    }

    [Fact]
    public void LearnsTrustedLinesOnly()
    {
        var d = new SubjectCodeDictionary();
        BudgetLine Line(string code, string name, bool flagged) => new()
        {
            Form = FormType.GeneralBudgetExpenditure, Code = code, Name = name, Column = "金额", RawText = "1",
            AmountWan = 1, Cell = new CellRef(1, 0, 1, 2), Flagged = flagged,
        };
        d.Learn([Line("2130101", "行政运行", false), Line("2130102", "错的名字", true)]);
        Assert.Equal("行政运行", d.NameOf("2130101"));
        Assert.False(d.Contains("2130102"));
    }

    [Fact]
    public void MissingFileIsATypedError() =>
        Assert.Throws<FileNotFoundException>(() => SubjectCodeDictionary.Load("/nonexistent/subject-codes.tsv"));
}
