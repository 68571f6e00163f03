using Extractor.Domain;

namespace CorpusGen;

/// <summary>绩效目标表, 绩效自评表 (several provinces' templates), 整体绩效自评表 and 绩效基础数据表.</summary>
public sealed partial class Builder
{
    public sealed record Ind(string L1, string L2, string Name, string Target, string Actual, string Reason);

    static readonly (string L1, string L2)[] Levels =
    [
        ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标"),
        ("效益指标", "经济效益"), ("效益指标", "社会效益"), ("效益指标", "生态效益"), ("效益指标", "可持续影响"),
        ("满意度指标", "服务对象满意度"),
    ];

    /// <summary>Indicators of a project: (level, name, target, actual); some 二级 levels stay empty.</summary>
    public List<Ind> MakeIndicators(string project, long cents, int max)
    {
        string s = Fin.Profile.Served;
        string p = project.Length > 8 ? project[..8] : project;
        var list = new List<Ind>();
        int Pct() => Pick(90, 95, 98, 100, 85);
        foreach (var (l1, l2) in Levels)
        {
            int count = l2 switch { "数量指标" => Next(1, 3), "质量指标" => Next(1, 3), "时效指标" => 1, "成本指标" => Next(0, 2), "经济效益" => Next(0, 2), "社会效益" => Next(1, 3), "生态效益" => R < 0.25 ? 1 : 0, "可持续影响" => Next(0, 2), _ => 1 };
            for (int k = 0; k < count && list.Count < max; k++)
            {
                int n = Next(2, 60); int pct = Pct();
                (string name, string target, string actual) = l2 switch
                {
                    "数量指标" => Pick(($"{p}覆盖{s}人数", $"≥{n * 10}人", $"{n * 10 + Next(0, 30)}人"), ($"完成{p}任务数", $"{n}项", $"{n}项"),
                        ("设备购置数量", $"{n}台（套）", $"{n}台（套）"), ("开展培训次数", $"≥{n % 12 + 2}次", $"{n % 12 + 3}次")),
                    "质量指标" => Pick(($"{p}验收合格率", $"≥{pct}%", $"{Math.Min(100, pct + Next(0, 5))}%"), ("资金使用合规率", "100%", "100%"),
                        ("工作任务完成率", $"≥{pct}%", $"{Math.Min(100, pct + Next(-3, 5))}%")),
                    "时效指标" => Pick(("资金支付及时率", "100%", "100%"), ("项目完成时间", $"{Y}年12月底前", $"{Y}年12月")),
                    "成本指标" => Pick(("项目成本控制", $"≤{cents / 100m:0.##}万元", $"{cents * 0.97m / 100m:0.##}万元"), ("人均补助标准", $"{n * 100}元/人", $"{n * 100}元/人")),
                    "经济效益" => Pick(("节约运行成本", "有效降低", "有效降低"), ("带动相关产业发展", "有所提升", "有所提升")),
                    "社会效益" => Pick(($"提高{s}服务水平", "有效提高", "有效提高"), ("社会公众知晓率", $"≥{pct}%", $"{Math.Min(100, pct + 2)}%"), ($"保障{p}正常运转", "正常运转", "正常运转")),
                    "生态效益" => ("减少资源浪费", "有效减少", "有效减少"),
                    "可持续影响" => Pick(("长效管理机制建立", "长期", "长期"), ($"{p}持续发挥作用", $"≥{n % 5 + 1}年", $"{n % 5 + 1}年")),
                    _ => Pick(($"{s}满意度", $"≥{pct}%", $"{Math.Min(100, pct + Next(-6, 4))}%"), ("职工满意度", "≥90%", "95%")),
                };
                if (list.Any(i => i.Name == name)) continue;
                string reason = actual != target && actual.EndsWith('%') && target.StartsWith('≥') && int.TryParse(actual.TrimEnd('%'), out var a) && a < pct
                    ? "个别任务受客观因素影响未按期完成，下一步将加强过程监控" : Pick("无", "已完成", "");
                list.Add(new(l1, l2, name, target, actual, reason));
            }
        }
        return list;
    }

    static string L2Full(string l2) => l2 switch { "经济效益" or "社会效益" or "生态效益" => l2 + "指标", "可持续影响" => "可持续影响指标", "服务对象满意度" => "服务对象满意度指标", _ => l2 };

    /// <summary>阳泉 项目支出绩效目标表 with 实施期 and 年度 blocks side by side.</summary>
    public void YqTarget((string Name, long Amount, string Code) proj)
    {
        int max = 14;
        while (true)
        {
            var inds = MakeIndicators(proj.Name, proj.Amount, max);
            var t = NewTable(8, 0.55, 0.9, 1.0, 2.2, 1.35, 1.0, 2.2, 1.35);
            Head(t, 0, 0, "项目名称", 1, 2); t.Add(0, 2, proj.Name, 1, 6, 'l');
            Head(t, 1, 0, "主管部门及代码", 1, 2); t.Add(1, 2, $"{Next(10, 99):000}-{U}", 1, 2, 'l'); Head(t, 1, 4, "实施单位"); t.Add(1, 5, U, 1, 3, 'l');
            Head(t, 2, 0, "项目属性", 1, 2); t.Add(2, 2, Pick("一次性项目（1年结束）", "经常性项目"), 1, 2, 'l'); Head(t, 2, 4, "项目期"); t.Add(2, 5, "1年", 1, 3, 'l');
            string yuan = Yuan(proj.Amount, true, false);
            Head(t, 3, 0, "项目资金\n（元）", 6);
            (string, string)[] fund = [("实施期资金总额：", yuan), ("其中：中央财政资金", "0"), ("省级财政资金", "0"), ("市县（区）财政资金", yuan), ("单位自筹", "0"), ("其他资金", "")];
            for (int k = 0; k < 6; k++)
            {
                t.Add(3 + k, 1, fund[k].Item1, 1, 2, 'l'); t.Add(3 + k, 3, fund[k].Item2, 1, 1, 'r');
                t.Add(3 + k, 4, fund[k].Item1.Replace("实施期", "年度"), 1, 2, 'l'); t.Add(3 + k, 6, fund[k].Item2, 1, 2, 'r');
            }
            Head(t, 9, 0, "项目概况", 1, 2); t.Add(9, 2, $"{proj.Name}用于保障{Fin.Profile.Served}相关工作正常开展，按计划完成年度任务。", 1, 6, 'l');
            Head(t, 10, 0, "立项依据", 1, 2); t.Add(10, 2, $"根据{Fin.Profile.Province}市相关文件精神及本单位职责设立。", 1, 6, 'l');
            string goal = $"按时完成{proj.Name}，提高{Fin.Profile.Served}满意度，确保工作正常运转。";
            Head(t, 11, 0, "总体目标", 2); Head(t, 11, 1, "实施期目标", 1, 4); Head(t, 11, 5, "年度目标", 1, 3);
            t.Add(12, 1, goal, 1, 4, 'l'); t.Add(12, 5, goal, 1, 3, 'l');
            Head(t, 13, 1, "一级指标"); Head(t, 13, 2, "二级指标"); Head(t, 13, 3, "三级指标"); Head(t, 13, 4, "指标值");
            Head(t, 13, 5, "二级指标"); Head(t, 13, 6, "三级指标"); Head(t, 13, 7, "指标值");
            // Rows: every 二级 level at least once (empty ones printed without indicator).
            int r = 14;
            foreach (var g1 in Levels.GroupBy(l => l.L1))
            {
                int r1 = r;
                foreach (var (l1, l2) in g1)
                {
                    var these = inds.Where(i => i.L2 == l2).ToList();
                    int n = Math.Max(1, these.Count);
                    t.Add(r, 2, l2, n, 1); t.Add(r, 5, l2, n, 1);
                    for (int k = 0; k < n; k++)
                    {
                        if (k < these.Count)
                        {
                            var i = these[k];
                            string yTarget = i.Target;
                            t.Add(r + k, 3, i.Name, align: 'l'); t.Add(r + k, 4, i.Target); t.Add(r + k, 6, i.Name, align: 'l'); t.Add(r + k, 7, yTarget);
                            t.Indicators.Add((r + k, new IndicatorTruth(proj.Name, "实施期", l1, l2, i.Name, i.Target, null, null, null)));
                            t.Indicators.Add((r + k, new IndicatorTruth(proj.Name, "年度", l1, l2, i.Name, yTarget, null, null, null)));
                        }
                        else { t.Add(r + k, 3, ""); t.Add(r + k, 4, ""); t.Add(r + k, 6, ""); t.Add(r + k, 7, ""); }
                    }
                    r += n;
                }
                t.Add(r1, 1, g1.Key, r - r1, 1);
            }
            Head(t, 13, 0, "绩效指标", r - 13);
            t.Add(r, 0, $"负责人：{Person}", 1, 3, 'l'); t.Add(r, 3, $"经办人：{Person}", 1, 2, 'l'); t.Add(r, 5, $"填报日期：{Y - 1}1216", 1, 3, 'l');
            t.HeaderRows = 0;
            var head = new List<Para> { new($"{Fin.Profile.Province}市市级预算部门（单位）项目支出绩效目标表", "title"), new($"（{Y}年度）", "center") };
            if (!Fits(t, false, head) && max > 4) { max -= 2; continue; }
            TablePages(FormType.PerformanceTarget, false, head, t);
            return;
        }
    }

    /// <summary>Single-period 绩效目标表 (一级 / 二级 / 三级 / 指标值), as Jiangsu-style 申报表 print it.</summary>
    public void JsTarget((string Name, long Amount, string Code) proj)
    {
        int max = 16;
        while (true)
        {
            var inds = MakeIndicators(proj.Name, proj.Amount, max);
            var t = NewTable(9, 1.3, 1.5, 3.2, 1.8);
            Head(t, 0, 0, "项目名称"); t.Add(0, 1, proj.Name, 1, 3, 'l');
            Head(t, 1, 0, "预算金额（万元）"); t.Add(1, 1, A(proj.Amount, true), 1, 3, 'l');
            Head(t, 2, 0, "绩效目标"); t.Add(2, 1, $"保障{proj.Name}顺利实施，提升{Fin.Profile.Served}服务质量。", 1, 3, 'l');
            Head(t, 3, 0, "一级指标"); Head(t, 3, 1, "二级指标"); Head(t, 3, 2, "三级指标"); Head(t, 3, 3, "指标值");
            int r = 4;
            foreach (var g1 in inds.GroupBy(i => i.L1))
            {
                int r1 = r;
                foreach (var g2 in g1.GroupBy(i => i.L2))
                {
                    int r2 = r;
                    foreach (var i in g2)
                    {
                        t.Add(r, 2, i.Name, align: 'l'); t.Add(r, 3, i.Target);
                        t.Indicators.Add((r, new IndicatorTruth(proj.Name, null, g1.Key, L2Full(g2.Key), i.Name, i.Target, null, null, null)));
                        r++;
                    }
                    t.Add(r2, 1, L2Full(g2.Key), r - r2, 1);
                }
                t.Add(r1, 0, g1.Key, r - r1, 1);
            }
            var head = new List<Para> { new("项目支出绩效目标表", "title"), new($"（{Y}年度）", "center"), new($"部门：{U}", "sub") };
            if (!Fits(t, false, head) && max > 4) { max -= 2; continue; }
            TablePages(FormType.PerformanceTarget, false, head, t);
            return;
        }
    }

    static decimal[] Weights(int total, int n, Random rng)
    {
        var w = Fin.Weighted(total * 2, Enumerable.Range(0, n).Select(_ => 1 + rng.NextDouble()).ToArray());
        return w.Select(x => x / 2m).ToArray();
    }

    decimal ScoreOf(decimal weight, Ind i) => i.Reason.Length > 3 ? Math.Max(0, weight - Pick(0.5m, 1m, 1.5m)) : weight;

    /// <summary>阳泉 项目支出绩效自评表: 年度指标值 / 全年完成值 / 未完成原因和改进措施 / 自评得分.</summary>
    public void SelfEvalShanxi((string Name, long Amount, string Code) proj)
    {
        int max = 14;
        while (true)
        {
            var inds = MakeIndicators(proj.Name, proj.Amount, max);
            var t = NewTable(8, 1.1, 1.2, 0.6, 2.3, 1.3, 1.3, 1.6, 0.8);
            Head(t, 0, 0, "项目名称", 1, 2); t.Add(0, 2, proj.Name, 1, 6, 'l');
            Head(t, 1, 0, "项目负责人", 1, 2); t.Add(1, 2, Person, 1, 2); Head(t, 1, 4, "联系电话", 1, 2); t.Add(1, 6, $"0353-{Next(2000000, 2999999)}", 1, 2);
            Head(t, 2, 0, "主管部门", 1, 2); t.Add(2, 2, Fin.Profile.Department ? U : "阳泉市卫生健康委员会", 1, 2); Head(t, 2, 4, "实施单位", 1, 2); t.Add(2, 6, U, 1, 2);
            Head(t, 3, 0, "项目起止时间", 1, 2); t.Add(3, 2, $"{Y}.1.1-{Y}.12.31", 1, 2); Head(t, 3, 4, "绩效自评评价年度", 1, 2); t.Add(3, 6, $"{Y}年", 1, 2);
            long exec = proj.Amount - (R < 0.4 ? Fin.Part(proj.Amount, 0.01, 0.1, rng) : 0);
            Head(t, 4, 0, "项目预算金额（万元）", 1, 2); t.Add(4, 2, A(proj.Amount, true)); Head(t, 4, 3, "实际到位金额（万元）");
            t.Add(4, 4, A(proj.Amount, true)); Head(t, 4, 5, "实际执行金额（万元）"); t.Add(4, 6, A(exec, true), 1, 2);
            Head(t, 5, 0, "项目执行情况（10分）", 1, 2);
            decimal execScore = exec == proj.Amount ? 10 : Math.Round(10m * exec / proj.Amount, 1);
            t.Add(5, 2, $"预算执行率{100m * exec / proj.Amount:0.##}%", 1, 5, 'l'); t.Add(5, 7, execScore.ToString("0.#"));
            t.Add(6, 0, "绩效目标自评情况", 1, 8, 'c', true);
            Head(t, 7, 0, "一级指标"); Head(t, 7, 1, "二级指标"); Head(t, 7, 2, "三级指标", 1, 2); Head(t, 7, 4, "年度指标值");
            Head(t, 7, 5, "全年完成值"); Head(t, 7, 6, "未完成原因和改进措施"); Head(t, 7, 7, "自评得分");
            int r = 8;
            decimal total = execScore;
            var budget = new Dictionary<string, int> { ["产出指标"] = 50, ["效益指标"] = 30, ["满意度指标"] = 10 };
            foreach (var g1 in inds.GroupBy(i => i.L1))
            {
                int r1 = r;
                var w = Weights(budget[g1.Key], g1.Count(), rng);
                int k = 0;
                foreach (var g2 in g1.GroupBy(i => i.L2))
                {
                    int r2 = r, idx = 1;
                    foreach (var i in g2)
                    {
                        decimal score = ScoreOf(w[k++], i);
                        total += score;
                        t.Add(r, 2, $"指标{idx++}"); t.Add(r, 3, i.Name, align: 'l'); t.Add(r, 4, i.Target); t.Add(r, 5, i.Actual);
                        t.Add(r, 6, i.Reason, align: 'l'); t.Add(r, 7, score.ToString("0.##"));
                        t.Indicators.Add((r, new IndicatorTruth(proj.Name, null, g1.Key, L2Full(g2.Key), i.Name, i.Target, i.Actual, null, score)));
                        r++;
                    }
                    t.Add(r2, 1, L2Full(g2.Key), r - r2, 1);
                }
                t.Add(r1, 0, $"{g1.Key}（{budget[g1.Key]}分）", r - r1, 1);
            }
            t.Add(r, 0, "总分", 1, 7, 'c', true); t.Add(r, 7, total.ToString("0.##")); r++;
            string grade = total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";
            Head(t, r, 0, "自评结论及结果分析", 1, 2); t.Add(r, 2, $"本项目自评{total:0.##}分，等级{grade}。项目按计划实施，资金使用规范，达到预期绩效目标。", 1, 6, 'l'); r++;
            Head(t, r, 0, "存在问题与整改措施", 1, 2); t.Add(r, 2, "进一步加强项目全过程绩效管理。", 1, 6, 'l');
            t.HeaderRows = 0;
            var head = new List<Para> { new($"{Fin.Profile.Province}市项目支出绩效自评表", "title"), new($"单位（公章）：{U}　　　填报日期：{Y + 1}.{Next(3, 6)}.{Next(1, 28)}", "sub") };
            if (!Fits(t, false, head) && max > 4) { max -= 2; continue; }
            TablePages(FormType.PerformanceSelfEvaluation, false, head, t);
            return;
        }
    }

    /// <summary>Other provinces' 绩效自评表: 分值 / 得分 / 实际完成值 / 偏差原因分析及改进措施 in a varying order.</summary>
    public void SelfEvalOther((string Name, long Amount, string Code) proj, int variant, bool overall = false)
    {
        int max = 14;
        while (true)
        {
            var inds = overall ? OverallIndicators() : MakeIndicators(proj.Name, proj.Amount, max);
            if (overall) inds = inds.Take(max).ToList();
            string[] order = variant == 1 ? ["年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
                                          : ["分值", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施"];
            var t = NewTable(8, 1.0, 1.2, 2.4, 1.3, 1.3, 0.7, 0.7, 1.9);
            if (variant != 1) t.Widths = [1.0, 1.2, 2.4, 0.7, 1.3, 1.3, 0.7, 1.9];
            Head(t, 0, 0, overall ? "部门（单位）名称" : "项目名称", 1, 2); t.Add(0, 2, overall ? U : proj.Name, 1, 6, 'l');
            int r = 1;
            if (!overall) { Head(t, 1, 0, "主管部门", 1, 2); t.Add(1, 2, U, 1, 2); Head(t, 1, 4, "实施单位", 1, 2); t.Add(1, 6, U, 1, 2); r = 2; }
            long amt = overall ? Fin.Total : proj.Amount;
            long exec = amt - (R < 0.5 ? Fin.Part(amt, 0.005, 0.08, rng) : 0);
            Head(t, r, 0, overall ? "年度预算资金（万元）" : "项目资金（万元）", 4, 2);
            string[] fh = ["", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
            decimal execScore = Math.Round(10m * exec / amt, 1);
            for (int k = 1; k < 6; k++) Head(t, r, k + 2, fh[k]);
            t.Add(r, 2, "");
            string[] rowsF = overall ? ["年度资金总额", "其中：基本支出", "项目支出"] : ["年度资金总额", "其中：当年财政拨款", "上年结转资金"];
            for (int k = 0; k < 3; k++)
            {
                int rr = r + 1 + k;
                long v = k == 0 ? amt : overall ? (k == 1 ? Fin.Basic : amt - Fin.Basic) : (k == 1 ? amt : 0);
                long ve = k == 0 ? exec : overall ? (k == 1 ? Fin.Basic : exec - Fin.Basic) : (k == 1 ? exec : 0);
                t.Add(rr, 2, rowsF[k], align: 'l'); t.Add(rr, 3, A(v, true)); t.Add(rr, 4, A(ve, true));
                t.Add(rr, 5, k == 0 ? "10" : "—"); t.Add(rr, 6, k == 0 ? $"{100m * exec / amt:0.##}%" : "—"); t.Add(rr, 7, k == 0 ? execScore.ToString("0.#") : "—");
            }
            r += 4;
            Head(t, r, 0, "年度总体目标", 2); Head(t, r, 1, "预期目标", 1, 3); Head(t, r, 4, "实际完成情况", 1, 4);
            t.Add(r + 1, 1, "按计划完成年度工作任务，保障各项工作正常运转。", 1, 3, 'l'); t.Add(r + 1, 4, "已按计划完成年度工作任务，各项工作运转正常。", 1, 4, 'l');
            r += 2;
            Head(t, r, 0, "一级指标"); Head(t, r, 1, "二级指标"); Head(t, r, 2, "三级指标");
            for (int k = 0; k < 5; k++) Head(t, r, 3 + k, order[k]);
            int hdr = r; r++;
            decimal total = execScore;
            var budget = new Dictionary<string, int> { ["产出指标"] = 50, ["效益指标"] = 30, ["满意度指标"] = 10 };
            foreach (var g1 in inds.GroupBy(i => i.L1))
            {
                int r1 = r;
                var w = Weights(budget[g1.Key], g1.Count(), rng);
                int k = 0;
                foreach (var g2 in g1.GroupBy(i => i.L2))
                {
                    int r2 = r;
                    foreach (var i in g2)
                    {
                        decimal wt = w[k++], score = ScoreOf(wt, i);
                        total += score;
                        t.Add(r, 2, i.Name, align: 'l');
                        var vals = new Dictionary<string, string> { ["年度指标值"] = i.Target, ["实际完成值"] = i.Actual, ["分值"] = wt.ToString("0.##"), ["得分"] = score.ToString("0.##"), ["偏差原因分析及改进措施"] = i.Reason };
                        for (int c = 0; c < 5; c++) t.Add(r, 3 + c, vals[order[c]], align: order[c].StartsWith("偏差") ? 'l' : 'c');
                        t.Indicators.Add((r, new IndicatorTruth(overall ? U : proj.Name, null, g1.Key, L2Full(g2.Key), i.Name, i.Target, i.Actual, wt, score)));
                        r++;
                    }
                    t.Add(r2, 1, L2Full(g2.Key), r - r2, 1);
                }
                t.Add(r1, 0, g1.Key, r - r1, 1);
            }
            int wc = 3 + Array.IndexOf(order, "分值"), sc = 3 + Array.IndexOf(order, "得分");
            t.Add(r, 0, "总分", 1, Math.Min(wc, sc), 'c', true);
            for (int c = Math.Min(wc, sc); c < 8; c++) t.Add(r, c, c == wc ? "100" : c == sc ? total.ToString("0.##") : "");
            t.HeaderRows = 0;
            string title = overall ? "部门整体支出绩效自评表" : "项目支出绩效自评表";
            var head = new List<Para> { new(title, "title"), new($"（{Y}年度）", "center") };
            if (!Fits(t, false, head) && max > 4) { max -= 2; continue; }
            TablePages(overall ? FormType.OverallPerformanceSelfEvaluation : FormType.PerformanceSelfEvaluation, false, head, t);
            return;
        }
    }

    List<Ind> OverallIndicators()
    {
        int pct = Pick(95, 98, 100);
        var all = new List<Ind>
        {
            new("产出指标", "数量指标", "重点工作任务完成数", $"{Next(5, 12)}项", "已完成", "无"),
            new("产出指标", "数量指标", "项目支出预算执行率", "≥90%", $"{Next(91, 100)}%", "无"),
            new("产出指标", "质量指标", "重点工作完成质量", "达标", "达标", "无"),
            new("产出指标", "质量指标", "政府采购执行率", "100%", "100%", "无"),
            new("产出指标", "时效指标", "预算编报及时性", "按时报送", "按时报送", "无"),
            new("产出指标", "成本指标", "“三公”经费控制率", "≤100%", $"{Next(60, 100)}%", "无"),
            new("效益指标", "社会效益", "履职效能提升", "有效提升", "有效提升", "无"),
            new("效益指标", "社会效益", "部门公开透明度", "全面公开", "全面公开", "无"),
            new("效益指标", "可持续影响", "制度建设完善程度", "持续完善", "持续完善", "无"),
            new("满意度指标", "服务对象满意度", $"{Fin.Profile.Served}满意度", $"≥{pct - 5}%", $"{pct}%", "无"),
        };
        return all;
    }

    /// <summary>部门整体支出绩效评价基础数据表: plain data (no budget lines, no indicators).</summary>
    public void BaseData()
    {
        var t = NewTable(9, 2.8, 1.5, 1.5, 1.5, 1.5);
        int staff = Next(8, 200);
        t.Add(0, 0, "财政供养人员情况", 1, 1, 'c', true); Head(t, 0, 1, "编制数"); Head(t, 0, 2, $"{Y}年实际在职人数"); Head(t, 0, 3, "控制率"); Head(t, 0, 4, "备注");
        int real = staff - Next(0, Math.Max(1, staff / 10));
        t.Add(1, 0, ""); t.Add(1, 1, staff.ToString()); t.Add(1, 2, real.ToString()); t.Add(1, 3, $"{100.0 * real / staff:0.00}%"); t.Add(1, 4, "");
        t.Add(2, 0, "经费控制情况", 1, 1, 'c', true); Head(t, 2, 1, $"{Y - 1}年决算数"); Head(t, 2, 2, $"{Y}年预算数"); Head(t, 2, 3, $"{Y}年决算数"); Head(t, 2, 4, "备注");
        (string, long)[] rows =
        [
            ("三公经费总额", Fin.ThreeTotal), ("1.公务用车购置及维护费", Fin.CarBuy + Fin.CarRun), ("2.出国经费", Fin.Abroad), ("3.公务接待", Fin.Reception),
            ("公用经费", Fin.Public), ("其中：办公经费", Fin.Econ.Where(e => e.Code == "30201").Sum(e => e.Amount)),
            ("水费、电费、差旅费", Fin.Econ.Where(e => e.Code is "30205" or "30206" or "30211").Sum(e => e.Amount)),
            ("政府采购金额", Fin.Part(Fin.Total, 0.01, 0.06, rng)),
        ];
        int r = 3;
        foreach (var (name, v) in rows)
        {
            long prev = v + Fin.Part(v, -0.1, 0.1, rng);
            t.Add(r, 0, name, align: 'l'); t.Add(r, 1, A(prev, true), align: 'r'); t.Add(r, 2, A(v + Fin.Part(v, 0, 0.05, rng), true), align: 'r'); t.Add(r, 3, A(v, true), align: 'r'); t.Add(r, 4, ""); r++;
        }
        t.Add(r, 0, "厉行节约保障措施", 1, 1, 'c', true); t.Add(r, 1, "严格执行中央八项规定精神，压减一般性支出，规范公务接待和公务用车管理。", 1, 4, 'l');
        t.HeaderRows = 0;
        TablePages(FormType.PerformanceBaseData, false, [new("部门整体支出绩效评价基础数据表", "title"), new($"填报单位：{U}　　　单位：万元", "sub")], t);
    }
}
