using Extractor.Domain;
using Extractor.Facts;
using Extractor.Forms;
using Extractor.Tests.Forms;
using Extractor.Validation;

namespace Extractor.Tests.Validation;

public class ReadingPlausibilityTests
{
    private static readonly SubjectCodeDictionary Dict = SubjectCodeDictionary.LoadDefault();

    /// <summary>One table read by the interpreters, on a page that came from OCR or from the text layer.</summary>
    private static DocumentResult Doc(string spec, FormType form, bool ocr, double pageConfidence = 0.9)
    {
        var doc = new DocumentResult { FilePath = "/tmp/test.pdf", Sha256 = "0" };
        var page = TableSpec.Page(1, form, "单位：万元");
        var content = new PageContent
        {
            PageNumber = 1, RawText = page.Content.RawText, Lines = page.Content.Lines,
            Scanned = ocr, TextLayerUsable = !ocr,
        };
        doc.Pages.Add(new ClassifiedPage(content, form, pageConfidence));
        doc.Tables.Add(TableSpec.Parse(spec));
        var r = DocumentInterpreter.Interpret(doc.Pages, doc.Tables);
        doc.BudgetLines.AddRange(r.BudgetLines);
        doc.Indicators.AddRange(r.Indicators);
        return doc;
    }

    [Theory]
    [InlineData("开展培训次数", "≥11%", false)]      // as measured on a scan: 次 read as %
    [InlineData("开展培训次数", "≥11次", true)]
    [InlineData("资金使用合规率", "100%", true)]
    [InlineData("资金使用合规率", "100人", false)]
    [InlineData("覆盖辖区居民人数", "≥410人", true)]
    [InlineData("培训人数", "≥50人次", true)]
    [InlineData("覆盖辖区居民人数", "≥410", false)]
    [InlineData("设备购置数量", "2台(套)", null)]   // the name names no unit
    [InlineData("资金使用合规率", "有效提高", null)]   // a worded target
    public void A_target_is_counted_in_the_unit_its_name_names(string name, string target, bool? fits) =>
        Assert.Equal(fits, ReadingPlausibility.UnitFitsName(name, TargetParser.Parse(target)));
    [Fact]
    public void A_clean_scanned_table_raises_nothing()
    {
        var doc = Doc(Fixtures.YqBasicEconomic, FormType.GeneralBudgetBasicExpenditure, ocr: true);
        Assert.NotEmpty(doc.BudgetLines);
        Assert.Empty(ReadingPlausibility.Check(doc, Dict));
    }

    [Theory]
    [InlineData("人贝经费")]     // OCR read 人员经费 as 人贝经费: plausible characters, not a header any form prints
    [InlineData("人员经费7")]    // a rule's end read after the header: the words pass once digits are set aside
    [InlineData("和")]           // a header read as one of its joining words (收入 → 和): no form prints it alone
    public void A_scanned_header_that_is_not_header_words_flags_its_column_but_not_on_text_pages(string misread)
    {
        var spec = Fixtures.YqBasicEconomic.Replace("人员经费", misread);
        var scanned = Doc(spec, FormType.GeneralBudgetBasicExpenditure, ocr: true);
        var issues = ReadingPlausibility.Check(scanned, Dict);
        Assert.NotEmpty(issues);
        Assert.All(issues, i => Assert.Equal(ReadingPlausibility.UnknownHeader, i.Rule));
        var flaggedCells = issues.SelectMany(i => i.Cells).ToHashSet();
        Assert.All(scanned.BudgetLines, l => Assert.Equal(l.Column.Contains(misread), flaggedCells.Contains(l.Cell)));

        DocumentValidator.Apply(scanned, issues);
        Assert.True(scanned.BudgetLines.First(l => l.Column.Contains(misread)).Flagged);

        var text = Doc(spec, FormType.GeneralBudgetBasicExpenditure, ocr: false);
        Assert.Empty(ReadingPlausibility.Check(text, Dict));
    }

    [Fact]
    public void A_scanned_row_label_with_debris_glued_to_its_end_is_flagged()
    {
        // OCR of a rule or speck after the name: 办公费 read as 办公费7 / 办公费SA.
        foreach (var junk in new[] { "7", "SA" })
        {
            var doc = Doc(Fixtures.YqBasicEconomic.Replace("办公费 |", $"办公费{junk} |"), FormType.GeneralBudgetBasicExpenditure, ocr: true);
            var issues = ReadingPlausibility.Check(doc, Dict);
            Assert.NotEmpty(issues);
            Assert.All(issues, i => Assert.Equal(ReadingPlausibility.LabelDebris, i.Rule));
            Assert.All(issues.SelectMany(i => i.Cells), c => Assert.StartsWith("办公费", doc.BudgetLines.Single(l => l.Cell == c).Name));
        }
    }

    [Fact]
    public void Scanned_amounts_without_a_header_are_flagged()
    {
        // The header row was lost: the amounts sit under no column.
        var spec = """
            科目编码 | 科目名称 |
            201 | 一般公共服务支出 | 10.00
            """;
        var doc = Doc(spec, FormType.GeneralBudgetExpenditure, ocr: true);
        Assert.NotEmpty(doc.BudgetLines);
        Assert.All(doc.BudgetLines, l => Assert.Equal("", l.Column));
        Assert.Contains(ReadingPlausibility.Check(doc, Dict), i => i.Rule == ReadingPlausibility.NoColumn);
        Assert.DoesNotContain(ReadingPlausibility.Check(Doc(spec, FormType.GeneralBudgetExpenditure, ocr: false), Dict), i => i.Rule == ReadingPlausibility.NoColumn);
    }

    // A class, its section and the section's items, each code of a classification level's length.
    private const string Codes = """
        科目编码 | 科目名称 | 合计
        201 | 一般公共服务支出 | 10.00
        20101 | 人大事务 | 10.00
        2010101 | 行政运行 | 5.00
        2010102 | 一般行政管理事务 | 3.00
        2010199 | 其他人大事务支出 | 2.00
        """;

    [Fact]
    public void A_scanned_subject_code_no_classification_has_is_flagged()
    {
        Assert.Empty(ReadingPlausibility.Check(Doc(Codes, FormType.GeneralBudgetExpenditure, ocr: true), Dict));
        // OCR read 201 as 291 on the class row: no 291 exists.
        var bad = Doc(Codes.Replace("201 |", "291 |"), FormType.GeneralBudgetExpenditure, ocr: true);
        var issue = Assert.Single(ReadingPlausibility.Check(bad, Dict));
        Assert.Equal(ReadingPlausibility.UnknownCode, issue.Rule);
        // Its first digit lost: "01" for 201 and "010101" for 2010101 lead with a 0, which no classification does.
        var lost = Doc(Codes.Replace("201 |", "01 |").Replace("2010101 |", "010101 |"), FormType.GeneralBudgetExpenditure, ocr: true);
        Assert.Equal(2, Flagged(lost, ReadingPlausibility.UnknownCode).Count);
        Assert.All(lost.BudgetLines.Where(l => l.Code![0] == '0'), l => Assert.Contains(l.Cell, Flagged(lost, ReadingPlausibility.UnknownCode)));
    }

    [Fact]
    public void A_scanned_weight_that_takes_the_projects_weights_past_100_is_flagged()
    {
        Assert.Empty(Flagged(Doc(Fixtures.OtherSelfEvaluation, FormType.PerformanceSelfEvaluation, ocr: true), ReadingPlausibility.IndicatorTarget));
        // 7.5 read 75 (its point lost): 75 + 20 + 30 + 20 = 145; only a weight of 45 or more accounts for the excess.
        var doc = Doc(Fixtures.OtherSelfEvaluation.Replace("| 养护里程 | 20 |", "| 养护里程 | 75 |"), FormType.PerformanceSelfEvaluation, ocr: true);
        var flagged = Flagged(doc, ReadingPlausibility.IndicatorTarget);
        Assert.Equal(doc.Indicators.Where(i => i.Name == "养护里程").Select(i => i.Cell), flagged);
    }

    [Fact]
    public void A_scanned_label_one_character_off_a_fixed_label_or_led_by_a_mark_is_flagged()
    {
        Assert.Empty(ReadingPlausibility.Check(Doc(Fixtures.YqThreePublic, FormType.ThreePublicExpenses, ocr: true), Dict));
        // 合计 read 汪计, a seal's box read 台 before a label, a label's start read "-": each row's name is misread.
        // 合计 read 澡评 or 和: a short label no form prints and no subject is called.
        foreach (var (printed, read) in new[] { ("合计", "汪计"), ("公务用车购置及运行费", "台公务用车购置及运行费"), ("公务用车购置及运行费", "-运行费"),
                     ("合计", "澡评"), ("合计", "和"), ("合计", "0.331.83"), ("公务用车购置及运行费", "公务用车购置及运行费)") })
        {
            var doc = Doc(Fixtures.YqThreePublic.Replace($"\n{printed} |", $"\n{read} |"), FormType.ThreePublicExpenses, ocr: true);
            Assert.Contains(doc.BudgetLines, l => l.Name == read);
            var flagged = Flagged(doc, ReadingPlausibility.LabelDebris);
            Assert.All(doc.BudgetLines, l => Assert.Equal(l.Name == read, flagged.Contains(l.Cell)));
            Assert.Empty(ReadingPlausibility.Check(Doc(Fixtures.YqThreePublic.Replace($"\n{printed} |", $"\n{read} |"),
                FormType.ThreePublicExpenses, ocr: false), Dict));
        }
        Assert.True(ReadingPlausibility.UnpairedBrackets("因公出国境)费"));
        Assert.False(ReadingPlausibility.UnpairedBrackets("因公出国（境)费"));   // full-width and ASCII pair up
        Assert.Null(ReadingPlausibility.NearFixedLabel("一、一般公共服务支出"));   // numbered labels are the template's
        Assert.Null(ReadingPlausibility.NearFixedLabel("健康教育宣传经费"));         // a project's name is near no label
    }

    [Fact]
    public void A_numbered_label_with_a_misread_numeral_or_subject_name_is_flagged()
    {
        Assert.DoesNotContain(ReadingPlausibility.Check(Doc(Fixtures.JsIncomeExpenditure, FormType.IncomeExpenditureSummary, ocr: true), Dict),
            i => i.Rule == ReadingPlausibility.LabelDebris);
        // As measured on a scan: 八 read 怀 and 支 read 世 in 八、社会保障和就业支出; 四 read 西.
        foreach (var read in new[] { "怀、社会保障和就业支出", "八、社会保障和就业世出", "西、社会保障和就业支出" })
        {
            var doc = Doc(Fixtures.JsIncomeExpenditure.Replace("八、社会保障和就业支出", read), FormType.IncomeExpenditureSummary, ocr: true);
            var flagged = Flagged(doc, ReadingPlausibility.LabelDebris);
            Assert.All(doc.BudgetLines, l => Assert.Equal(l.Name == read, flagged.Contains(l.Cell)));
        }
    }

    [Theory]
    [InlineData("本年支出人台计", "本年支出合计")]   // 合 read as two characters
    [InlineData("本年收入台计", "本年收入合计")]     // one changed
    [InlineData("合汁", "合计")]
    [InlineData("本年支出合计", null)]               // the label itself
    [InlineData("人台计", null)]                     // too short to tell one character read as two
    public void The_fixed_label_a_scanned_label_is_a_misreading_of(string read, string? label) =>
        Assert.Equal(label, ReadingPlausibility.NearFixedLabel(read));

    [Fact]
    public void A_scanned_code_of_no_level_length_among_codes_that_have_one_is_flagged()
    {
        var bad = Doc(Codes.Replace("20101 |", "2011 |"), FormType.GeneralBudgetExpenditure, ocr: true);
        var flagged = Flagged(bad, ReadingPlausibility.UnknownCode);
        Assert.All(bad.BudgetLines, l => Assert.Equal(l.Code == "2011", flagged.Contains(l.Cell)));
    }

    [Fact]
    public void Scanned_period_targets_of_one_row_in_different_units_are_both_flagged()
    {
        var clean = Doc(Fixtures.YqTarget, FormType.PerformanceTarget, ocr: true);
        Assert.DoesNotContain(ReadingPlausibility.Check(clean, Dict), i => i.Rule == ReadingPlausibility.IndicatorTarget);
        // The 年度 block's "16人" read "16%": the row's two targets no longer count the same thing.
        var doc = Doc(Fixtures.YqTarget.Replace("急救车司机工资发放人数 | 16人\n", "急救车司机工资发放人数 | 16%\n"), FormType.PerformanceTarget, ocr: true);
        Assert.Contains(doc.Indicators, i => i.Target == "16%");
        var flagged = Flagged(doc, ReadingPlausibility.IndicatorTarget);
        Assert.All(doc.Indicators, i => Assert.Equal(i.Name == "急救车司机工资发放人数", flagged.Contains(i.Cell)));
    }

    [Fact]
    public void Facts_of_a_page_the_classifier_was_unsure_of_are_flagged_even_from_the_text_layer()
    {
        var unsure = Doc(Fixtures.YqThreePublic, FormType.ThreePublicExpenses, ocr: false, pageConfidence: 0.3);
        var issues = ReadingPlausibility.Check(unsure, Dict);
        Assert.Equal(unsure.BudgetLines.Count, issues.Count);
        Assert.All(issues, i => Assert.Equal(ReadingPlausibility.UnsurePage, i.Rule));
    }

    [Fact]
    public void A_scanned_indicator_level_outside_the_indicator_vocabulary_is_flagged()
    {
        foreach (var spec in new[] { Fixtures.YqSelfEvaluation, Fixtures.OtherSelfEvaluation })
        {
            Assert.DoesNotContain(ReadingPlausibility.Check(Doc(spec, FormType.PerformanceSelfEvaluation, ocr: true), Dict),
                i => i.Rule == ReadingPlausibility.UnknownIndicatorLevel);
            // OCR read 产出指标 as 产山指标: every indicator under it is suspect, the others are not.
            var bad = Doc(spec.Replace("产出指标", "产山指标"), FormType.PerformanceSelfEvaluation, ocr: true);
            Assert.Contains(bad.Indicators, i => i.Level1.StartsWith("产山"));
            var flagged = ReadingPlausibility.Check(bad, Dict).Where(i => i.Rule == ReadingPlausibility.UnknownIndicatorLevel)
                .SelectMany(i => i.Cells).ToHashSet();
            Assert.All(bad.Indicators, i => Assert.Equal(i.Level1.StartsWith("产山"), flagged.Contains(i.Cell)));
            var text = Doc(spec.Replace("产出指标", "产山指标"), FormType.PerformanceSelfEvaluation, ocr: false);
            Assert.DoesNotContain(ReadingPlausibility.Check(text, Dict), i => i.Rule == ReadingPlausibility.UnknownIndicatorLevel);
        }
    }

    [Theory]
    [InlineData("2025年预算数", true)]
    [InlineData("一般公共预算/基本支出", false)]
    [InlineData("一般公共预算", true)]
    [InlineData("因公出国（境）费", true)]
    [InlineData("年初结转和结余", true)]
    [InlineData("政府性基金预算财政拨款", true)]
    [InlineData("本年收入合计", true)]
    [InlineData("人金额", false)]
    [InlineData("“般公共预算", false)]
    [InlineData("基本攴出", false)]
    public void Header_vocabulary_accepts_the_forms_words_in_any_combination(string header, bool known) =>
        Assert.Equal(known, OcrLexicon.IsHeaderVocabulary(header));

    private static HashSet<CellRef> Flagged(DocumentResult doc, string rule) =>
        ReadingPlausibility.Check(doc, Dict).Where(i => i.Rule == rule).SelectMany(i => i.Cells).ToHashSet();

    [Fact]
    public void Clean_scanned_performance_forms_raise_no_indicator_issue()
    {
        foreach (var (spec, form) in new[] { (Fixtures.YqTarget, FormType.PerformanceTarget),
                     (Fixtures.YqSelfEvaluation, FormType.PerformanceSelfEvaluation), (Fixtures.OtherSelfEvaluation, FormType.PerformanceSelfEvaluation) })
        {
            var doc = Doc(spec, form, ocr: true);
            Assert.NotEmpty(doc.Indicators);
            Assert.DoesNotContain(ReadingPlausibility.Check(doc, Dict), i => i.Rule is ReadingPlausibility.IndicatorTarget or ReadingPlausibility.IndicatorDebris);
        }
    }

    [Theory]
    [InlineData("≥120公里", "", "养护里程")]          // the value column lost
    [InlineData("≥120公里", "≥l2O公里", "养护里程")]   // letters for digits
    [InlineData("≥120公里", "过120公里", "养护里程")]   // ≥ read as a character
    [InlineData("125公里", "125", "养护里程")]          // the unit of what was achieved lost
    [InlineData("| 80% |", "| 8O% |", "优良路率")]       // what was achieved read with a letter for a digit
    [InlineData("优良路率 | 20", "优良路率 | ", "优良路率")] // 分值 lost where the other rows have one
    [InlineData("| 80% | 15 |", "| 80% | 150 |", "优良路率")]  // a point lost: the score exceeds the 分值
    [InlineData("| 有效改善 | 有效改善 |", "| 有效改善 | 有效改普 |", "群众出行条件")] // worded, one character apart
    public void A_scanned_indicator_value_that_cannot_be_one_is_flagged(string printed, string read, string name)
    {
        var bad = Doc(Fixtures.OtherSelfEvaluation.Replace(printed, read), FormType.PerformanceSelfEvaluation, ocr: true);
        var flagged = Flagged(bad, ReadingPlausibility.IndicatorTarget);
        Assert.All(bad.Indicators, i => Assert.Equal(i.Name == name, flagged.Contains(i.Cell)));
        var text = Doc(Fixtures.OtherSelfEvaluation.Replace(printed, read), FormType.PerformanceSelfEvaluation, ocr: false);
        Assert.Empty(Flagged(text, ReadingPlausibility.IndicatorTarget));
    }

    [Fact]
    public void A_scanned_target_form_row_without_its_target_is_flagged()
    {
        var bad = Doc(Fixtures.YqTarget.Replace("| 16人 |", "| |"), FormType.PerformanceTarget, ocr: true);
        var flagged = Flagged(bad, ReadingPlausibility.IndicatorTarget);
        var missing = Assert.Single(bad.Indicators, i => string.IsNullOrEmpty(i.Target));
        Assert.Equal([missing.Cell], flagged);
    }

    [Fact]
    public void Latin_letters_or_stray_marks_in_a_scanned_indicator_or_project_name_are_flagged()
    {
        var bad = Doc(Fixtures.OtherSelfEvaluation.Replace("群众满意度", "群众满意度AN"), FormType.PerformanceSelfEvaluation, ocr: true);
        var flagged = Flagged(bad, ReadingPlausibility.IndicatorDebris);
        Assert.All(bad.Indicators, i => Assert.Equal(i.Name.EndsWith("AN"), flagged.Contains(i.Cell)));
        var project = Doc(Fixtures.OtherSelfEvaluation.Replace("农村公路养护", "农村公路养护AN"), FormType.PerformanceSelfEvaluation, ocr: true);
        Assert.Equal(project.Indicators.Count, Flagged(project, ReadingPlausibility.IndicatorDebris).Count);
        // A word in Chinese quotes is printed so.
        var quoted = Doc(Fixtures.OtherSelfEvaluation.Replace("群众满意度", "“三公”经费控制率"), FormType.PerformanceSelfEvaluation, ocr: true);
        Assert.Empty(Flagged(quoted, ReadingPlausibility.IndicatorDebris));
        // A digit glued to the end of the project name, likewise.
        var digit = Doc(Fixtures.OtherSelfEvaluation.Replace("农村公路养护", "农村公路养护2"), FormType.PerformanceSelfEvaluation, ocr: true);
        Assert.Equal(digit.Indicators.Count, Flagged(digit, ReadingPlausibility.IndicatorDebris).Count);
        // A name read as no Chinese at all (another column's weight under a seal), likewise.
        var number = Doc(Fixtures.OtherSelfEvaluation.Replace("群众满意度", "8"), FormType.PerformanceSelfEvaluation, ocr: true);
        var numbered = Flagged(number, ReadingPlausibility.IndicatorDebris);
        Assert.Contains(number.Indicators, i => i.Name == "8");
        Assert.All(number.Indicators, i => Assert.Equal(i.Name == "8", numbered.Contains(i.Cell)));
    }

    [Theory]
    [InlineData("社会公众知晓率:", true)]
    [InlineData("持续发挥作用-二", true)]
    [InlineData("开展培训次数一", true)]
    [InlineData("服务对象满意度、", true)]
    [InlineData("社会公众知晓率", false)]
    [InlineData("管理制度统一", false)]
    [InlineData("全省排名第一", false)]
    [InlineData("（一）", false)]
    public void A_mark_after_an_indicator_name_is_told(string name, bool marked) =>
        Assert.Equal(marked, ReadingPlausibility.TrailingMark(name));

    [Fact]
    public void A_scanned_indicator_name_ending_in_a_mark_is_flagged()
    {
        var bad = Doc(Fixtures.OtherSelfEvaluation.Replace("群众满意度", "群众满意度:"), FormType.PerformanceSelfEvaluation, ocr: true);
        var flagged = Flagged(bad, ReadingPlausibility.IndicatorDebris);
        Assert.NotEmpty(flagged);
        Assert.All(bad.Indicators, i => Assert.Equal(i.Name.EndsWith(':'), flagged.Contains(i.Cell)));
    }

    [Fact]
    public void A_scanned_indicator_name_with_he_split_in_two_is_flagged_but_not_a_personal_ledger()
    {
        var bad = Doc(Fixtures.OtherSelfEvaluation.Replace("优良路率", "资金使用人台规率"), FormType.PerformanceSelfEvaluation, ocr: true);
        var flagged = Flagged(bad, ReadingPlausibility.IndicatorDebris);
        Assert.All(bad.Indicators, i => Assert.Equal(i.Name == "资金使用人台规率", flagged.Contains(i.Cell)));
        Assert.NotEmpty(flagged);
        var ledger = Doc(Fixtures.OtherSelfEvaluation.Replace("优良路率", "个人台账建立率"), FormType.PerformanceSelfEvaluation, ocr: true);
        Assert.Empty(Flagged(ledger, ReadingPlausibility.IndicatorDebris));
    }

    [Fact]
    public void A_scanned_project_name_led_by_a_mark_or_with_an_open_title_mark_is_flagged_on_every_indicator()
    {
        var open = Doc(Fixtures.OtherSelfEvaluation.Replace("农村公路养护", "《村公路养护"), FormType.PerformanceSelfEvaluation, ocr: true);
        Assert.Equal(open.Indicators.Count, Flagged(open, ReadingPlausibility.IndicatorDebris).Count);
        var led = Doc(Fixtures.OtherSelfEvaluation.Replace("农村公路养护", "、村公路养护"), FormType.PerformanceSelfEvaluation, ocr: true);
        Assert.Equal(led.Indicators.Count, Flagged(led, ReadingPlausibility.IndicatorDebris).Count);
        // A title printed in 《》 is no misreading.
        var title = Doc(Fixtures.OtherSelfEvaluation.Replace("农村公路养护", "《公路法》宣传"), FormType.PerformanceSelfEvaluation, ocr: true);
        Assert.Empty(Flagged(title, ReadingPlausibility.IndicatorDebris));
    }

    /// <summary>A scanned 项目支出表 and a scanned 绩效目标表 in one document.</summary>
    private static DocumentResult ProjectsAndTarget(string target, string projects = Fixtures.YqProjects)
    {
        var doc = new DocumentResult { FilePath = "/tmp/test.pdf", Sha256 = "0" };
        foreach (var (n, form) in new[] { (1, FormType.ProjectExpenditure), (2, FormType.PerformanceTarget) })
        {
            var page = TableSpec.Page(n, form, "单位：万元");
            doc.Pages.Add(new ClassifiedPage(new PageContent { PageNumber = n, RawText = page.Content.RawText, Lines = page.Content.Lines, Scanned = true }, form, 0.9));
        }
        doc.Tables.Add(TableSpec.Parse(projects));
        doc.Tables.Add(TableSpec.Parse(target, page: 2));
        var r = DocumentInterpreter.Interpret(doc.Pages, doc.Tables);
        doc.BudgetLines.AddRange(r.BudgetLines);
        doc.Projects.AddRange(r.Projects);
        doc.Indicators.AddRange(r.Indicators);
        return doc;
    }

    [Fact]
    public void A_scanned_project_table_row_one_character_from_its_performance_form_is_flagged()
    {
        // As on a generated scan: the 项目支出表 read 职业病览定经费 for the 职业病鉴定经费 its 绩效目标表 prints.
        var clean = ProjectsAndTarget(Fixtures.YqTarget);
        Assert.Empty(Flagged(clean, ReadingPlausibility.LabelDebris));
        var misread = ProjectsAndTarget(Fixtures.YqTarget, Fixtures.YqProjects.Replace("急救车司机工资及社保费", "急救车司机工资及杜保费"));
        var flagged = Flagged(misread, ReadingPlausibility.LabelDebris);
        Assert.Contains(misread.BudgetLines, l => l.Name == "急救车司机工资及杜保费");
        Assert.All(misread.BudgetLines, l => Assert.Equal(l.Name == "急救车司机工资及杜保费", flagged.Contains(l.Cell)));
    }

    [Fact]
    public void A_scanned_project_the_project_table_does_not_list_is_flagged_on_every_indicator()
    {
        var listed = ProjectsAndTarget(Fixtures.YqTarget);
        Assert.NotEmpty(listed.Indicators);
        Assert.Empty(Flagged(listed, ReadingPlausibility.IndicatorDebris));
        // "急救车司机工资及杜保费": one character misread, and no reading of the document to correct it by.
        var misread = ProjectsAndTarget(Fixtures.YqTarget.Replace("| 急救车司机工资及社保费 | < |", "| 急救车司机工资及杜保费 | < |"));
        Assert.All(misread.Indicators, i => Assert.Equal("急救车司机工资及杜保费", i.Project));
        Assert.Equal(misread.Indicators.Count, Flagged(misread, ReadingPlausibility.IndicatorDebris).Count);
        // Without a 项目支出表 the page's other cells still print the name (its 目标 and indicators), one character
        // from the reading: flagged by those.
        var alone = Doc(Fixtures.YqTarget.Replace("| 急救车司机工资及社保费 | < |", "| 急救车司机工资及杜保费 | < |"), FormType.PerformanceTarget, ocr: true);
        Assert.Equal(alone.Indicators.Count, Flagged(alone, ReadingPlausibility.IndicatorDebris).Count);
        // With nothing printing it elsewhere, nothing to look the project up in.
        var bare = Doc(Fixtures.YqTarget.Replace("| 急救车司机工资及社保费 | < |", "| 司机补肋 | < |"), FormType.PerformanceTarget, ocr: true);
        Assert.All(bare.Indicators, i => Assert.Equal("司机补肋", i.Project));
        Assert.Empty(Flagged(bare, ReadingPlausibility.IndicatorDebris));
    }

    [Fact]
    public void A_scanned_overall_evaluations_project_one_character_off_the_units_name_is_flagged()
    {
        // (The 主管部门 cell is renamed so that no cell but the unit's name holds the right reading.)
        var spec = Fixtures.OtherSelfEvaluation.Replace("| 农村公路养护 |", "| 某县交通运翰局 |").Replace("| 某县交通运输局 |", "| 某县交通局 |");
        var doc = Doc(spec, FormType.OverallPerformanceSelfEvaluation, ocr: true);
        Assert.NotEmpty(doc.Indicators);
        Assert.All(doc.Indicators, i => Assert.Equal("某县交通运翰局", i.Project));
        doc.Info = new DocumentInfo { UnitName = "某县交通运输局" };
        Assert.Equal(doc.Indicators.Count, Flagged(doc, ReadingPlausibility.IndicatorDebris).Count);
        // The same name, or a project form (whose project is not the unit): nothing.
        doc.Info = new DocumentInfo { UnitName = "某县交通运翰局" };
        Assert.Empty(Flagged(doc, ReadingPlausibility.IndicatorDebris));
        var project = Doc(spec, FormType.PerformanceSelfEvaluation, ocr: true);
        project.Info = new DocumentInfo { UnitName = "某县交通运输局" };
        Assert.Empty(Flagged(project, ReadingPlausibility.IndicatorDebris));
    }

    [Fact]
    public void A_scanned_indicator_whose_project_name_was_not_read_is_flagged()
    {
        var doc = Doc(Fixtures.OtherSelfEvaluation.Replace("| 农村公路养护 |", "| |"), FormType.PerformanceSelfEvaluation, ocr: true);
        Assert.NotEmpty(doc.Indicators);
        Assert.All(doc.Indicators, i => Assert.Equal("", i.Project));
        Assert.Equal(doc.Indicators.Count, Flagged(doc, ReadingPlausibility.IndicatorDebris).Count);
    }

    [Theory]
    [InlineData("《染病监测项目", true)]
    [InlineData("染病监测项目》", true)]
    [InlineData("-级指标", true)]
    [InlineData("《民法典》宣传经费", false)]
    [InlineData("（一）工资福利", false)]
    [InlineData("传染病监测项目", false)]
    public void Misread_marks_in_names(string name, bool misread) => Assert.Equal(misread, ReadingPlausibility.MisreadMarks(name));

    [Fact]
    public void A_scanned_target_form_whose_period_blocks_were_not_found_is_flagged_when_others_have_them()
    {
        var doc = new DocumentResult { FilePath = "/tmp/test.pdf", Sha256 = "0" };
        foreach (int n in new[] { 1, 2 })
        {
            var page = TableSpec.Page(n, FormType.PerformanceTarget, "");
            doc.Pages.Add(new ClassifiedPage(new PageContent { PageNumber = n, RawText = page.Content.RawText, Lines = page.Content.Lines, Scanned = true }, FormType.PerformanceTarget, 0.9));
        }
        // On the second page the 年度 block's headers, its 指标值 too, came out garbled (a seal over them): one block is found.
        var garbled = Fixtures.YqTarget.Replace("急救车司机工资及社保费 |", "救护车购置 |").Replace("指标值 | 二级指标 | 三级指标 | 指标值", "指标值 | 宛闻 | 宛闻 | 宛闻");
        doc.Tables.Add(TableSpec.Parse(Fixtures.YqTarget));
        doc.Tables.Add(TableSpec.Parse(garbled, page: 2));
        var r = DocumentInterpreter.Interpret(doc.Pages, doc.Tables);
        doc.Indicators.AddRange(r.Indicators);
        Assert.Contains(doc.Indicators, i => i.Cell.Page == 2 && string.IsNullOrEmpty(i.Period));
        var flagged = Flagged(doc, ReadingPlausibility.IndicatorTarget);
        Assert.All(doc.Indicators, i => Assert.Equal(string.IsNullOrEmpty(i.Period), flagged.Contains(i.Cell)));
    }

    [Fact]
    public void A_name_the_lexicon_cleaned_of_marks_stays_flagged_by_what_the_engine_read()
    {
        var doc = Doc(Fixtures.OtherSelfEvaluation, FormType.PerformanceSelfEvaluation, ocr: true);
        var target = doc.Indicators.First(i => i.Name == "群众满意度");
        var t = doc.Tables[target.Cell.Table];
        // The OCR lexicon took "nj" off the end: the cell shows the clean name and keeps the engine's reading.
        doc.Tables[target.Cell.Table] = t.WithCells(t.Cells.Select(c => c.Row == target.Cell.Row && c.Col == target.Cell.Col
            ? c with { OcrText = c.Text + "nj" } : c).ToList());
        var flagged = Flagged(doc, ReadingPlausibility.IndicatorDebris);
        Assert.All(doc.Indicators, i => Assert.Equal(i.Cell == target.Cell, flagged.Contains(i.Cell)));
    }

    [Theory]
    [InlineData("≥95%", true)]
    [InlineData("≤2.74万元", true)]
    [InlineData("46台(套)", true)]
    [InlineData("2024年12月底前", true)]
    [InlineData("5800元/人", true)]
    [InlineData("有效提高", true)]
    [InlineData("第1季度", true)]
    [InlineData("私2.74万元", false)]
    [InlineData("过4年", false)]
    [InlineData("≥o%", false)]
    [InlineData("≥100}", false)]
    [InlineData("≥298%", false)]
    [InlineData("295%", false)]      // ≥ read as a 2: no share is above the whole
    [InlineData("298(套)", false)]   // 台 read as a digit: a unit begins with a word
    [InlineData("46台(#)", false)]
    [InlineData("2022年这月底前", false)] // the month read as a character
    [InlineData("2022年12月底前", true)]
    [InlineData("2024年每月", true)]
    [InlineData("13台(4)", false)]    // 套 read as a digit
    [InlineData("2024412", false)]    // 2024年12月 with its words read as digits
    [InlineData("1000", true)]
    [InlineData("13台(套)", true)]
    [InlineData("≤023年12月", false)] // no number is printed with a leading 0
    [InlineData("0.5万元", true)]
    [InlineData("10次", true)]
    [InlineData("20244512月底前", false)] // 年 read as 45: a month of six digits
    [InlineData("每月15日前", true)]
    [InlineData("有有所提升", false)]     // a glyph read twice
    [InlineData("人人知晓", true)]        // a reduplication values print
    [InlineData("逐年提高", true)]
    [InlineData("2022年12月底丽", false)] // 前 read as another character
    [InlineData("2022年12月底止", true)]
    [InlineData("2022年12月底完成", true)]
    public void Indicator_values_read_like_values(string value, bool plausible) =>
        Assert.Equal(plausible, ReadingPlausibility.PlausibleValue(value));

    [Theory]
    [InlineData("24次", "5次", true)]     // ≥4次 read as 24次
    [InlineData("295人", "96人", true)]
    [InlineData("24次", "24次", false)]   // met as printed
    [InlineData("20次", "18次", false)]
    [InlineData("24次", "5人", false)]    // another unit: nothing to compare
    [InlineData("≥24次", "5次", false)]
    [InlineData("34次", "5次", false)]
    public void A_target_whose_comparator_was_read_as_a_2_is_told_by_what_was_achieved(string target, string actual, bool lost) =>
        Assert.Equal(lost, ReadingPlausibility.LostComparator(Extractor.Facts.TargetParser.Parse(target), actual));

    [Fact]
    public void A_project_name_one_character_from_another_cells_text_is_suspect()
    {
        // The project read 健康教育宜传经费 beside its own indicator 健康教育宣传经费覆盖辖区群众人数.
        string[] cells = ["健康教育宜传经费", "健康教育宣传经费覆盖辖区群众人数", "社会公众知晓率"];
        Assert.True(ReadingPlausibility.OneCharacterFromElsewhere("健康教育宜传经费", cells));
        // Held verbatim by another cell: read right whatever the near ones say.
        Assert.False(ReadingPlausibility.OneCharacterFromElsewhere("健康教育宜传经费", [.. cells, "保障健康教育宜传经费正常运转"]));
        // Nothing near, or two characters off, or too short to tell.
        Assert.False(ReadingPlausibility.OneCharacterFromElsewhere("免疫规划冷链运转经费", cells));
        Assert.False(ReadingPlausibility.OneCharacterFromElsewhere("健康教肓宜传经费", cells[1..]));
        Assert.False(ReadingPlausibility.OneCharacterFromElsewhere("经费", ["经费", "经赞"]));
        // A text that goes on past the name differs at its end by its own words, not by a misread.
        Assert.False(ReadingPlausibility.OneCharacterFromElsewhere("数字图书馆运维经费", ["数字图书馆运维经覆盖读者人数"]));
        // Its stem one character off the start of its own indicator's name (书 read 攻): misread.
        Assert.True(ReadingPlausibility.OneCharacterFromElsewhere("数字图攻馆运维经费", ["数字图书馆运维经验收合格率"]));
    }

    [Theory]
    [InlineData("长其", "长期", true)]
    [InlineData("有效提高", "有效提商", true)]
    [InlineData("长期", "长期", false)]
    [InlineData("按时报送", "已完成", false)]    // achieved in other words
    [InlineData("达标", "已达标", false)]
    [InlineData("≥95%", "≥96%", false)]        // numbers are compared elsewhere
    [InlineData("长期", null, false)]
    public void Worded_target_and_achievement_one_character_apart_read_one_wrong(string target, string? actual, bool flagged) =>
        Assert.Equal(flagged, ReadingPlausibility.WordedValuesOneApart(target, actual));

    [Theory]
    [InlineData("人正常运", "保障水资源监测项目正常运转二", true)]
    [InlineData("救患者满意度", "有救患者满意度", true)]
    [InlineData("急救车司机工资及社保费发放准确率", "急救车司机工资及社保费", false)] // cut where the cell wraps
    [InlineData("培训人数", "设备购置数量", false)]                                 // two indicators
    [InlineData("职工满意度", "职工满意度", false)]
    public void Period_block_names_that_read_as_one_name_misread(string a, string b, bool disagree) =>
        Assert.Equal(disagree, ReadingPlausibility.PairNamesDisagree(a, b));
}
