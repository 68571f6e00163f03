using Extractor.Domain;

namespace CorpusGen;

/// <summary>Jiangsu-style 部门预算公开表 (Excel exports): 功能分类 / 支出用途 groups, merged category cells.</summary>
public sealed partial class Builder
{
    List<Para> JsHead(int n, string title, string unit = "万元") =>
        [new($"公开{n:00}表", "small"), new(title, "title"), new($"部门：{U}", "sub"), new($"单位：{unit}", "right")];

    public void JsSummary(int n)
    {
        var t = NewTable(8, 2.6, 1.3, 3.0, 1.3, 2.4, 1.3);
        Head(t, 0, 0, "收入", 1, 2); Head(t, 0, 2, "支出", 1, 4);
        Head(t, 1, 0, "项目名称", 2); Head(t, 1, 1, "金额", 2); Head(t, 1, 2, "功能分类", 1, 2); Head(t, 1, 4, "支出用途", 1, 2);
        Head(t, 2, 2, "功能科目名称"); Head(t, 2, 3, "金额"); Head(t, 2, 4, "项目名称"); Head(t, 2, 5, "金额");
        t.HeaderRows = 3;
        var classes = Catalog.ClassList(Y, false);
        long gpb = Fin.Basic + Fin.ProjCur;
        string[] inc = ["一、财政拨款", " 1.一般公共预算", " 2.政府性基金预算", "二、财政专户管理资金", "三、其他资金"];
        string[] incA = [A(gpb), A(gpb), "", "", ""];
        string[] use = ["一、基本支出", "二、项目支出", "三、单位预留机动经费"];
        string[] useA = [A(Fin.Basic), A(Fin.ProjCur + Fin.ProjCarry), ""];
        for (int i = 0; i < classes.Count; i++)
        {
            var (code, name) = classes[i];
            Row(t, true, i < inc.Length ? inc[i] : "", i < inc.Length ? incA[i] : "", $"{Catalog.ChineseNumbers[i]}、{name}",
                A(Fin.ClassTotal(code, x => x.Total)), i < use.Length ? use[i] : "", i < use.Length ? useA[i] : "");
        }
        void Bottom(string l, string la, string r, string ra)
        {
            int row = t.Rows;
            t.Add(row, 0, l, align: 'c'); t.Add(row, 1, la, align: 'r'); t.Add(row, 2, r, 1, 3, 'c'); t.Add(row, 5, ra, align: 'r');
            t.DataRows.Add(row);
        }
        Bottom("当年收入小计", A(gpb), "当年支出小计", A(Fin.Total));
        Bottom("上年结转资金", A(Fin.ProjCarry), "结转下年资金", "");
        Bottom("收入合计", A(Fin.Total), "支出合计", A(Fin.Total));
        Amounts(t, 0, [], 1); Amounts(t, 2, [], 3); Amounts(t, 4, [], 5);
        t.ComputePaths([0, 1, 2]);
        TablePages(FormType.IncomeExpenditureSummary, true, JsHead(n, "收支预算总表"), t);
    }

    public void JsIncome(int n)
    {
        var t = NewTable(9.5, 2.6, 3.6, 2.0);
        Head(t, 0, 0, "项目名称", 1, 2); Head(t, 0, 2, "金额");
        t.HeaderRows = 1;
        long gpb = Fin.Basic + Fin.ProjCur;
        int r = t.Rows; t.Add(r, 0, "收入总计", 1, 2, 'c', true); t.Add(r, 2, A(Fin.Total), align: 'r'); t.DataRows.Add(r);
        void Group(string cat, (string, string)[] subs)
        {
            int r0 = t.Rows;
            t.Add(r0, 0, cat, subs.Length, 1, 'c');
            for (int k = 0; k < subs.Length; k++)
            {
                t.Add(r0 + k, 1, subs[k].Item1, align: 'l'); t.Add(r0 + k, 2, subs[k].Item2, align: 'r');
                t.DataRows.Add(r0 + k);
            }
        }
        Group("一般公共预算资金", [("小计", A(gpb)), ("公共财政拨款(补助)资金", A(gpb)), ("专项收入", "")]);
        Group("政府性基金", [("小计", "")]);
        Group("财政专户管理资金", [("小计", "")]);
        Group("其他资金", [("小计", ""), ("事业收入", ""), ("经营收入", ""), ("其他收入", "")]);
        Group("上年结转和结余资金", [("小计", A(Fin.ProjCarry)), ("其中：动用上年结转和结余资金", A(Fin.ProjCarry))]);
        Amounts(t, 1, [], 2);
        t.ComputePaths([0]);
        TablePages(FormType.IncomeSummary, false, JsHead(n, "收入预算总表"), t);
    }

    public void JsExpenditure(int n)
    {
        var t = NewTable(9, 1.5, 4.0, 1.5, 1.5, 1.5);
        string[] h = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
        for (int k = 0; k < 5; k++) Head(t, 0, k, h[k]);
        t.HeaderRows = 1;
        Row(t, true, "", "合计", A(Fin.Total), A(Fin.Basic), A(Fin.ProjCur + Fin.ProjCarry));
        foreach (var s in Fin.SubjectRows(Y, x => x.Total, x => x.Basic, x => x.ProjCur + x.ProjCarry))
            Row(t, true, s.Code, s.Name, A(s.Values[0]), A(s.Values[1]), A(s.Values[2]));
        Amounts(t, 1, [0], 2, 3, 4);
        t.ComputePaths([0]);
        TablePages(FormType.ExpenditureSummary, false, JsHead(n, "支出预算总表"), t);
    }

    public void JsFunctional(int n)
    {
        var t = NewTable(9.5, 1.8, 4.5, 2.0);
        Head(t, 0, 0, "功能科目编码"); Head(t, 0, 1, "功能科目名称"); Head(t, 0, 2, "金额");
        t.HeaderRows = 1;
        long gpb = Fin.Basic + Fin.ProjCur;
        Row(t, true, "", "合计", A(gpb));
        foreach (var s in Fin.SubjectRows(Y, x => x.Basic + x.ProjCur)) Row(t, true, s.Code, s.Name, A(s.Values[0]));
        Amounts(t, 1, [0], 2);
        t.ComputePaths([0]);
        TablePages(FormType.GeneralBudgetExpenditure, false, JsHead(n, "财政拨款支出预算表（功能科目）"), t);
    }

    public void JsEconomic(int n)
    {
        var t = NewTable(9.5, 1.8, 4.5, 2.0);
        Head(t, 0, 0, "科目编码"); Head(t, 0, 1, "科目名称"); Head(t, 0, 2, "金额");
        t.HeaderRows = 1;
        Row(t, true, "", "合计", A(Fin.Basic));
        foreach (var g in Fin.Econ.GroupBy(e => e.Code[..3]))
        {
            Row(t, true, g.Key, g.Key switch { "301" => "工资福利支出", "302" => "商品和服务支出", _ => "对个人和家庭的补助" }, A(g.Sum(e => e.Amount)));
            foreach (var e in g) Row(t, true, e.Code, e.Name, A(e.Amount));
        }
        Amounts(t, 1, [0], 2);
        t.ComputePaths([0]);
        TablePages(FormType.GeneralBudgetBasicExpenditure, false, JsHead(n, "财政拨款基本支出预算表（经济科目）"), t);
    }

    public void JsThreePublic(int n)
    {
        bool yuan = YuanTables;
        Func<long, string> f = yuan ? v => Yuan(v, true) : v => A(v, true);
        var t = NewTable(8.5, 2.2, 1.4, 1.6, 1.4, 1.4, 1.6, 1.6);
        Head(t, 0, 0, "项目", 2); Head(t, 0, 1, "合计", 2); Head(t, 0, 2, "因公出国（境）费", 2); Head(t, 0, 3, "公务接待费", 2);
        Head(t, 0, 4, "公务用车购置及运行费", 1, 3); Head(t, 1, 4, "小计"); Head(t, 1, 5, "公务用车购置费"); Head(t, 1, 6, "公务用车运行费");
        t.HeaderRows = 2; t.Unit = yuan ? "元" : "万元";
        Row(t, true, $"{Y}年预算数", f(Fin.ThreeTotal), f(Fin.Abroad), f(Fin.Reception), f(Fin.CarBuy + Fin.CarRun), f(Fin.CarBuy), f(Fin.CarRun));
        Amounts(t, 0, [], 1, 2, 3, 4, 5, 6);
        t.ComputePaths([0, 1]);
        TablePages(FormType.ThreePublicExpenses, true, JsHead(n, "一般公共预算“三公”经费支出预算表", t.Unit), t);
    }

    public void JsFundEmpty(int n)
    {
        var t = NewTable(9, 1.5, 4.0, 1.5, 1.5, 1.5);
        string[] h = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
        for (int k = 0; k < 5; k++) Head(t, 0, k, h[k]);
        t.HeaderRows = 1;
        Row(t, true, "", "合计", "", "", "");
        Amounts(t, 1, [0], 2, 3, 4);
        t.ComputePaths([0]);
        TablePages(FormType.GovernmentFund, false, JsHead(n, "政府性基金预算支出表"), t, [new(Pick("本单位无此项支出。", "注：本表无数据"), "sub")]);
    }
}
