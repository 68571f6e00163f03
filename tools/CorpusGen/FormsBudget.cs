using Extractor.Domain;

namespace CorpusGen;

/// <summary>阳泉-style 部门/单位预算 tables (表一 … 表十三), learnt from the seeds.</summary>
public sealed partial class Builder
{
    string LevelWord => Doc.Level == DocumentLevel.Department ? "部门" : "单位";

    List<Para> YqHead(int n, string title, string unit = "万元") =>
    [
        new($"预算公开表{n}", "small"), new(title, "title"), new($"单位名称：{U}", "sub"), new($"单位：{unit}", "right"),
    ];

    static readonly string[] IncomeSources = ["一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金"];

    public void YqIncomeExpenditure(int n)
    {
        var t = NewTable(9, 2.6, 1.3, 3.2, 1.3, 1.3, 1.3);
        Head(t, 0, 0, "收入", 1, 2); Head(t, 0, 2, "支出", 1, 4);
        Head(t, 1, 0, "项目"); Head(t, 1, 1, $"{Y}年"); Head(t, 1, 2, "项目"); Head(t, 1, 3, $"{Y}年合计"); Head(t, 1, 4, "当年预算安排"); Head(t, 1, 5, "上年结转安排");
        t.HeaderRows = 2;
        var classes = Catalog.ClassList(Y, false);
        long cur = Fin.Basic + Fin.ProjCur;
        for (int i = 0; i < classes.Count; i++)
        {
            string inc = i < IncomeSources.Length ? $"{Catalog.ChineseNumbers[i]}、{IncomeSources[i]}" : "";
            string incA = i == 0 ? A(cur) : "";
            var (code, name) = classes[i];
            long tot = Fin.ClassTotal(code, x => x.Total), c = Fin.ClassTotal(code, x => x.Basic + x.ProjCur), ca = Fin.ClassTotal(code, x => x.ProjCarry);
            Row(t, true, inc, incA, $"{Catalog.ChineseNumbers[i]}、{name}", A(tot), A(c), A(ca));
        }
        Row(t, true, "本年收入合计", A(cur), "本年支出合计", A(Fin.Total), A(cur), A(Fin.ProjCarry));
        Row(t, true, "上年结转", A(Fin.ProjCarry), "年终结转", "", "", "");
        Row(t, true, "收入总计", A(Fin.Total), "支出总计", A(Fin.Total), A(cur), A(Fin.ProjCarry));
        Amounts(t, 0, [], 1); Amounts(t, 2, [], 3, 4, 5);
        t.ComputePaths([0, 1]);
        TablePages(FormType.IncomeExpenditureSummary, false, YqHead(n, $"{Y}年预算收支总表"), t);
    }

    public void YqIncome(int n)
    {
        var t = NewTable(8.5, 1.4, 3.6, 1.3, 1.3, 1.2, 1.3, 1.3, 1.1, 1.2);
        Head(t, 0, 0, "项目", 1, 2); Head(t, 0, 2, "本年收入", 1, 6); Head(t, 0, 8, "上年结转", 2, 1);
        string[] h = ["科目编码", "科目名称", "合计", "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金", "单位资金"];
        for (int k = 0; k < h.Length; k++) Head(t, 1, k, h[k]);
        t.HeaderRows = 2;
        long cur = Fin.Basic + Fin.ProjCur;
        Row(t, true, "", "合计", A(cur), A(cur), "", "", "", "", A(Fin.ProjCarry));
        foreach (var r in Fin.SubjectRows(Y, x => x.Basic + x.ProjCur, x => x.ProjCarry))
            Row(t, true, r.Code, r.Name, A(r.Values[0]), A(r.Values[0]), "", "", "", "", A(r.Values[1]));
        Amounts(t, 1, [0], 2, 3, 4, 5, 6, 7, 8);
        t.ComputePaths([0, 1]);
        TablePages(FormType.IncomeSummary, true, YqHead(n, $"{Y}年预算收入总表"), t);
    }

    /// <summary>支出总表 (with carry-over) or 一般公共预算支出表 (without).</summary>
    public void YqExpenditure(int n, bool general)
    {
        var t = NewTable(9, 1.5, 4.2, 1.5, 1.5, 1.5);
        Head(t, 0, 0, "项目", 1, 2); Head(t, 0, 2, $"{Y}年预算数", 1, 3);
        Head(t, 1, 0, "科目编码"); Head(t, 1, 1, "科目名称"); Head(t, 1, 2, "合计"); Head(t, 1, 3, "基本支出"); Head(t, 1, 4, "项目支出");
        t.HeaderRows = 2;
        Func<Item, long> proj = general ? x => x.ProjCur : x => x.ProjCur + x.ProjCarry;
        Row(t, true, "", "合计", A(Fin.Basic + Fin.Items.Sum(proj)), A(Fin.Basic), A(Fin.Items.Sum(proj)));
        foreach (var r in Fin.SubjectRows(Y, x => x.Basic + proj(x), x => x.Basic, proj))
            Row(t, true, r.Code, (r.Level == 1 ? "" : r.Level == 2 ? "  " : "    ") + r.Name, A(r.Values[0]), A(r.Values[1]), A(r.Values[2]));
        Amounts(t, 1, [0], 2, 3, 4);
        t.ComputePaths([0, 1]);
        var title = general ? $"{Y}年一般公共预算支出预算表（不含上年结转）" : $"{Y}年预算支出总表";
        TablePages(general ? FormType.GeneralBudgetExpenditure : FormType.ExpenditureSummary, false, YqHead(n, title), t);
    }

    public void YqFiscal(int n)
    {
        var t = NewTable(9, 2.6, 1.3, 3.2, 1.3, 1.4, 1.4);
        Head(t, 0, 0, "收入", 1, 2); Head(t, 0, 2, "支出", 1, 4);
        Head(t, 1, 0, "项目", 2); Head(t, 1, 1, "金额", 2); Head(t, 1, 2, "项目", 2); Head(t, 1, 3, "金额", 1, 3);
        Head(t, 2, 3, "小计"); Head(t, 2, 4, "一般公共预算"); Head(t, 2, 5, "政府性基金预算");
        t.HeaderRows = 3;
        long cur = Fin.Basic + Fin.ProjCur;
        var classes = Catalog.ClassList(Y, false);
        string[] inc = ["一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算"];
        for (int i = 0; i < classes.Count; i++)
        {
            var (code, name) = classes[i];
            long tot = Fin.ClassTotal(code, x => x.Total);
            Row(t, true, i < 3 ? inc[i] : "", i == 0 ? A(cur) : "", $"{Catalog.ChineseNumbers[i]}、{name}", A(tot), A(tot), "");
        }
        Row(t, true, "本年收入合计", A(cur), "本年支出合计", A(Fin.Total), A(Fin.Total), "");
        Row(t, true, "上年财政拨款结转", A(Fin.ProjCarry), "年终结转", "", "", "");
        Row(t, true, "一、一般公共预算", A(Fin.ProjCarry), "", "", "", "");
        Row(t, true, "二、政府性基金预算", "", "", "", "", "");
        Row(t, true, "收入总计", A(Fin.Total), "支出总计", A(Fin.Total), A(Fin.Total), "");
        Amounts(t, 0, [], 1); Amounts(t, 2, [], 3, 4, 5);
        t.ComputePaths([0, 1, 2]);
        TablePages(FormType.FiscalAppropriationSummary, false, YqHead(n, $"{Y}年财政拨款收支总表"), t);
    }

    static string GovEcon(string code) => code switch
    {
        "30301" or "30302" => "离退休费", "30305" or "30309" => "社会福利和救助", _ when code.StartsWith("301") => "工资福利支出",
        _ when code.StartsWith("303") => "对个人和家庭的补助", "30231" => "公务用车运行维护费", _ => "商品和服务支出",
    };

    public void YqBasicEcon(int n)
    {
        var t = NewTable(9, 3.2, 2.6, 1.4, 1.4, 1.4);
        Head(t, 0, 0, $"{LevelWord}预算支出经济科目名称", 2); Head(t, 0, 1, "政府预算支出经济科目名称", 2); Head(t, 0, 2, $"{Y}年预算数", 1, 3);
        Head(t, 1, 2, "合计"); Head(t, 1, 3, "人员经费"); Head(t, 1, 4, "公用经费");
        t.HeaderRows = 2;
        int r0 = t.Rows; t.Add(r0, 0, "合计", 1, 2, 'c'); t.Add(r0, 2, A(Fin.Basic), align: 'r'); t.Add(r0, 3, A(Fin.Personnel), align: 'r'); t.Add(r0, 4, A(Fin.Public), align: 'r'); t.DataRows.Add(r0);
        foreach (var g in Fin.Econ.GroupBy(e => e.Code[..3]))
        {
            string gname = g.Key switch { "301" => "工资福利支出", "302" => "商品和服务支出", _ => "对个人和家庭的补助" };
            long s = g.Sum(e => e.Amount);
            bool pers = g.First().Personnel;
            Row(t, true, gname, "", A(s), pers ? A(s) : "", pers ? "" : A(s));
            foreach (var e in g) Row(t, true, e.Name, GovEcon(e.Code), A(e.Amount), pers ? A(e.Amount) : "", pers ? "" : A(e.Amount));
        }
        Amounts(t, 0, [], 2, 3, 4);
        t.ComputePaths([0, 1]);
        TablePages(FormType.GeneralBudgetBasicExpenditure, false, YqHead(n, $"{Y}年一般公共预算安排基本支出分经济科目表（不含上年结转）"), t);
    }

    public void YqFundAndCapital(int n)
    {
        // 政府性基金 收入表 and 支出表 on one page, both empty; then 国有资本经营 on its own page.
        var a = NewTable(9, 1.6, 4, 2.4);
        Head(a, 0, 0, "项目", 1, 2); Head(a, 0, 2, "政府性基金收入预算", 2); Head(a, 1, 0, "收入科目编码"); Head(a, 1, 1, "科目名称");
        a.HeaderRows = 2;
        int r = a.Rows; a.Add(r, 0, "合计", 1, 2); a.DataRows.Add(r);
        Amounts(a, 1, [0], 2); a.ComputePaths([0, 1]); a.Complete();
        var b = NewTable(9, 1.5, 4, 1.5, 1.5, 1.5);
        string[] h = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
        for (int k = 0; k < 5; k++) Head(b, 0, k, h[k]);
        b.HeaderRows = 1;
        Row(b, true, "", "合计", "", "", "");
        Amounts(b, 1, [0], 2, 3, 4); b.ComputePaths([0]); b.Complete();
        string note = Pick("注：本表无数据", "注：本单位无政府性基金预算收支，本表无数据。");
        var page = new PageSpec { Form = FormType.GovernmentFund };
        page.Blocks.AddRange(YqHead(n, $"{Y}年政府性基金预算收入表（不含上年结转）"));
        page.Blocks.Add(new TableBlock(a)); page.Blocks.Add(new Para(note, "sub"));
        page.Blocks.Add(new Para($"{Y}年政府性基金预算支出表（不含上年结转）", "title")); page.Blocks.Add(new Para("单位：万元", "right"));
        page.Blocks.Add(new TableBlock(b)); page.Blocks.Add(new Para(note, "sub"));
        Doc.Pages.Add(page);

        var c = NewTable(8.5, 1.3, 2.4, 1.3, 2.4, 1.2, 1.2, 1.2);
        Head(c, 0, 0, "国有资本经营预算收入", 1, 2); Head(c, 0, 2, "国有资本经营预算支出", 1, 5);
        string[] h2 = ["收入科目编码", "科目名称", "科目编码", "科目名称", "合计", "基本支出", "项目支出"];
        for (int k = 0; k < 7; k++) Head(c, 1, k, h2[k]);
        c.HeaderRows = 2;
        int rr = c.Rows; c.Add(rr, 0, "合计", 1, 2); c.Add(rr, 2, ""); c.Add(rr, 3, "合计"); c.DataRows.Add(rr);
        Amounts(c, 3, [2], 4, 5, 6); c.ComputePaths([0, 1]);
        TablePages(FormType.StateCapitalOperation, true, YqHead(n + 2, $"{Y}年国有资本经营预算收支预算表（不含上年结转）"), c, [new("注：本表无数据", "sub")]);
    }

    public void YqThreePublic(int n)
    {
        bool yuan = YuanTables;
        Func<long, string> f = yuan ? v => Yuan(v, ZeroPrinted) : v => ZeroPrinted ? A(v, true) : A(v);
        var t = NewTable(9, 3.6, 1.5, 1.5, 1.5, 1.5);
        Head(t, 0, 0, "项目", 2); Head(t, 0, 1, $"{Y}年预算数", 1, 4);
        Head(t, 1, 1, "合计"); Head(t, 1, 2, "一般公共预算"); Head(t, 1, 3, "政府性基金预算"); Head(t, 1, 4, "国有资本经营预算");
        t.HeaderRows = 2; t.Unit = yuan ? "元" : "万元";
        (string, long)[] rows =
        [
            ("因公出国（境）费", Fin.Abroad), ("公务接待费", Fin.Reception), ("公务用车购置及运行费", Fin.CarBuy + Fin.CarRun),
            ("①公务用车购置费", Fin.CarBuy), ("②公务用车运行维护费", Fin.CarRun), ("合计", Fin.ThreeTotal),
        ];
        foreach (var (name, v) in rows) Row(t, true, name, f(v), f(v), "", "");
        Amounts(t, 0, [], 1, 2, 3, 4);
        t.ComputePaths([0, 1]);
        TablePages(FormType.ThreePublicExpenses, false, YqHead(n, $"{Y}年财政拨款安排“三公”经费支出预算表", t.Unit), t);
    }

    public void YqOperating(int n)
    {
        var t = NewTable(9, 4, 1.5, 1.5, 1.5, 1.5);
        Head(t, 0, 0, "单位名称", 2); Head(t, 0, 1, $"{Y}预算数", 1, 4);
        Head(t, 1, 1, "合计"); Head(t, 1, 2, "一般公共预算"); Head(t, 1, 3, "政府性基金预算"); Head(t, 1, 4, "国有资本经营预算");
        t.HeaderRows = 2;
        long v = Fin.OperatingExpenses;
        Row(t, true, $"{LevelWord}合计", A(v), A(v), "", "");
        if (v > 0) Row(t, true, U, A(v), A(v), "", "");
        Amounts(t, 0, [], 1, 2, 3, 4);
        t.ComputePaths([0, 1]);
        var after = v > 0 ? new List<Para>() : [new(Pick("注：本表无数据", "本单位无此项支出。"), "sub")];
        TablePages(FormType.OperatingExpenses, false, YqHead(n, $"{Y}年财政拨款安排机关运行经费预算表"), t, after);
    }

    public void YqProjects(int n, bool carry)
    {
        var list = carry ? Fin.CarryProjects : Fin.Projects;
        if (list.Count == 0) return;
        bool yuan = YuanTables;
        Func<long, string> f = yuan ? v => Yuan(v) : v => A(v);
        var t = carry ? NewTable(9, 5.5, 1.5, 1.5, 1.5, 1.5) : NewTable(8.5, 5.2, 1.4, 1.4, 1.3, 1.3, 1.3, 1.2);
        Head(t, 0, 0, "项目名称", 2); Head(t, 0, 1, "合计", 2); Head(t, 0, 2, $"{Y}年财政拨款", 1, 3);
        Head(t, 1, 2, "一般公共预算"); Head(t, 1, 3, "政府性基金预算"); Head(t, 1, 4, "国有资本经营预算");
        if (!carry) { Head(t, 0, 5, "财政专户管理资金", 2); Head(t, 0, 6, "单位资金", 2); }
        for (int k = 0; k < t.Cols; k++) t.Add(2, k, (k + 1).ToString());
        t.HeaderRows = 3; t.Unit = yuan ? "元" : "万元";
        long total = list.Sum(p => p.Amount);
        var cells = new List<string> { U, f(total), f(total) };
        while (cells.Count < t.Cols) cells.Add("");
        Row(t, true, [.. cells]);
        foreach (var p in list)
        {
            var c = new List<string> { p.Name, f(p.Amount), f(p.Amount) };
            while (c.Count < t.Cols) c.Add("");
            Row(t, true, [.. c]);
        }
        Amounts(t, 0, [], Enumerable.Range(1, t.Cols - 1).ToArray());
        t.ComputePaths([0, 1]);
        TablePages(FormType.ProjectExpenditure, !carry && R < 0.5, YqHead(n, $"{Y}年项目支出预算表（{(carry ? "上年结转" : "本年预算")}）", t.Unit), t);
    }
}
