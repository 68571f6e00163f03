using Extractor.Domain;
using Extractor.Forms;

namespace Extractor.Tests.Forms;

public class ReadingConsensusTests
{
    private static Table Scanned(Table t) => t.WithCells(t.Cells.Select(c => c with { Source = CellSource.Ocr }).ToList());

    private static Indicator Ind(string project, string name, int table, int row, int col = 0, string? period = null, double conf = 0.9) => new()
    {
        Form = FormType.PerformanceTarget, Project = project, Period = period, Level1 = "产出指标", Level2 = "质量指标", Name = name,
        Cell = new CellRef(1, table, row, col), Confidence = conf,
    };

    [Fact]
    public void A_scanned_name_one_misread_from_the_documents_common_reading_takes_it()
    {
        // Three projects list 资金支付及时率; one scan read its 率 as 素. A name the document gives once stays.
        var scan = Scanned(TableSpec.Parse("资金支付及时率\n资金支付及时率\n资金支付及时素\n开展培训人数"));
        var text = TableSpec.Parse("资金支付及时率", page: 2);
        var result = new Interpretation();
        result.Indicators.AddRange([Ind("甲", "资金支付及时率", 0, 0), Ind("乙", "资金支付及时率", 0, 1), Ind("丙", "资金支付及时素", 0, 2),
            Ind("丙", "开展培训人数", 0, 3), Ind("丁", "资金支付及时率", 1, 0)]);
        ReadingConsensus.Apply(result, [scan, text]);
        Assert.Equal("资金支付及时率", result.Indicators[2].Name);
        Assert.Equal("开展培训人数", result.Indicators[3].Name);
    }

    [Fact]
    public void Text_layer_names_are_never_changed_and_ties_stay_as_read()
    {
        var text = TableSpec.Parse("资金支付及时素\n资金支付及时率\n资金支付及时率");
        var result = new Interpretation();
        result.Indicators.AddRange([Ind("甲", "资金支付及时素", 0, 0), Ind("甲", "资金支付及时率", 0, 1), Ind("乙", "资金支付及时率", 0, 2)]);
        ReadingConsensus.Apply(result, [text]);
        Assert.Equal("资金支付及时素", result.Indicators[0].Name);

        // Two readings once each, neither twice the other: no majority.
        Assert.Null(ReadingConsensus.Majority("开展培训人数", new Dictionary<string, int> { ["开展培训人数"] = 1, ["开展培训次数"] = 1 }));
        Assert.Equal("开展培训次数", ReadingConsensus.Majority("开展培训人数", new Dictionary<string, int> { ["开展培训人数"] = 1, ["开展培训次数"] = 2 }));
        // Two characters misread in a short name is another name.
        Assert.Null(ReadingConsensus.Majority("开展宣传人数", new Dictionary<string, int> { ["开展宣传人数"] = 1, ["开展培训次数"] = 5 }));
    }

    [Fact]
    public void The_two_period_blocks_of_a_scanned_row_share_the_surer_name()
    {
        var scan = Scanned(TableSpec.Parse("资金使用合规率 | 资金使用寺规率"));
        var result = new Interpretation();
        result.Indicators.AddRange([Ind("甲", "资金使用合规率", 0, 0, 0, "实施期", 0.93), Ind("甲", "资金使用寺规率", 0, 0, 1, "年度", 0.61)]);
        ReadingConsensus.Apply(result, [scan]);
        Assert.Equal("资金使用合规率", result.Indicators[1].Name);
    }

    [Fact]
    public void A_pair_far_apart_takes_the_far_surer_reading_and_goes_to_review()
    {
        // As measured on dev scans, a seal over the 年度 block: (reading, cell confidence) of each side.
        (string, double, string, double)[] rows =
        [
            ("资金支付及时率", 0.92, "多多支全入时率", 0.10),   // three of seven in place and far surer
            ("三痊任务完成率", 0.10, "工作任务完成率", 0.34),
            ("社会公众知晓率", 0.47, "age半", 0.10),             // another length: as read
            ("资金支付及时率", 0.50, "资金拨付到位数", 0.45),    // another ending, and as sure: two indicators
            ("设备购置数量", 0.90, "人员培训次数", 0.20),        // nothing in place: another indicator
            ("工作任务完成率", 0.90, "资金使用合规率", 0.50),    // only the ending in place: another indicator
        ];
        var cells = rows.SelectMany((r, i) => new[]
        {
            new Cell(i, 0, 1, 1, new Box(0, i * 18, 60, 18), r.Item1, r.Item2, CellSource.Ocr),
            new Cell(i, 1, 1, 1, new Box(60, i * 18, 60, 18), r.Item3, r.Item4, CellSource.Ocr),
        }).ToList();
        var scan = new Table { Page = 1, Index = 0, RowCount = rows.Length, ColCount = 2, Cells = cells };
        var result = new Interpretation();
        for (int i = 0; i < rows.Length; i++)
            result.Indicators.AddRange([Ind("甲", rows[i].Item1, 0, i, 0, "实施期"), Ind("甲", rows[i].Item3, 0, i, 1, "年度")]);
        ReadingConsensus.Apply(result, [scan]);
        var names = result.Indicators.Select(i => i.Name).ToList();
        Assert.Equal(["资金支付及时率", "资金支付及时率", "工作任务完成率", "工作任务完成率", "社会公众知晓率", "age半",
            "资金支付及时率", "资金拨付到位数", "设备购置数量", "人员培训次数", "工作任务完成率", "资金使用合规率"], names);
        Assert.Equal([false, true, true, false], result.Indicators.Take(4).Select(i => i.Flagged));
    }

    [Fact]
    public void The_two_period_blocks_of_a_scanned_row_share_a_name_one_side_lost_the_end_of()
    {
        // As measured on a scan: "项目完成" beside "项目完成时间". A longer tail, or one of marks, is another reading;
        // a speck read as one more character ("工作任务完成率只") loses to the reading the document gives elsewhere.
        var scan = Scanned(TableSpec.Parse("a | b\nc | d\ne | f\ng | h\ni | j\nk | l\nm | n"));
        var result = new Interpretation();
        result.Indicators.AddRange([
            Ind("甲", "项目完成", 0, 0, 0, "实施期"), Ind("甲", "项目完成时间", 0, 0, 1, "年度"),
            Ind("甲", "培训人数", 0, 1, 0, "实施期"), Ind("甲", "培训人数及其质量", 0, 1, 1, "年度"),
            Ind("甲", "资金使用合规率", 0, 2, 0, "实施期"), Ind("甲", "资金使用合规率-A", 0, 2, 1, "年度"),
            Ind("甲", "工作任务完成率", 0, 3, 0, "实施期"), Ind("甲", "工作任务完成率只", 0, 3, 1, "年度"),
            Ind("乙", "工作任务完成率", 0, 4, 0, "实施期"), Ind("乙", "工作任务完成率", 0, 4, 1, "年度"),
            Ind("丙", "疾病持续发挥作用", 0, 5, 0, "实施期"), Ind("丙", "疾病持续发挥作用本", 0, 5, 1, "年度"),
            Ind("丁", "冷链运转验收合格", 0, 6, 0, "实施期"), Ind("丁", "冷链运转验收合格率", 0, 6, 1, "年度"),
        ]);
        ReadingConsensus.Apply(result, [scan]);
        Assert.Equal(["项目完成时间", "项目完成时间", "培训人数", "培训人数及其质量", "资金使用合规率"],
            result.Indicators.Take(5).Select(i => i.Name));
        Assert.Equal("工作任务完成率", result.Indicators[7].Name);
        Assert.Equal("疾病持续发挥作用", result.Indicators[11].Name);
        // One more that other names end with (…完成率, 资金使用合规率) is the name's end, not a speck.
        Assert.Equal("冷链运转验收合格率", result.Indicators[12].Name);
    }

    [Fact]
    public void The_two_period_blocks_of_a_scanned_row_share_a_level_only_one_side_reads()
    {
        // A seal over the 年度 block's 二级指标 cells: "本" for 质量指标; two known levels that differ stay.
        var scan = Scanned(TableSpec.Parse("资金使用合规率 | 资金使用合规率\n培训次数 | 培训次数"));
        var result = new Interpretation();
        result.Indicators.AddRange([
            Ind("甲", "资金使用合规率", 0, 0, 0, "实施期"), Ind("甲", "资金使用合规率", 0, 0, 1, "年度") with { Level2 = "本" },
            Ind("甲", "培训次数", 0, 1, 0, "实施期") with { Level2 = "数量指标" }, Ind("甲", "培训次数", 0, 1, 1, "年度"),
        ]);
        ReadingConsensus.Apply(result, [scan]);
        Assert.Equal(["质量指标", "质量指标", "数量指标", "质量指标"], result.Indicators.Select(i => i.Level2));
    }

    [Fact]
    public void A_scanned_second_level_no_word_of_the_framework_is_its_parents_child_with_that_first_character()
    {
        // Measured on a scan: 数量指标 read "数到", 质量指标 "质量失". A reading that starts like no child of its
        // parent, or under an unknown parent, stays; text-layer cells never change.
        var scan = Scanned(TableSpec.Parse("a\nb\nc\nd\ne\nf\ng"));
        var result = new Interpretation();
        result.Indicators.AddRange([
            Ind("甲", "重点工作任务完成数", 0, 0) with { Level2 = "数到" },
            Ind("甲", "政府采购执行率", 0, 1) with { Level2 = "质量失" },
            Ind("甲", "履职效能提升", 0, 2) with { Level1 = "效益指标", Level2 = "社会效" },
            Ind("甲", "部门公开透明度", 0, 3) with { Level1 = "效益指标", Level2 = "可持续影响" },
            Ind("甲", "办事群众满意度", 0, 4) with { Level2 = "人二" },
            Ind("甲", "完成率", 0, 5) with { Level1 = "产出拓", Level2 = "数到" },
            Ind("甲", "培训人数", 0, 6) with { Level2 = "数量" },
        ]);
        ReadingConsensus.Apply(result, [scan]);
        Assert.Equal(["数量指标", "质量指标", "社会效益", "可持续影响", "人二", "数到", "数量"], result.Indicators.Select(i => i.Level2));

        var text = TableSpec.Parse("a");
        var layer = new Interpretation();
        layer.Indicators.Add(Ind("甲", "重点工作任务完成数", 0, 0) with { Level2 = "数到" });
        ReadingConsensus.Apply(layer, [text]);
        Assert.Equal("数到", layer.Indicators[0].Level2);
    }

    [Fact]
    public void A_scanned_target_that_lost_its_unit_takes_the_unit_of_what_was_achieved()
    {
        var scan = Scanned(TableSpec.Parse("a\nb\nc\nd\ne"));
        var result = new Interpretation();
        Indicator Eval(int row, string target, string actual) => Ind("甲", "满意度", 0, row) with
            { Form = FormType.PerformanceSelfEvaluation, Target = target, TargetParsed = Extractor.Facts.TargetParser.Parse(target), Actual = actual };
        result.Indicators.AddRange([Eval(0, "≥93", "98%"), Eval(1, "27", "27项"), Eval(2, "≥4次", "5次"), Eval(3, "达标", "达标"),
            Eval(4, "≥40项", "42")]);
        ReadingConsensus.Apply(result, [scan]);
        Assert.Equal(["≥93%", "27项", "≥4次", "达标", "≥40项"], result.Indicators.Select(i => i.Target));
        Assert.Equal("%", result.Indicators[0].TargetParsed!.Unit);
        Assert.Equal("42项", result.Indicators[4].Actual);
        Assert.Equal([true, true, false, false, true], result.Indicators.Select(i => i.Flagged));

        // A percent sign read as digits goes with the unit supplied (as measured: "≥8500" beside 89%, "9504" against ≥90%).
        var circles = new Interpretation();
        circles.Indicators.AddRange([Eval(0, "≥8500", "89%"), Eval(1, "≥90%", "9504")]);
        ReadingConsensus.Apply(circles, [scan]);
        Assert.Equal("≥85%", circles.Indicators[0].Target);
        Assert.Equal(85m, circles.Indicators[0].TargetParsed!.Value);
        Assert.Equal("95%", circles.Indicators[1].Actual);

        var text = new Interpretation();
        text.Indicators.Add(Eval(0, "≥93", "98%"));
        ReadingConsensus.Apply(text, [TableSpec.Parse("a")]);
        Assert.Equal("≥93", text.Indicators[0].Target);
    }

    [Fact]
    public void A_scanned_counts_misread_unit_is_what_its_name_counts()
    {
        var scan = Scanned(TableSpec.Parse("a\nb\nc\nd\ne"));
        var result = new Interpretation();
        Indicator Count(int row, string name, string target, string? actual = null) => Ind("甲", name, 0, row) with
            { Target = target, TargetParsed = Extractor.Facts.TargetParser.Parse(target), Actual = actual };
        // As measured on scans: 次 read as % or 跟.
        result.Indicators.AddRange([Count(0, "开展培训次数", "≥11%", "12跟"), Count(1, "开展培训次数", "≥9跟"),
            Count(2, "开展宣传活动次数", "≥6场"), Count(3, "覆盖读者人数", "≥590人"), Count(4, "工作任务完成率", "≥11%")]);
        ReadingConsensus.Apply(result, [scan]);
        Assert.Equal(["≥11次", "≥9次", "≥6场", "≥590人", "≥11%"], result.Indicators.Select(i => i.Target));
        Assert.Equal("12次", result.Indicators[0].Actual);
        Assert.Equal("次", result.Indicators[1].TargetParsed!.Unit);
        Assert.Equal([true, true, false, false, false], result.Indicators.Select(i => i.Flagged));

        var text = new Interpretation();
        text.Indicators.Add(Count(0, "开展培训次数", "≥11%"));
        ReadingConsensus.Apply(text, [TableSpec.Parse("a")]);
        Assert.Equal("≥11%", text.Indicators[0].Target);
    }

    [Fact]
    public void A_scanned_name_cut_before_the_end_of_its_value_is_completed_and_reviewed()
    {
        var scan = Scanned(TableSpec.Parse("a\nb\nc\nd"));
        var result = new Interpretation();
        Indicator Named(int row, string name, string target) => Ind("甲", name, 0, row) with { Target = target };
        // As measured on scans: the wrapped 转 of 正常运转 lost.
        result.Indicators.AddRange([Named(0, "保障传染病监测项目正常运", "正常运转"), Named(1, "保障传染病监测项目正常运转", "正常运转"),
            Named(2, "工作正常", "正常运转"), Named(3, "保障设备正常运", "≥95%")]);
        ReadingConsensus.Apply(result, [scan]);
        Assert.Equal(["保障传染病监测项目正常运转", "保障传染病监测项目正常运转", "工作正常", "保障设备正常运"],
            result.Indicators.Select(i => i.Name));
        Assert.Equal([true, false, false, false], result.Indicators.Select(i => i.Flagged));
    }

    [Fact]
    public void A_scanned_project_name_with_a_digit_glued_takes_the_name_its_text_layer_line_prints()
    {
        var scan = Scanned(TableSpec.Parse("项目名称 | 健康教育宣传经费2\n资金支付及时率 | 100%", page: 5));
        var list = TableSpec.Parse("健康教育宣传经费 | 12.00", page: 3);
        var result = new Interpretation();
        result.Projects.AddRange([new Project { Name = "健康教育宣传经费", FirstPage = 3 }, new Project { Name = "健康教育宣传经费2", FirstPage = 5 }]);
        result.Indicators.Add(Ind("健康教育宣传经费2", "资金支付及时率", 0, 1) with { Cell = new CellRef(5, 0, 1, 0) });
        ReadingConsensus.Apply(result, [scan, list]);
        Assert.Equal("健康教育宣传经费", result.Projects[1].Name);
        Assert.Equal("健康教育宣传经费", result.Indicators[0].Project);
    }

    [Fact]
    public void A_scanned_project_name_one_character_more_or_less_than_a_printed_one_takes_it()
    {
        // As measured on a mixed document: the scan read a gap in 免疫规划冷链运转经费 as 和.
        var scan = Scanned(TableSpec.Parse("项目名称 | 免疫规划冷链和运转经费\n项目名称 | 传染病监测\n职工满意度 | ≥90%", page: 5));
        var list = TableSpec.Parse("免疫规划冷链运转经费 | 12.00\n传染病监测项目 | 3.00\n传染病监测经费 | 2.00", page: 3);
        var result = new Interpretation();
        result.Projects.AddRange([new Project { Name = "免疫规划冷链运转经费", FirstPage = 3 }, new Project { Name = "传染病监测项目", FirstPage = 3 },
            new Project { Name = "传染病监测经费", FirstPage = 3 },
            new Project { Name = "免疫规划冷链和运转经费", FirstPage = 5 }, new Project { Name = "传染病监测项", FirstPage = 5 }]);
        result.Indicators.Add(Ind("免疫规划冷链和运转经费", "职工满意度", 0, 2) with { Cell = new CellRef(5, 0, 2, 0) });
        ReadingConsensus.Apply(result, [scan, list]);
        Assert.Equal("免疫规划冷链运转经费", result.Projects[3].Name);
        Assert.Equal("免疫规划冷链运转经费", result.Indicators[0].Project);
        Assert.Equal("传染病监测项目", result.Projects[4].Name);
    }

    [Fact]
    public void A_scanned_overall_evaluations_project_one_misread_from_the_units_name_takes_it()
    {
        // A 整体 self-evaluation's project is the unit; its 单位名称 cell read 峡 for 泉.
        var scan = Scanned(TableSpec.Parse("部门(单位)名称 | 阳峡市紧急医疗救援中心\n资金支付及时率 | 100%", page: 3));
        var result = new Interpretation { Info = new DocumentInfo { UnitName = "阳泉市紧急医疗救援中心" } };
        result.Projects.Add(new Project { Name = "阳峡市紧急医疗救援中心", FirstPage = 3, Form = FormType.OverallPerformanceSelfEvaluation });
        result.Indicators.Add(Ind("阳峡市紧急医疗救援中心", "资金支付及时率", 0, 1) with { Cell = new CellRef(3, 0, 1, 0) });
        ReadingConsensus.Apply(result, [scan]);
        Assert.Equal("阳泉市紧急医疗救援中心", result.Projects[0].Name);
        Assert.Equal("阳泉市紧急医疗救援中心", result.Indicators[0].Project);
    }

    [Fact]
    public void A_pair_of_targets_one_read_with_2_for_its_comparator_takes_the_comparator()
    {
        var scan = Scanned(TableSpec.Parse("培训次数 | ≥4次 | 培训次数 | 24次\n培训人数 | 24人 | 培训人数 | 24人"));
        var result = new Interpretation();
        result.Indicators.AddRange([
            Ind("甲", "培训次数", 0, 0, period: "实施期") with { Target = "≥4次" }, Ind("甲", "培训次数", 0, 0, 2, period: "年度") with { Target = "24次" },
            Ind("甲", "培训人数", 0, 1, period: "实施期") with { Target = "24人" }, Ind("甲", "培训人数", 0, 1, 2, period: "年度") with { Target = "24人" },
        ]);
        ReadingConsensus.Apply(result, [scan]);
        Assert.Equal(["≥4次", "≥4次", "24人", "24人"], result.Indicators.Select(i => i.Target));
        Assert.Equal(Comparator.GreaterOrEqual, result.Indicators[1].TargetParsed!.Comparator);
    }

    [Fact]
    public void A_qualitative_target_one_misread_from_its_achieved_value_takes_the_reading_the_document_gives()
    {
        var scan = Scanned(TableSpec.Parse("甲\n乙\n丙\n丁"));
        var result = new Interpretation();
        result.Indicators.AddRange([
            Ind("甲", "带动相关产业发展", 0, 0) with { Target = "有效提商", Actual = "有效提高" },
            Ind("甲", "社会公众知晓率", 0, 1) with { Target = "有效提高", Actual = "有效提高" },
            // Both readings given elsewhere: a value may differ from its target.
            Ind("乙", "服务质量", 0, 2) with { Target = "有效提高", Actual = "有效提升" },
            Ind("乙", "长效机制", 0, 3) with { Target = "有效提升", Actual = "长其" },
        ]);
        ReadingConsensus.Apply(result, [scan]);
        Assert.Equal(("有效提高", "有效提高"), (result.Indicators[0].Target, result.Indicators[0].Actual));
        Assert.True(result.Indicators[0].TargetParsed!.IsQualitative);
        Assert.Equal(("有效提高", "有效提升"), (result.Indicators[2].Target, result.Indicators[2].Actual));
        Assert.Equal(("有效提升", "长其"), (result.Indicators[3].Target, result.Indicators[3].Actual));   // two apart
    }

    [Fact]
    public void A_reading_with_a_mark_no_name_holds_takes_a_clean_reading_of_equal_support()
    {
        var support = new Dictionary<string, int> { ["传染病监测项目"] = 1, ["《染病监测项目"] = 1 };
        Assert.Equal("传染病监测项目", ReadingConsensus.Majority("《染病监测项目", support));
        // 合 read as 人台: the joined reading, given as often, is the name.
        var split = new Dictionary<string, int> { ["资金使用合规率"] = 1, ["资金使用人台规率"] = 1 };
        Assert.Equal("资金使用合规率", ReadingConsensus.Majority("资金使用人台规率", split));
        Assert.Null(ReadingConsensus.Majority("资金使用合规率", split));
        Assert.Null(ReadingConsensus.Majority("传染病监测项目", support));
        // Rule ends read after a name the document gives elsewhere; a number printed at a name's end stays.
        var tail = new Dictionary<string, int> { ["资金使用合规率"] = 1, ["资金使用合规率-ASK4"] = 1, ["完成项目数"] = 1, ["完成项目数12"] = 1 };
        Assert.Equal("资金使用合规率", ReadingConsensus.Majority("资金使用合规率-ASK4", tail));
        Assert.Null(ReadingConsensus.Majority("完成项目数12", tail));
        // Two clean readings of equal support: no majority.
        Assert.Null(ReadingConsensus.Majority("传染病监测项目", new Dictionary<string, int> { ["传染病监测项目"] = 1, ["传柒病监测项目"] = 1 }));
    }

    [Fact]
    public void A_project_name_other_cells_hold_one_character_away_is_that_name()
    {
        // As measured on a scan: 项目名称 read "亲湖长制工作经费"; the page's 项目概况, 总体目标 and an indicator hold the name.
        string[] texts =
        [
            "亲湖长制工作经费", "河湖长制工作经费用于保障沿河群众相关工作正常开展，按计划完成年度任务。",
            "按时完成河湖长制工作经费，提高沿河群众满意度，确保工作正常运转。", "完成河湖长制工作经费任务数",
        ];
        Assert.Equal("河湖长制工作经费", ReadingConsensus.NamedElsewhere("亲湖长制工作经费", texts));
        // A name other cells contain as read stays, and so does one only a single other cell supports.
        Assert.Null(ReadingConsensus.NamedElsewhere("河湖长制工作经费", texts));
        Assert.Null(ReadingConsensus.NamedElsewhere("亲湖长制工作经费", texts[..2]));
        // Two projects a character apart, each named on its own page: neither becomes the other.
        string[] two = ["一中校舍维修项目", "一中校舍维修项目用于…", "二中校舍维修项目", "二中校舍维修项目用于…", "按时完成二中校舍维修项目"];
        Assert.Null(ReadingConsensus.NamedElsewhere("一中校舍维修项目", two));
    }
}
