using Extractor.Domain;

namespace CorpusGen;

/// <summary>Covers, 目录 and narrative pages, written from the same finances as the tables.</summary>
public sealed partial class Builder
{
    static string Cn(int year) => string.Concat(year.ToString().Select(c => "〇一二三四五六七八九"[c - '0']));
    string W2(long cents) => (cents / 100m).ToString("#,##0.00");
    static string Pct(long a, long b) => b == 0 ? "0%" : $"{100m * a / b:0.00}%";

    public void Cover(string kindTitle)
    {
        Doc.Pages.Add(new PageSpec
        {
            Form = FormType.Cover,
            Blocks = [new Para("", "cover1"), new Para("", "cover1"), new Para(U, "cover1"), new Para(kindTitle, "cover2"), new Para("", "cover1"), new Para("", "cover1"),
                      new Para($"{Cn(Doc.Kind == DocumentKind.Budget ? Y : Y + 1)}年{Pick("二", "三", "八", "九")}月", "cover2")],
        });
    }

    public void Toc(IEnumerable<string> lines)
    {
        var paras = new List<Para> { new("目　录", "title") };
        int page = 1;
        foreach (var l in lines) { paras.Add(new($"{l}{new string('.', Math.Max(4, 40 - l.Length * 2 / 2))}{page}", "toc")); page += l.StartsWith("第") ? 1 : 0; }
        TextPages(FormType.Cover, paras);
    }

    public void Overview()
    {
        var p = Fin.Profile;
        TextPages(FormType.Narrative,
        [
            new("第一部分　概况", "h1"), new($"一、{LevelWord}职责", "h2"),
            new($"{U}主要职责：贯彻落实国家和省、市有关方针政策和法律法规，承担本{LevelWord}职责范围内的各项工作；负责面向{p.Served}的服务保障工作；完成上级交办的其他任务。"),
            new("二、机构设置情况", "h2"),
            new($"{U}为{(p.Admin ? "行政单位" : "公益一类事业单位")}，内设{Next(3, 15)}个科室，核定编制{Next(10, 200)}名，实有人员{Next(10, 200)}名。"),
        ]);
    }

    public void BudgetNarrative()
    {
        long cur = Fin.Basic + Fin.ProjCur;
        var paras = new List<Para>
        {
            new($"第三部分　{Y}年度{LevelWord}预算情况说明", "h1"),
            new("一、收支预算总体情况", "h2"),
            new($"{Y}年度{U}预算收入总计{W2(Fin.Total)}万元，其中：本年收入{W2(cur)}万元，上年结转{W2(Fin.ProjCarry)}万元。支出总计{W2(Fin.Total)}万元，其中：基本支出{W2(Fin.Basic)}万元，占{Pct(Fin.Basic, Fin.Total)}；项目支出{W2(Fin.ProjCur + Fin.ProjCarry)}万元，占{Pct(Fin.ProjCur + Fin.ProjCarry, Fin.Total)}。"),
            new("二、一般公共预算支出情况", "h2"),
            new($"{Y}年度一般公共预算当年支出{W2(cur)}万元，主要用于以下方面：" + string.Join("；", Fin.Items.GroupBy(i => i.Code[..3]).Select(g => $"{Catalog.ClassName(g.Key, Y)}{W2(g.Sum(i => i.Basic + i.ProjCur))}万元，占{Pct(g.Sum(i => i.Basic + i.ProjCur), cur)}")) + "。"),
            new("三、一般公共预算基本支出情况", "h2"),
            new($"一般公共预算安排基本支出{W2(Fin.Basic)}万元，其中：人员经费{W2(Fin.Personnel)}万元，主要包括：{string.Join("、", Fin.Econ.Where(e => e.Personnel).Select(e => e.Name))}；公用经费{W2(Fin.Public)}万元，主要包括：{string.Join("、", Fin.Econ.Where(e => !e.Personnel).Select(e => e.Name))}。"),
            new("四、“三公”经费预算情况", "h2"),
            new($"{Y}年“三公”经费预算{W2(Fin.ThreeTotal)}万元，其中：因公出国（境）费{W2(Fin.Abroad)}万元，公务接待费{W2(Fin.Reception)}万元，公务用车购置及运行费{W2(Fin.CarBuy + Fin.CarRun)}万元。"),
            new("五、机关运行经费", "h2"),
            new(Fin.OperatingExpenses > 0 ? $"{Y}年机关运行经费预算{W2(Fin.OperatingExpenses)}万元。" : $"本{LevelWord}无机关运行经费。"),
            new("六、绩效管理情况", "h2"),
            new($"{Y}年{U}纳入绩效目标管理的项目{Fin.Projects.Count}个，涉及资金{W2(Fin.ProjCur)}万元，公开项目绩效目标见附件。"),
        };
        TextPages(FormType.Narrative, paras);
    }

    public void FinalNarrative()
    {
        long inc = Income;
        TextPages(FormType.Narrative,
        [
            new("第三部分　情况说明", "h1"),
            new("一、收入支出决算总体情况说明", "h2"),
            new($"{Y}年度收入总计{W2(inc + Fin.C0)}万元，支出总计{W2(Fin.Total + Fin.C1)}万元。与上年相比，收入总计增加{W2(Fin.Part(inc, 0.01, 0.08, rng))}万元。"),
            new("二、收入决算情况说明", "h2"),
            new($"{Y}年度收入合计{W2(inc)}万元，其中：财政拨款收入{W2(inc)}万元，占比100.00%。"),
            new("三、支出决算情况说明", "h2"),
            new($"{Y}年度支出合计{W2(Fin.Total)}万元，其中：基本支出{W2(Fin.Basic)}万元，占比{Pct(Fin.Basic, Fin.Total)}；项目支出{W2(Fin.ProjCur + Fin.ProjCarry)}万元，占比{Pct(Fin.ProjCur + Fin.ProjCarry, Fin.Total)}。"),
            new("四、一般公共预算财政拨款基本支出决算情况说明", "h2"),
            new($"{Y}年度财政拨款基本支出{W2(Fin.Basic)}万元，其中：人员经费{W2(Fin.Personnel)}万元，公用经费{W2(Fin.Public)}万元。"),
            new("五、财政拨款“三公”经费支出决算情况说明", "h2"),
            new($"{Y}年度“三公”经费财政拨款支出决算{W2(Fin.ThreeTotal)}万元，其中：因公出国（境）费{W2(Fin.Abroad)}万元，公务用车购置及运行维护费{W2(Fin.CarBuy + Fin.CarRun)}万元，公务接待费{W2(Fin.Reception)}万元。"),
            new("六、其他重要事项情况说明", "h2"),
            new(Fin.OperatingExpenses > 0 ? $"（一）机关运行经费支出{W2(Fin.OperatingExpenses)}万元。" : "（一）本部门（单位）无机关运行经费。"),
            new($"（二）预算绩效情况：组织对{Y}年度项目资金全面开展绩效自评，涉及项目{Fin.Projects.Count}个，资金{W2(Fin.ProjCur)}万元，项目自评表详见附件。"),
        ]);
    }

    public void Glossary()
    {
        TextPages(FormType.Narrative,
        [
            new("第四部分　名词解释", "h1"),
            new("一、财政拨款收入：指单位从同级财政部门取得的财政预算资金。"),
            new("二、事业收入：指事业单位开展专业业务活动及辅助活动取得的收入。"),
            new("三、年初结转和结余：指单位以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金。"),
            new("四、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用经费支出。"),
            new("五、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
            new("六、“三公”经费：指各级部门、单位用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费支出。"),
            new("七、机关运行经费：指行政单位和参照公务员法管理的事业单位财政拨款基本支出中的公用经费支出。"),
        ]);
    }

    public void EvaluationReport()
    {
        TextPages(FormType.Narrative,
        [
            new($"{U}{Y}年度绩效自评报告", "title"),
            new("一、基本情况", "h2"),
            new($"{U}{Y}年度预算总额{W2(Fin.Total)}万元，其中基本支出{W2(Fin.Basic)}万元，项目支出{W2(Fin.ProjCur + Fin.ProjCarry)}万元。"),
            new("二、绩效目标完成情况", "h2"),
            new($"本年度共对{Fin.Projects.Count}个项目开展绩效自评，各项目总体完成年度绩效目标，资金使用规范，{Fin.Profile.Served}满意度较高。"),
            new("三、存在的问题及改进措施", "h2"),
            new("部分绩效指标设置不够细化，下一步将加强绩效目标编制和执行监控，提高预算绩效管理水平。"),
        ]);
    }

    /// <summary>A 其他 page: 政府采购 / 国有资产 information table (not a budget form).</summary>
    public void OtherInfo()
    {
        var t = NewTable(9.5, 4, 2, 2);
        Head(t, 0, 0, "项目"); Head(t, 0, 1, "单位"); Head(t, 0, 2, "数量/金额");
        (string, string, string)[] rows =
        [
            ("政府采购预算总额", "万元", W2(Fin.Part(Fin.Total, 0.01, 0.05, rng))), ("其中：货物", "万元", W2(Fin.Part(Fin.Total, 0.005, 0.02, rng))),
            ("车辆", "辆", Next(0, 12).ToString()), ("单价100万元以上设备", "台（套）", Next(0, 5).ToString()), ("房屋建筑面积", "平方米", Next(500, 9000).ToString()),
        ];
        foreach (var (a, b, c) in rows) { int r = t.Rows; t.Add(r, 0, a, align: 'l'); t.Add(r, 1, b); t.Add(r, 2, c, align: 'r'); }
        t.HeaderRows = 1;
        TablePages(FormType.Other, false, [new("政府采购及国有资产占有使用情况表", "title"), new($"单位名称：{U}", "sub")], t);
    }
}
