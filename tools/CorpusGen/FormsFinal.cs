using Extractor.Domain;

namespace CorpusGen;

/// <summary>决算 tables (公开01表 …) with 行次 / 栏次, learnt from the 阳泉 决算 seed.</summary>
public sealed partial class Builder
{
    public bool SplitCodes;    // 科目编码 printed as 类 | 款 | 项 columns

    List<Para> FaHead(int n, string title) =>
    [
        new(title, "title"), new($"公开{n:00}表", "right"), new($"部门名称：{U}　　　{Y}年度　　　金额单位：万元", "sub"),
    ];

    long Income => Fin.Total + Fin.C1 - Fin.C0;

    public void FaSummary(int n)
    {
        var t = NewTable(8.5, 3.4, 0.7, 1.4, 3.4, 0.7, 1.4);
        Head(t, 0, 0, "收入", 1, 3); Head(t, 0, 3, "支出", 1, 3);
        string[] h = ["项目", "行次", "金额", "项目", "行次", "金额"];
        for (int k = 0; k < 6; k++) Head(t, 1, k, h[k]);
        t.Add(2, 0, "栏次"); t.Add(2, 2, "1"); t.Add(2, 3, "栏次"); t.Add(2, 5, "2");
        t.HeaderRows = 3;
        string[] inc = ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入", "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"];
        var classes = Catalog.ClassList(Y, true);
        int rows = classes.Count, line = 1, eline = rows + 6;
        for (int i = 0; i < rows; i++)
        {
            var (code, name) = classes[i];
            Row(t, true, i < inc.Length ? inc[i] : "", (line++).ToString(), i == 0 ? A(Income) : "", $"{Catalog.ChineseNumbers[i]}、{name}", (eline++).ToString(), A(Fin.ClassTotal(code, x => x.Total)));
        }
        Row(t, true, "本年收入合计", (line++).ToString(), A(Income), "本年支出合计", (eline++).ToString(), A(Fin.Total));
        Row(t, true, "使用非财政拨款结余（含专用结余）", (line++).ToString(), "", "结余分配", (eline++).ToString(), "");
        Row(t, true, "年初结转和结余", (line++).ToString(), A(Fin.C0), "年末结转和结余", (eline++).ToString(), A(Fin.C1));
        Row(t, true, "总计", (line++).ToString(), A(Income + Fin.C0), "总计", (eline++).ToString(), A(Fin.Total + Fin.C1));
        Amounts(t, 0, [], 2); Amounts(t, 3, [], 5);
        t.ComputePaths([0, 1]);
        TablePages(FormType.IncomeExpenditureSummary, false, FaHead(n, "收入支出决算总表"), t,
            [new("注：本表反映部门本年度的总收支和年末结转结余情况。", "small")]);
    }

    /// <summary>Code and name cells of a subject row (codes whole or split into 类/款/项).</summary>
    string[] CodeCells(string code, string name)
    {
        if (!SplitCodes) return [code, name];
        return [code[..3], code.Length >= 5 ? code[3..5] : "", code.Length == 7 ? code[5..7] : "", name];
    }

    int CodeHead(TTable t)
    {
        if (!SplitCodes) { Head(t, 1, 0, "科目代码"); Head(t, 1, 1, "科目名称"); Head(t, 0, 0, "项目", 1, 2); return 2; }
        Head(t, 0, 0, "项目", 1, 4); Head(t, 1, 0, "类"); Head(t, 1, 1, "款"); Head(t, 1, 2, "项"); Head(t, 1, 3, "科目名称");
        return 4;
    }

    double[] W(int nAmounts, double amountW, double nameW = 4)
    {
        var w = new List<double>();
        if (SplitCodes) w.AddRange([0.6, 0.5, 0.5]); else w.Add(1.4);
        w.Add(nameW);
        for (int k = 0; k < nAmounts; k++) w.Add(amountW);
        return [.. w];
    }

    void SubjectTable(TTable t, int nc, string[] amountHeads, List<SubjectRow> rows, long[] totals, bool cols栏次 = true)
    {
        for (int k = 0; k < amountHeads.Length; k++) if (amountHeads[k].Length > 0) Head(t, 0, nc + k, amountHeads[k], 2);
        t.Add(2, 0, "栏次", 1, nc);
        for (int k = 0; k < amountHeads.Length; k++) t.Add(2, nc + k, (k + 1).ToString());
        t.HeaderRows = 3;
        int r = t.Rows; t.Add(r, 0, "合计", 1, nc);
        for (int k = 0; k < totals.Length; k++) t.Add(r, nc + k, A(totals[k]), align: 'r');
        t.DataRows.Add(r);
        foreach (var s in rows) Row(t, true, [.. CodeCells(s.Code, s.Name), .. s.Values.Select(v => A(v))]);
        int[] codeCols = SplitCodes ? [0, 1, 2] : [0];
        Amounts(t, nc - 1, codeCols, Enumerable.Range(nc, amountHeads.Length).ToArray());
        t.ComputePaths([0, 1]);
    }

    public void FaIncome(int n)
    {
        string[] heads = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"];
        var t = NewTable(8, W(7, 1.2, 3.6));
        int nc = CodeHead(t);
        // Income by subject: the year's income allocated over items by their spending (exact sums).
        var items = Fin.Items;
        var alloc = Fin.Weighted(Income, items.Select(i => (double)Math.Max(1, i.Total)).ToArray());
        var map = items.Select((it, k) => (it.Code, alloc[k])).ToDictionary(x => x.Code, x => x.Item2);
        var rows = Fin.SubjectRows(Y, x => map[x.Code], x => map[x.Code]);
        SubjectTable(t, nc, heads, rows.Select(r => r with { Values = [r.Values[0], r.Values[1], 0, 0, 0, 0, 0] }).ToList(), [Income, Income, 0, 0, 0, 0, 0]);
        TablePages(FormType.IncomeSummary, true, FaHead(n, "收入决算表"), t, [new("注：本表反映部门本年度取得的各项收入情况。", "small")]);
    }

    public void FaExpenditure(int n)
    {
        string[] heads = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"];
        var t = NewTable(8, W(6, 1.3, 3.8));
        int nc = CodeHead(t);
        var rows = Fin.SubjectRows(Y, x => x.Total, x => x.Basic, x => x.ProjCur + x.ProjCarry, _ => 0, _ => 0, _ => 0);
        SubjectTable(t, nc, heads, rows, [Fin.Total, Fin.Basic, Fin.ProjCur + Fin.ProjCarry, 0, 0, 0]);
        TablePages(FormType.ExpenditureSummary, true, FaHead(n, "支出决算表"), t, [new("注：本表反映部门本年度各项支出情况。", "small")]);
    }

    public void FaGeneral(int n)
    {
        var t = NewTable(8.5, W(3, 1.5, 4.2));
        int nc = CodeHead(t);
        var rows = Fin.SubjectRows(Y, x => x.Total, x => x.Basic, x => x.ProjCur + x.ProjCarry);
        // "本年支出" spans the three amount columns above 小计 / 基本支出 / 项目支出.
        t.Add(0, nc, "本年支出", 1, 3, 'c', true);
        Head(t, 1, nc, "小计"); Head(t, 1, nc + 1, "基本支出"); Head(t, 1, nc + 2, "项目支出");
        SubjectTable(t, nc, ["", "", ""], rows, [Fin.Total, Fin.Basic, Fin.ProjCur + Fin.ProjCarry]);
        TablePages(FormType.GeneralBudgetExpenditure, false, FaHead(n, "一般公共预算财政拨款支出决算表"), t, [new("注：本表反映部门本年度一般公共预算财政拨款支出情况。", "small")]);
    }

    public void FaFiscal(int n)
    {
        var t = NewTable(7.5, 3.2, 0.6, 1.2, 3.2, 0.6, 1.2, 1.3, 1.3, 1.3);
        Head(t, 0, 0, "收入", 1, 3); Head(t, 0, 3, "支出", 1, 6);
        string[] h = ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"];
        for (int k = 0; k < h.Length; k++) Head(t, 1, k, h[k]);
        t.Add(2, 0, "栏次"); t.Add(2, 2, "1"); t.Add(2, 3, "栏次"); for (int k = 5; k < 9; k++) t.Add(2, k, (k - 3).ToString());
        t.HeaderRows = 3;
        string[] inc = ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"];
        var classes = Catalog.ClassList(Y, true);
        int line = 1, eline = classes.Count + 7;
        for (int i = 0; i < classes.Count; i++)
        {
            var (code, name) = classes[i];
            long v = Fin.ClassTotal(code, x => x.Total);
            Row(t, true, i < 3 ? inc[i] : "", (line++).ToString(), i == 0 ? A(Income) : "", $"{Catalog.ChineseNumbers[i]}、{name}", (eline++).ToString(), A(v), A(v), "", "");
        }
        Row(t, true, "本年收入合计", (line++).ToString(), A(Income), "本年支出合计", (eline++).ToString(), A(Fin.Total), A(Fin.Total), "", "");
        Row(t, true, "年初财政拨款结转和结余", (line++).ToString(), A(Fin.C0), "年末财政拨款结转和结余", (eline++).ToString(), A(Fin.C1), A(Fin.C1), "", "");
        Row(t, true, "一般公共预算财政拨款", (line++).ToString(), A(Fin.C0), "", (eline++).ToString(), "", "", "", "");
        Row(t, true, "总计", (line++).ToString(), A(Income + Fin.C0), "总计", (eline++).ToString(), A(Fin.Total + Fin.C1), A(Fin.Total + Fin.C1), "", "");
        Amounts(t, 0, [], 2); Amounts(t, 3, [], 5, 6, 7, 8);
        t.ComputePaths([0, 1]);
        TablePages(FormType.FiscalAppropriationSummary, true, FaHead(n, "财政拨款收入支出决算总表"), t);
    }

    /// <summary>The wide 基本支出决算明细表: 人员经费 group and three 公用经费 groups side by side.</summary>
    public void FaBasicDetail(int n)
    {
        var pers = new List<(string, string, string)>();
        var econ = Fin.Econ.ToDictionary(e => e.Code, e => e.Amount);
        foreach (var g in new[] { "301", "303" })
        {
            long s = Fin.Econ.Where(e => e.Code.StartsWith(g)).Sum(e => e.Amount);
            pers.Add((g, g == "301" ? "工资福利支出" : "对个人和家庭的补助", A(s)));
            var codes = Catalog.Personnel.Select(p => p.Code).Concat(Catalog.PersonnelFiller).Where(c => c.StartsWith(g)).Distinct().OrderBy(c => c);
            foreach (var c in codes)
                pers.Add((c, Catalog.Personnel.FirstOrDefault(p => p.Code == c).Name ?? Catalog.FillerNames[c], econ.TryGetValue(c, out var v) ? A(v) : ""));
        }
        var pub = new List<(string, string, string)>();
        pub.Add(("302", "商品和服务支出", A(Fin.Econ.Where(e => e.Code.StartsWith("302")).Sum(e => e.Amount))));
        var pcodes = Catalog.Public.Select(p => (p.Code, p.Name)).Concat(Catalog.PublicFiller.Where(f => f.Code.StartsWith("302")))
            .GroupBy(x => x.Code).Select(g => g.First()).OrderBy(x => x.Code);
        foreach (var (c, nm) in pcodes) pub.Add((c, nm, econ.TryGetValue(c, out var v) ? A(v) : ""));
        foreach (var (c, nm) in Catalog.PublicFiller.Where(f => !f.Code.StartsWith("302"))) pub.Add((c, nm, ""));
        int rows = Math.Max(pers.Count, (pub.Count + 2) / 3);
        var t = NewTable(7, 0.8, 2.6, 0.9, 0.8, 2.0, 0.9, 0.8, 2.0, 0.9, 0.8, 2.0, 0.9);
        Head(t, 0, 0, "人员经费", 1, 3); Head(t, 0, 3, "公用经费", 1, 9);
        for (int g = 0; g < 4; g++) { Head(t, 1, g * 3, "科目代码"); Head(t, 1, g * 3 + 1, "科目名称"); Head(t, 1, g * 3 + 2, "决算数"); }
        t.HeaderRows = 2;
        for (int r = 0; r < rows; r++)
        {
            var cells = new string[12];
            Array.Fill(cells, "");
            if (r < pers.Count) (cells[0], cells[1], cells[2]) = pers[r];
            for (int g = 0; g < 3; g++)
            {
                int k = g * rows + r;
                if (k < pub.Count) (cells[3 + g * 3], cells[4 + g * 3], cells[5 + g * 3]) = pub[k];
            }
            Row(t, true, cells);
        }
        int tr = t.Rows;
        t.Add(tr, 0, "人员经费合计", 1, 2); t.Add(tr, 2, A(Fin.Personnel), align: 'r');
        t.Add(tr, 3, "公用经费合计", 1, 8); t.Add(tr, 11, A(Fin.Public), align: 'r');
        t.DataRows.Add(tr);
        for (int g = 0; g < 4; g++) t.AmountCols[g * 3 + 2] = (g * 3 + 1, [g * 3]);
        t.ComputePaths([0, 1]);
        TablePages(FormType.GeneralBudgetBasicExpenditure, true, FaHead(n, "一般公共预算财政拨款基本支出决算明细表"), t,
            [new("注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。", "small")]);
    }

    public void FaEmptyFunds(int n)
    {
        var t = NewTable(8, W(6, 1.3, 3.2));
        int nc = CodeHead(t);
        string[] heads = ["年初结转和结余", "本年收入", "", "", "", "年末结转和结余"];
        Head(t, 0, nc + 2, "本年支出", 1, 3); Head(t, 1, nc + 2, "小计"); Head(t, 1, nc + 3, "基本支出"); Head(t, 1, nc + 4, "项目支出");
        SubjectTable(t, nc, heads, [], [0, 0, 0, 0, 0, 0]);
        TablePages(FormType.GovernmentFund, true, FaHead(n, "政府性基金预算财政拨款收入支出决算表"), t,
            [new("注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。", "small"), new("说明：本表无数据", "sub")]);
        var c = NewTable(8.5, W(3, 1.5, 4.2));
        int nc2 = CodeHead(c);
        c.Add(0, nc2, "本年支出", 1, 3, 'c', true);
        Head(c, 1, nc2, "合计"); Head(c, 1, nc2 + 1, "基本支出"); Head(c, 1, nc2 + 2, "项目支出");
        SubjectTable(c, nc2, ["", "", ""], [], [0, 0, 0]);
        TablePages(FormType.StateCapitalOperation, false, FaHead(n + 1, "国有资本经营预算财政拨款支出决算表"), c,
            [new("注：本表反映部门本年度国有资本经营预算财政拨款支出情况。", "small"), new("说明：本表无数据", "sub")]);
    }

    public void FaThreePublic(int n)
    {
        var t = NewTable(7.5, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1);
        Head(t, 0, 0, "预算数", 1, 6); Head(t, 0, 6, "决算数", 1, 6);
        for (int g = 0; g < 2; g++)
        {
            int o = g * 6;
            Head(t, 1, o, "合计", 2); Head(t, 1, o + 1, "因公出国（境）费", 2); Head(t, 1, o + 2, "公务用车购置及运行维护费", 1, 3);
            Head(t, 1, o + 5, "公务接待费", 2); Head(t, 2, o + 2, "小计"); Head(t, 2, o + 3, "公务用车购置费"); Head(t, 2, o + 4, "公务用车运行维护费");
        }
        for (int k = 0; k < 12; k++) t.Add(3, k, (k + 1).ToString());
        t.HeaderRows = 4;
        Func<long, string> f = v => ZeroPrinted ? A(v, true) : A(v);
        long bt = Fin.BudgetAbroad + Fin.BudgetCarBuy + Fin.BudgetCarRun + Fin.BudgetReception;
        bool empty = bt == 0 && Fin.ThreeTotal == 0;
        if (!empty)
            Row(t, true, f(bt), f(Fin.BudgetAbroad), f(Fin.BudgetCarBuy + Fin.BudgetCarRun), f(Fin.BudgetCarBuy), f(Fin.BudgetCarRun), f(Fin.BudgetReception),
                f(Fin.ThreeTotal), f(Fin.Abroad), f(Fin.CarBuy + Fin.CarRun), f(Fin.CarBuy), f(Fin.CarRun), f(Fin.Reception));
        // No label column: budget lines of this table have an empty name (see docs/CORPUS.md).
        for (int k = 0; k < 12; k++) t.AmountCols[k] = (-1, []);
        t.ComputePaths([0, 1, 2]);
        var after = new List<Para> { new("注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。", "small") };
        if (empty) after.Add(new("说明：本表无数据", "sub"));
        TablePages(FormType.ThreePublicExpenses, true, FaHead(n, "财政拨款“三公”经费支出决算表"), t, after);
    }
}
