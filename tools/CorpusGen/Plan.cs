using Extractor.Domain;

namespace CorpusGen;

/// <summary>Which documents the corpus holds: template variants × scan modes, stratified over dev and test.</summary>
public static class Plan
{
    public sealed record Entry(string Split, DocSpec Doc);

    /// <summary>(template, scan mode) per split; every template variant appears in both splits.</summary>
    static readonly (string Template, string Mode)[] Dev =
    [
        ("yq-budget", "text"), ("yq-budget", "mixed"), ("yq-budget", "scan"), ("yq-budget", "text"),
        ("js-budget", "text"), ("js-budget", "scan"), ("js-budget", "mixed"),
        ("final", "text"), ("final-split", "mixed"), ("final", "scan"), ("final-split", "text"),
        ("perf-b1", "scan"), ("perf-b2", "mixed"), ("perf-b1", "text"),
    ];
    static readonly (string Template, string Mode)[] Test =
    [
        ("yq-budget", "text"), ("yq-budget", "mixed"), ("yq-budget", "scan"),
        ("js-budget", "text"), ("js-budget", "scan"),
        ("final-split", "text"), ("final", "scan"), ("final", "mixed"),
        ("perf-b1", "mixed"), ("perf-b2", "scan"),
    ];
    static readonly (string Template, string Mode)[] Small = [("yq-budget", "mixed"), ("final-split", "text"), ("perf-b2", "scan")];

    public static List<Entry> Build(int seed, bool small)
    {
        var list = new List<Entry>();
        if (small)
        {
            for (int i = 0; i < Small.Length; i++) list.Add(new("dev", Make(seed, "dev", i, Small[i].Template, Small[i].Mode)));
            return list;
        }
        for (int i = 0; i < Dev.Length; i++) list.Add(new("dev", Make(seed, "dev", i, Dev[i].Template, Dev[i].Mode)));
        for (int i = 0; i < Test.Length; i++) list.Add(new("test", Make(seed, "test", i, Test[i].Template, Test[i].Mode)));
        return list;
    }

    static int Mix(int seed, string split, int i) => unchecked(seed * 7919 + (split == "dev" ? 1 : 2) * 104729 + i * 1299709);

    public static DocSpec Make(int seed, string split, int index, string template, string mode)
    {
        var rng = new Random(Mix(seed, split, index));
        bool js = template == "js-budget";
        var profiles = Catalog.Profiles.Where(p => js ? p.Province == "江苏" : p.Province != "江苏").ToArray();
        var profile = profiles[(index * 5 + rng.Next(profiles.Length)) % profiles.Length];
        int year = template switch { "js-budget" => rng.Next(2017, 2020), "yq-budget" => rng.Next(2023, 2026), _ => rng.Next(2022, 2025) };
        var kind = template.StartsWith("perf") ? DocumentKind.PerformanceEvaluation : template.StartsWith("final") ? DocumentKind.FinalAccount : DocumentKind.Budget;
        var doc = new DocSpec
        {
            Name = $"{split}{index + 1:00}_{template}_{mode}",
            Template = template, UnitName = profile.Unit, Year = year, Kind = kind,
            Level = profile.Department ? DocumentLevel.Department : DocumentLevel.Unit,
            SongFont = rng.NextDouble() < 0.35 ? "AR PL UMing CN" : "Noto Serif CJK SC",
            ScanMode = mode,
        };
        var fin = Fin.Generate(rng, profile, year, kind != DocumentKind.Budget);
        var b = new Builder(rng, doc, fin) { SplitCodes = template == "final-split" };
        string lw = doc.Level == DocumentLevel.Department ? "部门" : "单位";
        switch (template)
        {
            case "yq-budget":
                b.Cover($"{year}年度{lw}预算公开");
                b.Toc(["第一部分　概况", "第二部分　预算报表", "第三部分　预算情况说明", "第四部分　名词解释"]);
                b.Overview();
                b.YqIncomeExpenditure(1); b.YqIncome(2); b.YqExpenditure(3, false); b.YqFiscal(4); b.YqExpenditure(5, true);
                b.YqBasicEcon(6); b.YqFundAndCapital(7); b.YqThreePublic(10); b.YqOperating(11); b.YqProjects(12, false); b.YqProjects(13, true);
                b.BudgetNarrative();
                foreach (var p in fin.Projects.Take(3)) b.YqTarget(p);
                b.Glossary();
                break;
            case "js-budget":
                b.Cover($"{profile.Unit}{year}年度部门预算公开");
                b.JsSummary(1); b.JsIncome(2); b.JsExpenditure(3); b.JsFunctional(4); b.JsEconomic(5); b.JsThreePublic(6); b.JsFundEmpty(7);
                b.BudgetNarrative();
                foreach (var p in fin.Projects.Take(2)) b.JsTarget(p);
                break;
            case "final":
            case "final-split":
                b.Cover($"{year}年度{lw}决算公开");
                b.Toc(["第一部分　概况", "第二部分　决算表", "第三部分　情况说明", "第四部分　名词解释", "第五部分　附件"]);
                b.Overview();
                b.FaSummary(1); b.FaIncome(2); b.FaExpenditure(3); b.FaFiscal(4); b.FaGeneral(5); b.FaBasicDetail(6); b.FaEmptyFunds(7); b.FaThreePublic(9);
                b.FinalNarrative(); b.OtherInfo(); b.Glossary();
                foreach (var p in fin.Projects.Take(3)) b.SelfEvalShanxi(p);
                break;
            default:
                int variant = template == "perf-b1" ? 1 : 2;
                b.Cover($"{year}年度部门整体支出及项目支出绩效自评");
                b.EvaluationReport();
                b.SelfEvalOther(("", 0, ""), variant, overall: true);
                b.BaseData();
                foreach (var p in fin.Projects.Take(4)) b.SelfEvalOther(p, variant);
                break;
        }
        AssignScans(doc, rng, mode);
        return doc;
    }

    static void AssignScans(DocSpec doc, Random rng, string mode)
    {
        if (mode == "text") return;
        int dpi = new[] { 150, 200, 200, 200, 250, 300 }[rng.Next(6)];
        bool color = rng.NextDouble() < 0.35;
        for (int i = 0; i < doc.Pages.Count; i++)
        {
            var p = doc.Pages[i];
            bool scan = mode == "scan" || p.Form.IsPerformanceForm() || p.Form == FormType.PerformanceBaseData || rng.NextDouble() < 0.15;
            if (!scan) continue;
            double u = rng.NextDouble();
            int rot = u < 0.06 ? 180 : u < 0.09 ? 90 : u < 0.11 ? 270 : 0;
            double skew = (rng.NextDouble() * 2 - 1) * (rng.NextDouble() < 0.3 ? 3 : 1.2);
            bool seal = rng.NextDouble() < (p.Form.IsPerformanceForm() ? 0.5 : 0.15);
            p.Scan = new ScanSpec(dpi, color, Math.Round(skew, 2), rot, rng.NextDouble() * 0.012, rng.NextDouble(), 2 + rng.NextDouble() * 8,
                rng.NextDouble() * 0.25, rng.Next(55, 86), seal, true, rng.Next());
        }
    }
}
