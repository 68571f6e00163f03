using Extractor.Domain;
using Extractor.Forms;

namespace Extractor.Tests.Forms;

public class PerformanceFormInterpreterTests
{
    private static readonly DocumentInfo Info = new() { UnitName = "阳泉市紧急医疗救援中心" };

    [Fact]
    public void TargetTableReadsBothPeriodBlocksAndTheProject()
    {
        var r = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.YqTarget, page: 20), 7, FormType.PerformanceTarget, Info);
        var p = Assert.Single(r.Projects);
        Assert.Equal("急救车司机工资及社保费", p.Name);
        Assert.Equal("063-阳泉市卫生健康委员会", p.Department);
        Assert.Equal("阳泉市紧急医疗救援中心", p.ImplementingUnit);
        Assert.Equal("1年", p.Period);
        Assert.Equal(11.5m, p.TotalFundsWan);            // 115,000 元

        // 5 named indicators in each block (经济效益 has none).
        Assert.Equal(5, r.Indicators.Count(i => i.Period == "实施期"));
        Assert.Equal(5, r.Indicators.Count(i => i.Period == "年度"));
        var first = r.Indicators[0];
        Assert.Equal(("产出指标", "数量指标", "急救车司机工资发放人数", "16人"), (first.Level1, first.Level2, first.Name, first.Target));
        Assert.Equal(Comparator.None, first.TargetParsed!.Comparator);
        Assert.Equal(16m, first.TargetParsed.Value);
        Assert.Equal(new CellRef(20, 7, 8, 3), first.Cell);
        // The 年度 block has no 一级指标 column of its own: it shares the first one, merged down.
        var yearly = r.Indicators.Where(i => i.Period == "年度").ToList();
        Assert.Equal(["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"], yearly.Select(i => i.Level1).ToArray());
        Assert.Equal("急救车司机工资及社保费", yearly[1].Name);
        Assert.All(r.Indicators, i => Assert.Equal("急救车司机工资及社保费", i.Project));
        Assert.DoesNotContain(r.Indicators, i => i.Name.Contains("负责人") || i.Name.Contains("经办人"));
    }

    [Fact]
    public void A_sign_off_row_whose_first_label_was_misread_still_ends_the_indicators()
    {
        // OCR read 负责人： as 只页人:; the row still holds 经办人 and 填报日期, so it is no indicator.
        var spec = Fixtures.YqTarget.Replace("负责人： |", "只页人:失明星 |");
        var r = PerformanceFormInterpreter.Read(TableSpec.Parse(spec, page: 20), 7, FormType.PerformanceTarget, Info);
        Assert.Equal(10, r.Indicators.Count);
        Assert.DoesNotContain(r.Indicators, i => i.Level1.Contains("只页人") || i.Name.Contains("经办人") || (i.Target ?? "").Contains("填报日期"));
    }

    [Fact]
    public void A_misread_third_level_header_is_the_cell_after_the_second()
    {
        // A scan read 三级指标 as "AN": the names are still the column right of 二级指标, not the 二级 words.
        var r = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.OtherSelfEvaluation.Replace("| 三级指标 |", "| AN |")), 0,
            FormType.PerformanceSelfEvaluation, Info);
        var clean = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.OtherSelfEvaluation), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal(4, r.Indicators.Count);
        Assert.Equal(clean.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Target, i.Weight)),
            r.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Target, i.Weight)));
    }

    [Theory]
    // As measured on a scan under a seal: no level header read whole ("人" for the first 三级指标); the 10 indicators
    // of the page were lost, as the row was not taken for the header.
    [InlineData("绩效指标 | -级指标 | -级昔标 | 人 | 指标值 | -级指怀 | :级指标 | 指标值")]
    // The 年度 block's headers corrected to 二级指标 | 三级指标, the 实施期 block's unread: it was lost.
    [InlineData("绩效指标 | 一级指标 | -级昔标 | 人 | 指标值 | 二级指标 | 三级指标 | 指标值")]
    // As on a generated scan under a seal: the 年度 block's 二级指标 read "丨二级指杨肌" and its 三级指标 "了二级指标";
    // the block was lost and its indicators read without a period.
    [InlineData("绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 丨二级指杨肌 | 了二级指标 | 指标值")]
    public void Level_headers_misread_past_recognition_are_placed_by_the_value_headers(string headerRow)
    {
        var spec = Fixtures.YqTarget.Replace("绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值", headerRow);
        var r = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec, page: 20)), 7, FormType.PerformanceTarget, Info);
        var clean = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.YqTarget, page: 20), 7, FormType.PerformanceTarget, Info);
        Assert.NotEmpty(clean.Indicators);
        Assert.Equal(clean.Indicators.Select(i => (i.Period, i.Level1, i.Level2, i.Name, i.Target)),
            r.Indicators.Select(i => (i.Period, i.Level1, i.Level2, i.Name, i.Target)));
    }

    [Fact]
    public void A_self_evaluation_header_whose_second_and_third_level_headers_are_misread_is_placed_by_its_value_headers()
    {
        // As measured on a scan: 二级指标 read "=a", 三级指标 "=和"; only 一级指标 and the value headers read, and the page's
        // indicators were lost. 分值 stands between the names and 年度指标值.
        var spec = Fixtures.OtherSelfEvaluation.Replace("一级指标 | 二级指标 | 三级指标 | 分值", "一级指标 | =a | =和 | 分值");
        var r = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec)), 0, FormType.PerformanceSelfEvaluation, Info);
        var clean = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.OtherSelfEvaluation), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal(4, clean.Indicators.Count);
        Assert.Equal(clean.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Target, i.Actual, i.Weight, i.Score)),
            r.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Target, i.Actual, i.Weight, i.Score)));
    }

    [Fact]
    public void A_scanned_row_left_blank_but_for_specks_makes_no_indicator()
    {
        var spec = Fixtures.YqTarget.Replace("经济效益 | | | 经济效益 | |", "经济效益 | 人 | | 经济效益 | Se | ~X");
        Assert.Contains("经济效益 | 人 |", spec);
        var r = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec, page: 20)), 7, FormType.PerformanceTarget, Info);
        var clean = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.YqTarget, page: 20), 7, FormType.PerformanceTarget, Info);
        Assert.Equal(clean.Indicators.Select(i => (i.Period, i.Name, i.Target)), r.Indicators.Select(i => (i.Period, i.Name, i.Target)));
    }

    [Fact]
    public void Level_headers_with_numeral_and_last_character_misread_still_make_the_first_block()
    {
        // As measured on a scan: the 实施期 block's 二级指标 read "-级指怀" and 三级指标 ":级指标"; only the 年度 block's
        // headers read, and its indicators came out with no period.
        var spec = Fixtures.YqTarget.Replace("绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |", "绩效指标 | 一级指标 | -级指怀 | :级指标 | 指标值 |");
        var r = PerformanceFormInterpreter.Read(TableSpec.Parse(spec, page: 20), 7, FormType.PerformanceTarget, Info);
        var clean = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.YqTarget, page: 20), 7, FormType.PerformanceTarget, Info);
        Assert.Equal(clean.Indicators.Select(i => (i.Period, i.Level1, i.Level2, i.Name, i.Target)),
            r.Indicators.Select(i => (i.Period, i.Level1, i.Level2, i.Name, i.Target)));
    }

    [Theory]
    // Scans of the header row as measured: 分值 → "人什", 得分 → "区", 偏差原因… → "cial Laced"; 年度指标值 → "SS指标介".
    [InlineData("| 人什 | 年度指标值 | 实际完成值 | 区 | cial Laced")]
    [InlineData("| 分值 | SS这介 | 这只准 | 得分 | 偏差原因分析及改进措施")]
    [InlineData("| 人什 | SS这介 | 这只准 | 区 | ")]
    public void Value_columns_whose_scanned_headers_read_as_nothing_are_told_by_what_they_hold(string header)
    {
        var spec = Fixtures.OtherSelfEvaluation.Replace("| 分值 | 年度指标值 | 实际完成值 | 得分 | 偏差原因分析及改进措施", header);
        var r = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec)), 0, FormType.PerformanceSelfEvaluation, Info);
        var clean = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.OtherSelfEvaluation), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal(4, r.Indicators.Count);
        Assert.Equal(clean.Indicators.Select(i => (i.Name, i.Target, i.Actual, i.Weight, i.Score)),
            r.Indicators.Select(i => (i.Name, i.Target, i.Actual, i.Weight, i.Score)));
        Assert.Equal("部分路段老化", r.Indicators[1].DeviationReason);
    }

    [Theory]
    [InlineData("自评得分", FormType.PerformanceSelfEvaluation)]
    [InlineData("人", FormType.PerformanceSelfEvaluation)]
    [InlineData("人", FormType.OverallPerformanceSelfEvaluation)]
    public void A_self_evaluation_without_weights_has_its_lone_column_of_numbers_as_the_score(string scoreHeader, FormType form)
    {
        // A template with no 分值 column whose 自评得分 header, under a seal, read as "人": its numbers are 得分.
        var spec = $"""
            项目名称 | 数字图书馆运维经费 | < | < | < | <
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 未完成原因和改进措施 | {scoreHeader}
            产出指标 | 数量指标 | 设备购置数量 | 56台(套) | 56台(套) | | 10.5
            ^ | 质量指标 | 资金使用合规率 | 100% | 100% | 无 | 15
            效益指标 | 社会效益指标 | 提高读者服务水平 | 有效提高 | 有效提高 | | 11.5
            满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥98% | 100% | 已完成 | 10
            总分 | < | < | < | < | < | 100
            """;
        var r = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec)), 0, form, Info);
        Assert.Equal([10.5m, 15m, 11.5m, 10m], r.Indicators.Select(i => i.Score ?? -1).ToArray());
        Assert.All(r.Indicators, i => Assert.Null(i.Weight));
        if (scoreHeader != "人") return;
        // A target form's lone column of numbers under a header not read stays its 分值.
        var target = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec.Replace("| 全年完成值 | 未完成原因和改进措施 |", "| 指标方向 | 备注 |"))), 0,
            FormType.PerformanceTarget, Info);
        Assert.All(target.Indicators, i => Assert.Null(i.Score));
        Assert.Equal([10.5m, 15m, 11.5m, 10m], target.Indicators.Select(i => i.Weight ?? -1).ToArray());
    }

    [Fact]
    public void A_scanned_target_read_with_2_for_its_comparator_is_told_by_what_was_achieved()
    {
        // ≥120公里 read "2120公里" where 120公里 was achieved; the text layer prints what it prints.
        var spec = Fixtures.OtherSelfEvaluation.Replace("| ≥120公里 | 125公里 |", "| 2120公里 | 120公里 |");
        var r = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec)), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal("≥120公里", r.Indicators[0].Target);
        var text = PerformanceFormInterpreter.Read(TableSpec.Parse(spec), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal("2120公里", text.Indicators[0].Target);
    }

    [Fact]
    public void A_target_under_a_header_that_was_not_read_still_gets_its_comparator_back()
    {
        // The lexicon restores ≥ under headers it reads; here 年度指标值 read "SS这介", so the interpreter does it.
        var spec = Fixtures.OtherSelfEvaluation.Replace("| 年度指标值 |", "| SS这介 |").Replace("| ≥85% |", "| 285% |").Replace("| ≥90% |", "| >90% |");
        var r = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec)), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal(["≥120公里", "≥85%", "有效改善", "≥90%"], r.Indicators.Select(i => i.Target ?? "").ToArray());
        // The text layer prints what it prints.
        var text = PerformanceFormInterpreter.Read(TableSpec.Parse(spec.Replace("| SS这介 |", "| 年度指标值 |")), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal("285%", text.Indicators[1].Target);
    }

    [Fact]
    public void Scanned_scores_read_as_look_alike_letters_are_their_digits()
    {
        // 分值 20 read "2O", 得分 15 read "l5"; a reason in the 得分 column's place would stay no number.
        var spec = Fixtures.OtherSelfEvaluation.Replace("| 质量指标 | 优良路率 | 20 | ≥85% | 80% | 15 |", "| 质量指标 | 优良路率 | 2O | ≥85% | 80% | l5 |");
        var r = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec)), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal((20m, 15m), (r.Indicators[1].Weight, r.Indicators[1].Score));
        var text = PerformanceFormInterpreter.Read(TableSpec.Parse(spec), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal(((decimal?)null, (decimal?)null), (text.Indicators[1].Weight, text.Indicators[1].Score));
    }

    [Fact]
    public void Unread_headers_of_a_text_layer_table_stay_unread()
    {
        // A text layer prints what the form says; a header it has that is no value of ours (指标方向) is not guessed at.
        var spec = Fixtures.OtherSelfEvaluation.Replace("| 年度指标值 |", "| 指标方向 |");
        var r = PerformanceFormInterpreter.Read(TableSpec.Parse(spec), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.All(r.Indicators, i => Assert.Null(i.Target));
    }

    [Fact]
    public void A_scanned_unit_column_is_not_taken_for_the_target()
    {
        // 计量单位 misread: its body holds unit words only, so the target column stays the one whose header was read.
        var spec = Fixtures.OtherSelfEvaluation.Replace("| 分值 | 年度指标值 |", "| 分值 | 计显单住 | 年度指标值 |")
            .Replace("| 20 | ≥120公里 |", "| 20 | 公里 | ≥120公里 |").Replace("| 20 | ≥85% |", "| 20 | % | ≥85% |")
            .Replace("| 30 | 有效改善 |", "| 30 | | 有效改善 |").Replace("| 20 | ≥90% |", "| 20 | % | ≥90% |")
            .Replace("预算执行率 | 10 | < | < | < | < | < | <", "预算执行率 | 10 | < | < | < | < | < | < | <")
            .Replace("总分 | < | < | 100 | < | < | 95 |", "总分 | < | < | 100 | < | < | < | 95 |");
        var r = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec)), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal(["≥120公里", "≥85%", "有效改善", "≥90%"], r.Indicators.Select(i => i.Target ?? "").ToArray());
        Assert.Equal(["125公里", "80%", "有效改善", "92%"], r.Indicators.Select(i => i.Actual ?? "").ToArray());
    }

    [Fact]
    public void A_scanned_first_level_lost_is_the_parent_of_the_second()
    {
        // OCR read the merged 效益指标 cell as nothing and 满意度指标 as debris; the 二级指标 beside them say which.
        var spec = Fixtures.OtherSelfEvaluation.Replace("效益指标 | 社会效益指标", " | 社会效益指标").Replace("满意度指标 | 服务对象", "“A | 服务对象");
        var clean = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.OtherSelfEvaluation), 0, FormType.PerformanceSelfEvaluation, Info);
        var scanned = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec)), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal(clean.Indicators.Select(i => i.Level1), scanned.Indicators.Select(i => i.Level1));
        // A text layer prints what it prints: no level is made up there.
        var text = PerformanceFormInterpreter.Read(TableSpec.Parse(spec), 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Contains(text.Indicators, i => i.Level1 == "“A");
    }

    [Theory]
    [InlineData("16人", "≥16人", "≥16人")]     // the sign lost in one block
    [InlineData("≥16人", "216人", "≥16人")]    // read as a 2
    [InlineData("16人", "18人", "18人")]       // other values: left as read
    public void A_scanned_target_shares_its_comparator_with_the_other_block_of_its_row(string first, string second, string expected)
    {
        var spec = Fixtures.YqTarget.Replace("急救车司机工资发放人数 | 16人 | 数量指标 | 急救车司机工资发放人数 | 16人",
            $"急救车司机工资发放人数 | {first} | 数量指标 | 急救车司机工资发放人数 | {second}");
        var r = PerformanceFormInterpreter.Read(Ocr(TableSpec.Parse(spec)), 0, FormType.PerformanceTarget, Info);
        var pair = r.Indicators.Where(i => i.Name == "急救车司机工资发放人数").ToList();
        Assert.Equal(2, pair.Count);
        Assert.Equal(expected == "18人" ? [first, second] : new[] { expected, expected }, pair.Select(i => i.Target).ToArray());
        var text = PerformanceFormInterpreter.Read(TableSpec.Parse(spec), 0, FormType.PerformanceTarget, Info);
        Assert.Equal([first, second], text.Indicators.Where(i => i.Name == "急救车司机工资发放人数").Select(i => i.Target!).ToArray());
    }

    [Fact]
    public void An_indicator_is_as_sure_as_the_least_sure_of_its_name_and_values()
    {
        // 优良路率's target cell read at 0.4 under a clear name: the fact is unsure; the reason column does not count.
        var t = Ocr(TableSpec.Parse(Fixtures.OtherSelfEvaluation));
        t = t.WithCells(t.Cells.Select(c => c with { Confidence = c.Text == "≥85%" ? 0.4 : c.Text == "部分路段老化" ? 0.2 : 0.9 }).ToList());
        var r = PerformanceFormInterpreter.Read(t, 0, FormType.PerformanceSelfEvaluation, Info);
        Assert.Equal(0.4, Assert.Single(r.Indicators, i => i.Name == "优良路率").Confidence);
        Assert.All(r.Indicators.Where(i => i.Name != "优良路率"), i => Assert.Equal(0.9, i.Confidence));
    }

    private static Table Ocr(Table t) => t.WithCells(t.Cells.Select(c => c with { Source = CellSource.Ocr }).ToList());

    [Fact]
    public void SelfEvaluationReadsTargetsActualsAndGroupScores()
    {
        var r = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.YqSelfEvaluation), 0, FormType.PerformanceSelfEvaluation, Info);
        var p = Assert.Single(r.Projects);
        Assert.Equal(("2023年急救车辆更新购置费(含车载医疗设备)尾款", 96m, 10m, "优"), (p.Name, p.TotalScore!.Value, p.ExecutionScore!.Value, p.Grade));
        Assert.Equal(169.07m, p.TotalFundsWan);
        Assert.Equal("2024.1.1-2024.12.31", p.Period);
        Assert.Equal("杨珂卿", p.Manager);
        Assert.Equal(7, r.Indicators.Count);
        var count = r.Indicators[0];
        Assert.Equal(("产出指标", "数量指标", "救护车数量", "3辆", "已完成", 48m), (count.Level1, count.Level2, count.Name, count.Target, count.Actual, count.Score!.Value));
        Assert.Equal("无", count.DeviationReason);
        Assert.Null(count.Period);
        // A score merged over the 一级指标 group belongs to its first indicator only (效益指标's first row is blank).
        Assert.Null(r.Indicators[1].Score);
        Assert.Equal(29m, r.Indicators.Single(i => i.Name == "提高急救工作效率").Score);
        Assert.Equal([48m, 29m, 9m], r.Indicators.Where(i => i.Score is not null).Select(i => i.Score!.Value).ToArray());
        var satisfied = r.Indicators.Single(i => i.Level1 == "满意度指标");
        Assert.Equal(Comparator.GreaterOrEqual, satisfied.TargetParsed!.Comparator);
        Assert.Equal((98m, "%"), (satisfied.TargetParsed.Value!.Value, satisfied.TargetParsed.Unit));
    }

    [Fact]
    public void SelfEvaluationWithOtherColumnOrderIsReadByHeaderMeaning()
    {
        var r = PerformanceFormInterpreter.Read(TableSpec.Parse(Fixtures.OtherSelfEvaluation), 0, FormType.PerformanceSelfEvaluation, Info);
        var p = Assert.Single(r.Projects);
        Assert.Equal(("农村公路养护", "某县交通运输局", "某县公路站", 95m, 10m), (p.Name, p.Department!, p.ImplementingUnit!, p.TotalScore!.Value, p.ExecutionScore!.Value));
        Assert.Equal(4, r.Indicators.Count);
        var q = r.Indicators[1];
        Assert.Equal(("产出指标", "质量指标", "优良路率", "≥85%", "80%", 20m, 15m, "部分路段老化"),
            (q.Level1, q.Level2, q.Name, q.Target, q.Actual, q.Weight!.Value, q.Score!.Value, q.DeviationReason));
    }

    [Fact]
    public void OverallSelfEvaluationTakesTheUnitAsProject()
    {
        var spec = """
            部门名称 | 阳泉市卫生健康委员会 | < | < | <
            一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值
            产出指标 | 数量指标 | 项目完成数 | ≥10个 | 12个
            """;
        var r = PerformanceFormInterpreter.Read(TableSpec.Parse(spec), 0, FormType.OverallPerformanceSelfEvaluation, Info);
        Assert.Equal("阳泉市卫生健康委员会", Assert.Single(r.Projects).Name);
        var i = Assert.Single(r.Indicators);
        Assert.Equal(("阳泉市卫生健康委员会", "12个"), (i.Project, i.Actual));
    }
}

public class ExecutionScoreTests
{
    private static readonly DocumentInfo Info = new() { UnitName = "某中心" };

    [Fact]
    public void ExecutionScoreIsTheLastNumberOfItsRow()
    {
        var spec = """
            项目名称 | < | 某项目 | < | <
            项目执行情况（10分） | < | 预算执行率98.5% | < | 9.9
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 自评得分
            产出指标（50分） | 数量指标 | 完成数 | 3个 | 50
            总分 | < | < | < | 59.9
            """;
        var p = Assert.Single(PerformanceFormInterpreter.Read(TableSpec.Parse(spec), 0, FormType.PerformanceSelfEvaluation, Info).Projects);
        Assert.Equal((9.9m, 59.9m), (p.ExecutionScore!.Value, p.TotalScore!.Value));
    }

    [Fact]
    public void ExecutionScoreFromTheFundsBlock()
    {
        var spec = """
            部门（单位）名称 | < | 某县卫生健康局 | < | < | < | < | <
            年度预算资金（万元） | < | | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
            ^ | ^ | 年度资金总额 | 1,000.00 | 990.00 | 10 | 99% | 9.9
            ^ | ^ | 其中：基本支出 | 800.00 | 800.00 | — | — | —
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
            产出指标 | 数量指标 | 完成数 | 3个 | 3个 | 50 | 50 |
            """;
        var r = PerformanceFormInterpreter.Read(TableSpec.Parse(spec), 0, FormType.OverallPerformanceSelfEvaluation, Info);
        var p = Assert.Single(r.Projects);
        Assert.Equal(("某县卫生健康局", 9.9m, 1000m), (p.Name, p.ExecutionScore!.Value, p.TotalFundsWan!.Value));
        Assert.Equal((50m, 50m), (r.Indicators[0].Weight!.Value, r.Indicators[0].Score!.Value));
    }
}
