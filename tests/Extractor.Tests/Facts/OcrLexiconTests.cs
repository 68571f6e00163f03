using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Tests.Facts;

public class OcrLexiconTests
{
    private static readonly OcrLexicon Lexicon = new(SubjectCodeDictionary.LoadDefault());

    [Theory]
    // misreads seen on phone scans: one wrong character, debris of rules at the ends, a year kept as read
    [InlineData("项目届性", "项目属性")]
    [InlineData("一般公共预算财政拨", "一般公共预算财政拨款")]   // the last glyph lost at the cell's edge
    [InlineData("本年支出人台计", "本年支出合计")]      // 合 read as two glyphs
    [InlineData("质最指标", "质量指标")]
    [InlineData("时效指标.", "时效指标")]
    [InlineData("”时效指标", "时效指标")]
    [InlineData("-般公共预算", "一般公共预算")]
    [InlineData("“般公共预算", "一般公共预算")]
    [InlineData("国有资本经营韦算", "国有资本经营预算")]
    [InlineData("会议费=", "会议费")]
    [InlineData("商品和服务支出>", "商品和服务支出")]
    [InlineData("偏差原因分析及改进揩施", "偏差原因分析及改进措施")]
    [InlineData("2024年一般公共预箅", "2024年一般公共预算")]
    [InlineData("三、国有资本经营韦算", "三、国有资本经营预算")]
    [InlineData("年度资金总额;：", "年度资金总额:")]
    [InlineData("因公出国境）费", "因公出国(境)费")]     // a lone bracket lost its pair (因公出国境费 is as near)
    [InlineData("数量指标4", "数量指标")]               // a speck read as a digit after a label
    [InlineData("十、节能环保支出1", "十、节能环保支出")]
    public void A_misread_phrase_of_the_forms_is_corrected(string reading, string expected) =>
        Assert.Equal(expected, Lexicon.Correct(reading));

    [Theory]
    [InlineData("一般公共预算")]           // already a phrase
    [InlineData("职业病鉴定经费")]         // a project name: not the forms' vocabulary, left as read
    [InlineData("救护车数量")]
    [InlineData("-级指标")]                // 一/二/三级指标 all one edit away: a tie is left alone
    [InlineData("单价")]                   // two Chinese characters: another word as likely as a misread
    [InlineData("所算数")]                 // 预算数 and 决算数 tie
    [InlineData("12.50")]
    [InlineData("国有资本经营预算收入")]     // two characters from 国有资本经营预算支出: another phrase, not a misread
    [InlineData("1.公务用车购置及维护费")]
    [InlineData("年度资金总额：")]          // the colon is printed
    [InlineData("四、公共安全支出")]        // the ordinal is printed
    [InlineData("项目预算金额（万元）")]    // a longer label than 预算金额（万元）
    [InlineData("6项")]
    [InlineData("指标1")]                  // a short label numbered in print
    [InlineData("")]
    public void Readings_that_are_phrases_unknown_words_or_ties_are_kept(string reading) =>
        Assert.Null(Lexicon.Correct(reading));

    [Theory]
    [InlineData("社会公众知晓率nj", "社会公众知晓率")]   // a seal edge right of a name the lexicon does not know
    [InlineData("开展培训次数—_", "开展培训次数")]
    [InlineData("委员视察调研经费A aN", "委员视察调研经费")]
    [InlineData("有效提高!", "有效提高")]
    public void Marks_right_of_an_unknown_name_are_debris(string reading, string expected) =>
        Assert.Equal(expected, Lexicon.Correct(reading));

    [Theory]
    [InlineData("政务服务APP")]           // an acronym is printed
    [InlineData("确保工作正常运转。")]      // so is a full stop
    [InlineData("N")]
    [InlineData("资金使用合规率-ASK4")]     // digits: not only debris, left for review
    public void Acronyms_stops_and_readings_with_digits_keep_their_ends(string reading) =>
        Assert.Null(Lexicon.Correct(reading));

    [Fact]
    public void A_name_beside_a_known_code_is_corrected_only_towards_that_codes_names()
    {
        Assert.Equal("行政运行", Lexicon.Correct("行政运仃", "2010101"));
        // 人大会议 is a phrase of the dictionary, but not the name of 2010101: no change towards it.
        Assert.Null(Lexicon.Correct("人大会仪", "2010101"));
        Assert.Equal("人大会议", Lexicon.Correct("人大会仪", "2010104"));
        // As measured on scans: the start of the code's name, then a misread end or debris.
        Assert.Equal("商品和服务支出", Lexicon.Correct("商品和服务型4", "302"));
        Assert.Equal("商品和服务支出", Lexicon.Correct("商品和服2", "302"));
        Assert.Null(Lexicon.Correct("商品和服2"));                // no code: digits are printed
        Assert.Null(Lexicon.Correct("商品和服2", "301"));         // another code's name
    }

    private static Cell C(int row, int col, string text, CellSource source = CellSource.Ocr, int colSpan = 1) =>
        new(row, col, 1, colSpan, default, text, 0.8, source);

    [Fact]
    public void Only_ocr_cells_are_corrected_and_the_engines_reading_is_kept()
    {
        var table = new Table
        {
            Page = 1, Index = 0, RowCount = 2, ColCount = 3,
            Cells = [C(0, 0, "科目编码"), C(0, 1, "科目名称"), C(0, 2, "-般公共预算"),
                     C(1, 0, "2010101"), C(1, 1, "行政运仃"), C(1, 2, "-般公共预算", CellSource.TextLayer)],
        };
        var fixedTable = Lexicon.Apply(table);
        Assert.Equal("一般公共预算", fixedTable.Text(0, 2));
        Assert.Equal("-般公共预算", fixedTable.At(0, 2)!.OcrText);
        Assert.Equal("行政运行", fixedTable.Text(1, 1));
        Assert.Equal("-般公共预算", fixedTable.Text(1, 2)); // text layer: as printed
        Assert.Null(fixedTable.At(0, 0)!.OcrText);
        var clean = new Table { Page = 1, Index = 0, RowCount = 1, ColCount = 1, Cells = [C(0, 0, "合计")] };
        Assert.Same(clean, Lexicon.Apply(clean));
    }

    private static Table Column(params string[] labels) => new()
    {
        Page = 1, Index = 0, RowCount = labels.Length, ColCount = 2,
        Cells = labels.SelectMany((t, r) => new[] { C(r, 0, t), C(r, 1, "61.20") }).ToList(),
    };

    [Theory]
    // The circle read as a character, or lost, after a correctly read ①.
    [InlineData("①公务用车购置费", "回公务用车运行维护费", "①公务用车购置费", "②公务用车运行维护费")]
    [InlineData("①公务用车购置费", "公务用车运行维护费", "①公务用车购置费", "②公务用车运行维护费")]
    // Both circles read as characters: a run of numbered siblings.
    [InlineData("加公务用车购置费", "回公务用车运行维护费", "①公务用车购置费", "②公务用车运行维护费")]
    // The circles read as marks the end-debris pass takes off ("@D", "G@", "@"): the engine's reading still shows them.
    [InlineData("台公务用车购置费", "@公务用车运行维护费", "①公务用车购置费", "②公务用车运行维护费")]
    [InlineData("@D公务用车购置费", "回公务用车运行维护费", "①公务用车购置费", "②公务用车运行维护费")]
    [InlineData("G@公务用车购置费", "@公务用车运行维护费", "①公务用车购置费", "②公务用车运行维护费")]
    // ① lost, ② read.
    [InlineData("台公务用车购置费", "②公务用车运行维护费", "①公务用车购置费", "②公务用车运行维护费")]
    // No numbered sibling: labels keep their reading (a bare phrase after a bare phrase, a stray character alone).
    [InlineData("公务用车购置费", "公务用车运行维护费", "公务用车购置费", "公务用车运行维护费")]
    [InlineData("公务接待费", "回公务用车运行维护费", "公务接待费", "回公务用车运行维护费")]
    [InlineData("公务用车购置费", "@公务用车运行维护费", "公务用车购置费", "公务用车运行维护费")]
    public void Circled_list_items_take_their_numbers_from_their_siblings(string first, string second, string want1, string want2)
    {
        var t = Lexicon.Apply(Column("公务用车购置及运行费", first, second, "合计"));
        Assert.Equal(["公务用车购置及运行费", want1, want2, "合计"], Enumerable.Range(0, 4).Select(r => t.Text(r, 0)));
    }

    [Theory]
    [InlineData("外交支出", "二、外交支出")]            // ordinal lost
    [InlineData("三外交支出", "二、外交支出")]          // misread, its 、 lost
    [InlineData("三、外交支出", "二、外交支出")]        // misread
    [InlineData("二、人外交支出", "二、外交支出")]      // a stray character after it
    [InlineData("二、外交支出", "二、外交支出")]
    [InlineData("外交支出费", "外交支出费")]            // no known phrase: kept
    public void Numbered_rows_take_the_number_between_their_neighbours(string reading, string expected)
    {
        var t = Lexicon.Apply(Column("一、一般公共服务支出", reading, "三、国防支出"));
        Assert.Equal(expected, t.Text(1, 0));
        // One neighbour is not enough: the last row of a list keeps its reading.
        Assert.Equal(reading, Lexicon.Apply(Column("一、一般公共服务支出", reading)).Text(1, 0));
    }

    [Fact]
    public void The_first_and_last_rows_of_a_list_take_their_number_from_two_neighbours_in_step()
    {
        var first = Lexicon.Apply(Column("二、一般公共服务支出", "二、外交支出", "三、国防支出", "支出合计"));
        Assert.Equal(["一、一般公共服务支出", "二、外交支出", "三、国防支出", "支出合计"], Enumerable.Range(0, 4).Select(r => first.Text(r, 0)));
        var last = Lexicon.Apply(Column("一、一般公共服务支出", "二、外交支出", "二、国防支出", "支出合计"));
        Assert.Equal(["一、一般公共服务支出", "二、外交支出", "三、国防支出", "支出合计"], Enumerable.Range(0, 4).Select(r => last.Text(r, 0)));
        // A row that reads as no numbered item (the total after a list) is not numbered.
        var total = Lexicon.Apply(Column("一、一般公共服务支出", "二、外交支出", "国防支出"));
        Assert.Equal("国防支出", total.Text(2, 0));
    }

    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十六", 16)]
    [InlineData("二十", 20)]
    [InlineData("二十三", 23)]
    [InlineData("十十", 0)]
    [InlineData("一十", 0)]
    public void Chinese_numbers_read_and_write_alike(string text, int n)
    {
        Assert.Equal(n, OcrLexicon.ParseChineseNumber(text));
        if (n > 0) Assert.Equal(text, OcrLexicon.ChineseNumber(n));
    }

    [Theory]
    [InlineData("24次", "4次", "≥4次")]
    [InlineData("24次", "≥4次", "≥4次")]
    [InlineData("2150人", "150人", "≥150人")]
    [InlineData("23年", "3", "≥3年")]           // as measured on scans: the achieved value read without its unit
    [InlineData("2190人", "214人", "≥190人")]   // near what was achieved, while 2190 is ten times it
    [InlineData("2280人", "285人", "≥280人")]
    [InlineData("7100人", "98人", "≥100人")]
    [InlineData("220次", "13次", null)]         // 20 is not near 13
    [InlineData("2190人", "214", "≥190人")]
    [InlineData("2100%", "95%", null)]          // percentages are the comparator repair's
    [InlineData("24次", "5次", null)]     // achieved something else: a target of 24 is as likely
    [InlineData("24次", "24次", null)]
    [InlineData("≥4次", "4次", null)]
    public void A_target_read_with_2_for_its_comparator_is_told_by_what_was_achieved(string target, string actual, string? expected) =>
        Assert.Equal(expected, OcrLexicon.ComparatorFromActual(target, actual));

    [Fact]
    public void Indicator_level_headers_whose_ordinals_were_lost_take_them_from_their_order()
    {
        // 绩效目标表: 实施期 block 一/二/三级, 年度 block 二/三级 (it shares the 一级 column), values after each.
        var cells = new[]
        {
            C(0, 0, "绩效指标"), C(0, 1, "-级指标"), C(0, 2, "-级指标"), C(0, 3, "=级指标"), C(0, 4, "指标值"),
            C(0, 5, "-级指标"), C(0, 6, "三级指标|"), C(0, 7, "指标值"),
        };
        var t = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 1, ColCount = 8, Cells = cells });
        Assert.Equal(["一级指标", "二级指标", "三级指标"], new[] { t.Text(0, 1), t.Text(0, 2), t.Text(0, 3) });
        Assert.Equal(["二级指标", "三级指标"], new[] { t.Text(0, 5), t.Text(0, 6) });

        // Two levels only, the first read: the run starts where the reading says, not at 二.
        var two = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 1, ColCount = 3,
            Cells = [C(0, 0, "一级指标"), C(0, 1, "-级指标"), C(0, 2, "指标值")] });
        Assert.Equal("二级指标", two.Text(0, 1));
        Assert.Equal("一级指标", two.Text(0, 0));

        // Two ordinals lost and the third header garbled beyond the pattern: the garbled one closes the run, so
        // the run is 一/二/三, not 二/三 followed by an unknown column.
        var garbled = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 2, ColCount = 4,
            Cells = [C(0, 0, "-级指标"), C(0, 1, "-级指标"), C(0, 2, "33和指标"), C(0, 3, "指标值"),
                     C(1, 0, "产出指标"), C(1, 1, "数量指标"), C(1, 2, "质量指标"), C(1, 3, "100%")] });
        Assert.Equal(["一级指标", "二级指标", "三级指标"], new[] { garbled.Text(0, 0), garbled.Text(0, 1), garbled.Text(0, 2) });
        Assert.Equal("质量指标", garbled.Text(1, 2));   // a body row's words are no headers

        // Two ordinals lost and the third header read as Latin: the column under the first holds 产出指标, 效益指标,
        // so the run is 一/二, not 二/三.
        var latin = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 4, ColCount = 4,
            Cells = [C(0, 0, "-级指标"), C(0, 1, "=级指标"), C(0, 2, "AN"), C(0, 3, "指标值"),
                     C(1, 0, "产出指标"), C(1, 1, "数量指标"), C(1, 2, "开展培训次数"), C(1, 3, "≥6次"),
                     C(2, 0, "效益指标（30分）"), C(2, 1, "社会效益指标"), C(2, 2, "群众知晓率"), C(2, 3, "≥90%"),
                     C(3, 0, "满意度指标"), C(3, 1, "服务对象满意度指标"), C(3, 2, "职工满意度"), C(3, 3, "≥90%")] });
        Assert.Equal(["一级指标", "二级指标"], new[] { latin.Text(0, 0), latin.Text(0, 1) });

        // The 年度 block's 二级指标 alone with its ordinal lost (its 三级指标 garbled past any pattern): its column
        // holds 质量指标, 时效指标, so it is 二级; a lone one whose column says nothing is left as read.
        var lone = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 3, ColCount = 8,
            Cells = [C(0, 0, "一级指标"), C(0, 1, "二级指标"), C(0, 2, "三级指标"), C(0, 3, "指标值"), C(0, 4, "-级指标_"), C(0, 5, "二搬标"),
                     C(0, 6, "指标值"), C(0, 7, "-级指标"),
                     C(1, 0, "产出指标"), C(1, 1, "质量指标"), C(1, 2, "资金使用合规率"), C(1, 3, "100%"), C(1, 4, "质量指标"), C(1, 5, "合规率"),
                     C(1, 6, "100%"), C(1, 7, "x"),
                     C(2, 0, "产出指标"), C(2, 1, "时效指标"), C(2, 2, "资金支付及时率"), C(2, 3, "100%"), C(2, 4, "时效指标"), C(2, 5, "及时率"),
                     C(2, 6, "100%"), C(2, 7, "y")] });
        Assert.Equal("二级指标", lone.Text(0, 4));
        Assert.Equal("-级指标", lone.Text(0, 7));
    }

    [Theory]
    [InlineData("LA时效指标w愉", "时效指标")]            // rule and seal debris around a level
    [InlineData("『成本指标“8", "成本指标")]
    [InlineData("经济效益指标“所", "经济效益指标")]
    [InlineData("满意度指标(1047)", "满意度指标")]       // a points note misread
    [InlineData("消意度指标", "满意度指标")]             // one character misread
    [InlineData("<符效指标", "时效指标")]                // and a mark at its end
    [InlineData("服务对象满意度指标", "服务对象满意度指标")] // the longest level, not 满意度指标 inside it
    [InlineData("社会效益", "社会效益")]
    [InlineData("对象满意度指标", "对象满意度指标")]      // two characters besides the level: another phrase, kept
    [InlineData("履职效能", "履职效能")]                 // an 整体绩效 level outside the project framework, kept
    public void Indicator_levels_snap_to_the_national_framework(string reading, string expected) =>
        Assert.Equal(expected, OcrLexicon.SnapIndicatorLevel(reading));

    [Theory]
    [InlineData(">85%", "≥85%")]
    [InlineData("<2.74万元", "≤2.74万元")]
    [InlineData("S2.74万元", "≤2.74万元")]
    [InlineData("298%", "≥98%")]
    [InlineData("2100%", "≥100%")]
    [InlineData("790%", "≥90%")]
    [InlineData("过100%", "≥100%")]  // ≥ read as a character of like shape
    [InlineData("之98%", "≥98%")]
    [InlineData("人100%", "≥100%")]
    [InlineData("人>100%", "≥100%")] // or as one glyph and the > after it
    [InlineData("二6次", "≥6次")]
    [InlineData("≥>4年", "≥4年")]
    [InlineData("会1009%", "≥100%")]  // as measured on scans: ≥ read as another character
    [InlineData("立410人", "≥410人")]
    [InlineData("委141.43万元", "≤141.43万元")]   // a cost is capped
    [InlineData("约100人", null)]      // printed so
    [InlineData("每年1次", null)]
    [InlineData("第4季度", null)]
    [InlineData("人均", null)]
    [InlineData("过程", null)]
    [InlineData("25%", null)]      // a plain rate
    [InlineData("200%", null)]
    [InlineData("有效提高", null)]
    [InlineData("16人", null)]
    public void Comparators_the_engine_cannot_read_are_restored(string reading, string? expected) =>
        Assert.Equal(expected, OcrLexicon.RestoreComparator(reading));

    [Fact]
    public void Comparators_are_restored_only_under_indicator_value_headers()
    {
        var t = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 2, ColCount = 3,
            Cells = [C(0, 0, "三级指标"), C(0, 1, "指标值"), C(0, 2, "备注"), C(1, 0, ">5年"), C(1, 1, ">5年"), C(1, 2, ">5年")] });
        Assert.Equal(">5年", t.Text(1, 0));
        Assert.Equal("≥5年", t.Text(1, 1));
        Assert.Equal(">5年", t.Text(1, 1 + 1));
        Assert.Equal(">5年", t.At(1, 1)!.OcrText);
    }

    [Theory]
    [InlineData("一次性项目（1年结束)", "一次性项目（1年结束）")]
    [InlineData("46台(套)", "46台（套）")]
    [InlineData("年度资金总额:", "年度资金总额：")]
    [InlineData("经办人:岳慧娟", "经办人：岳慧娟")]
    [InlineData("(12.50)", "(12.50)")]          // no Chinese: a negative amount keeps its marks
    [InlineData("2023.1.1-2023.12.31", "2023.1.1-2023.12.31")]
    [InlineData("时间12:30", "时间12:30")]       // a colon between digits is no Chinese colon
    [InlineData("三公”经费控制率", "“三公”经费控制率")]   // quotes come in pairs
    [InlineData("“三公”经费控制率", "“三公”经费控制率")]
    [InlineData("经费控制率”", "经费控制率”")]            // a closing quote far from the start is left
    [InlineData("市县《区）财政资金", "市县（区）财政资金")]   // as measured on scans: a bracket read as a book-title mark
    [InlineData("《预算法》规定", "《预算法》规定")]
    [InlineData("产出指标（《50分）", "产出指标（50分）")]      // the bracket read twice
    [InlineData("已按计划完成年度工作任务,各项工作运转正常", "已按计划完成年度工作任务，各项工作运转正常")]
    [InlineData("1,234.50元", "1,234.50元")]                   // a thousands comma stays
    [InlineData("填报日期，20231216", "填报日期：20231216")]   // a label's colon read as a comma
    [InlineData("负责人，孙明星", "负责人：孙明星")]
    [InlineData("经办人;岳慧娟", "经办人：岳慧娟")]
    [InlineData("截至目前，2023年已完成", "截至目前，2023年已完成")]   // no label: a sentence's comma
    [InlineData("其中，办公经费", "其中：办公经费")]                 // as measured on scans: 其中 before a short item
    [InlineData("其中，因公出国（境）费反映单位公务出国（境）的国际旅费", "其中，因公出国（境）费反映单位公务出国（境）的国际旅费")]
    public void Chinese_texts_get_the_brackets_and_colons_chinese_typesetting_prints(string reading, string expected) =>
        Assert.Equal(expected, OcrLexicon.WithChinesePunctuation(reading));

    [Theory]
    [InlineData("数字图书馆运维经履盖读者人数", "数字图书馆运维经覆盖读者人数")]   // as measured on scans
    [InlineData("艾滋病防治项目牙盖辖区居民人数", "艾滋病防治项目覆盖辖区居民人数")]
    [InlineData("课程涵盖主要领域", "课程涵盖主要领域")]       // words of their own
    [InlineData("文件加盖公章", "文件加盖公章")]
    [InlineData("履盖", "履盖")]                               // too short to tell
    [InlineData("盖章文件数量", "盖章文件数量")]
    public void A_misread_cover_in_a_name_is_coverage(string reading, string expected) =>
        Assert.Equal(expected, OcrLexicon.WithCommonWords(reading));

    [Theory]
    [InlineData("健康教育宜传经费", "健康教育宣传经费")]   // as measured on scans
    [InlineData("资金使用全规率", "资金使用合规率")]
    [InlineData("适宜传播的内容", "适宜传播的内容")]       // 宜 ending a word of its own
    [InlineData("安全规范执行率", "安全规范执行率")]       // 全规 inside 安全规范
    public void Character_pairs_no_word_holds_are_the_words_they_misread(string reading, string expected) =>
        Assert.Equal(expected, OcrLexicon.WithCommonWords(reading));

    [Theory]
    [InlineData("资金支付及时素", "资金支付及时率")]   // as measured on scans
    [InlineData("工作任务完成束", "工作任务完成率")]
    [InlineData("社会公众知晓事", "社会公众知晓率")]
    [InlineData("资金使用合规党", "资金使用合规率")]
    [InlineData("防汛抗旱物资储备验收合格素", "防汛抗旱物资储备验收合格率")]
    [InlineData("补充营养素", "补充营养素")]           // no rate word before it
    [InlineData("工作任务完成数", "工作任务完成数")]   // a count, printed so
    [InlineData("及时素", "及时素")]                   // too short to tell
    public void A_misread_rate_at_the_end_of_a_rate_name_is_the_rate(string reading, string expected) =>
        Assert.Equal(expected, OcrLexicon.WithCommonWords(reading));

    [Fact]
    public void A_class_code_read_as_a_digit_or_two_before_its_first_item_is_that_class()
    {
        // 基本支出表 as measured on a scan: "02" for 302 and "0" for 303 on the rows before 30201 and 30301.
        string[] codes = ["30101", "30199", "02", "30201", "02", "30203", "0", "30301"];
        var cells = codes.Select((c, r) => C(r, 0, c)).Concat(codes.Select((_, r) => C(r, 1, "名称" + r))).ToArray();
        var t = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = codes.Length, ColCount = 2, Cells = cells });
        Assert.Equal("302", t.Text(2, 0));
        Assert.Equal("02", t.Text(4, 0));     // after 30201: an item of 302 that lost more (30202), left as read
        Assert.Equal("303", t.Text(6, 0));

        // After an unreadable code ("0" for 30204, as measured), "02" may as well be 30205: left as read.
        string[] garbled = ["30203", "0", "02", "30206"];
        var g = garbled.Select((c, r) => C(r, 0, c)).Concat(garbled.Select((_, r) => C(r, 1, "名称" + r))).ToArray();
        Assert.Equal("02", Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 4, ColCount = 2, Cells = g }).Text(2, 0));

        // The first class of a 支出总表 under its header (measured: "08" for 208 under 科目代码, above 20805).
        string[] first = ["科目代码", "08", "20805", "2080502", "2080505"];
        var f = first.Select((c, r) => C(r, 0, c)).Concat(first.Select((_, r) => C(r, 1, "名称" + r))).ToArray();
        Assert.Equal("208", Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 5, ColCount = 2, Cells = f }).Text(1, 0));
    }

    [Fact]
    public void A_scanned_code_that_lost_its_first_digit_takes_its_columns_first_digit()
    {
        // 基本支出表 as measured on a keystoned scan: the code column's left rule took the first digit of some codes.
        var cells = new[]
        {
            C(0, 0, "30201"), C(0, 1, "办公费"), C(1, 0, "0226"), C(1, 1, "劳务费"), C(2, 0, "30205"), C(2, 1, "水费"),
            C(3, 0, "1003"), C(3, 1, "专用设备购置"), C(4, 0, "30206"), C(4, 1, "电费"), C(5, 0, "99"), C(5, 1, "其他支出"),
            C(6, 0, "3011"), C(6, 1, "基本工资"),
        };
        var t = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 7, ColCount = 2, Cells = cells });
        Assert.Equal(["30226", "31003"], new[] { t.Text(1, 0), t.Text(3, 0) });
        Assert.Equal("99", t.Text(5, 0));               // 399 or 39999: as likely three digits lost as one
        Assert.Equal("0226", t.At(1, 0)!.OcrText);     // the engine's reading stays with the cell
        Assert.Equal("3011", t.Text(6, 0));             // 33011 is no code: a digit lost elsewhere stays as read

        // A column of too few known codes, or of text-layer cells, is not touched.
        var few = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 2, ColCount = 1, Cells = [C(0, 0, "30201"), C(1, 0, "0226")] });
        Assert.Equal("0226", few.Text(1, 0));
        var printed = cells.Select(c => c with { Source = CellSource.TextLayer }).ToArray();
        var layer = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 7, ColCount = 2, Cells = printed });
        Assert.Equal("0226", layer.Text(1, 0));
    }

    [Theory]
    [InlineData("偏差原因分析及改进措San eee", "偏差原因分析及改进措施")]   // as measured on scans: debris, and the 施 lost at the edge
    [InlineData("偏差原因分析及改进措-一一一-一一三-一-一一一一", "偏差原因分析及改进措施")]   // a rule read as dashes and 一
    [InlineData("未完成原因和改进措--一-一-过", "未完成原因和改进措施")]             // the rule's end read as a glyph
    [InlineData("未完成原因和改进措-一-一-过-一一一一", "未完成原因和改进措施")]     // and in two pieces
    [InlineData("一般公共预算财政拨--一--荆", "一般公共预算财政拨款")]
    [InlineData("偏差原因分析及改进措ale:ana", "偏差原因分析及改进措施")]             // Latin junk with a colon in it
    [InlineData("项目一-三", null)]                                                    // one dash: printed
    [InlineData("统一一一", null)]
    public void A_reading_without_its_debris_is_corrected_as_any_other(string reading, string? expected) =>
        Assert.Equal(expected, Lexicon.Correct(reading));

    [Fact]
    public void A_stray_reading_in_a_reason_column_of_none_is_none()
    {
        // As measured on scans: 无 read as "K", "5", "万", "we" in a 偏差原因 column.
        string[] body = ["无", "K", "无", "5", "万", "we", "无", "—", "未达标"];
        var cells = new[] { C(0, 0, "三级指标"), C(0, 1, "偏差原因分析及改进措施") }
            .Concat(body.Select((t, i) => C(i + 1, 1, t))).Concat(body.Select((_, i) => C(i + 1, 0, "指标" + i))).ToList();
        var t = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = body.Length + 1, ColCount = 2, Cells = cells });
        Assert.Equal(["无", "无", "无", "无", "无", "无", "无", "—", "未达标"], Enumerable.Range(1, body.Length).Select(r => t.Text(r, 1)));

        // A column where 无 is not the rule, and printed cells, stay as read.
        string[] mixed = ["无", "K", "未达标", "部分完成", "无"];
        var few = new[] { C(0, 1, "偏差原因分析及改进措施") }.Concat(mixed.Select((x, i) => C(i + 1, 1, x))).ToList();
        Assert.Equal("K", Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 6, ColCount = 2, Cells = few }).Text(2, 1));
        var printed = cells.Select(c => c with { Source = CellSource.TextLayer }).ToList();
        Assert.Equal("K", Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = body.Length + 1, ColCount = 2, Cells = printed }).Text(2, 1));
    }

    [Theory]
    [InlineData("八、社用人党和就业支出", "八、社会保障和就业支出")]   // as measured on scans
    [InlineData("十、卫生健康支出", null)]                             // as printed
    [InlineData("十三、农条k受出", null)]                               // three in five misread: too far
    [InlineData("社用人党和就业支出", null)]                           // no ordinal: not a class item
    [InlineData("八、人员培训和就业支出", null)]                       // no class name that long
    public void A_class_item_under_an_ordinal_takes_its_class_name(string reading, string? expected) =>
        Assert.Equal(expected, Lexicon.Correct(reading));

    [Theory]
    [InlineData("长其", "长期")]                       // as measured on scans
    [InlineData("项目其", "项目期")]
    [InlineData("其", "其")]
    [InlineData("长期", "长期")]
    [InlineData("按照规定用于其", "按照规定用于其")]   // a sentence, not a label
    public void A_short_label_ending_in_qi_is_a_period(string reading, string expected) =>
        Assert.Equal(expected, OcrLexicon.WithCommonWords(reading));

    [Theory]
    [InlineData("-次性项目（1年结束）", "一次性项目（1年结束）")]   // as measured on scans
    [InlineData("-般公共预算", "一般公共预算")]
    [InlineData("-5.00", "-5.00")]                                    // a negative amount
    [InlineData("-项", "-项")]                                        // too short to tell
    public void A_hyphen_starting_a_chinese_text_is_one(string reading, string expected) =>
        Assert.Equal(expected, OcrLexicon.WithCommonWords(reading));

    [Fact]
    public void Chinese_punctuation_is_set_on_scanned_cells_only_and_the_reading_kept()
    {
        var t = Lexicon.Apply(new Table { Page = 1, Index = 0, RowCount = 1, ColCount = 2,
            Cells = [C(0, 0, "项目资金(万元)"), C(0, 1, "项目资金(万元)", CellSource.TextLayer)] });
        Assert.Equal("项目资金（万元）", t.Text(0, 0));
        Assert.Equal("项目资金(万元)", t.At(0, 0)!.OcrText);
        Assert.Equal("项目资金(万元)", t.Text(0, 1));
    }
}
