namespace CorpusGen;

/// <summary>One 项 of the unit's spending (amounts in 0.01 万元 so every sum is exact).</summary>
public sealed class Item
{
    public required string Code;
    public required string Name;
    public long Basic, ProjCur, ProjCarry;
    public long Total => Basic + ProjCur + ProjCarry;
}

public sealed record SubjectRow(string Code, string Name, int Level, long[] Values);

/// <summary>
/// The unit's finances for one year, from which every table of a document is drawn, so the tables agree
/// with each other (totals, 类 = Σ款 = Σ项, 基本 + 项目 = 合计, 收入总计 = 支出总计).
/// </summary>
public sealed class Fin
{
    public required Catalog.Profile Profile;
    public required int Year;
    public List<Item> Items = [];
    public List<(string Code, string Name, long Amount, bool Personnel)> Econ = [];
    public long Abroad, Reception, CarBuy, CarRun, BudgetAbroad, BudgetReception, BudgetCarBuy, BudgetCarRun;
    public List<(string Name, long Amount, string Code)> Projects = [];
    public List<(string Name, long Amount, string Code)> CarryProjects = [];
    public long OperatingExpenses;
    // 决算 only: 年初结转和结余, 年末结转和结余 (income = expense + C1 - C0).
    public long C0, C1;

    public long Basic => Items.Sum(i => i.Basic);
    public long ProjCur => Items.Sum(i => i.ProjCur);
    public long ProjCarry => Items.Sum(i => i.ProjCarry);
    public long Total => Items.Sum(i => i.Total);
    public long Personnel => Econ.Where(e => e.Personnel).Sum(e => e.Amount);
    public long Public => Econ.Where(e => !e.Personnel).Sum(e => e.Amount);
    public long ThreeTotal => Abroad + Reception + CarBuy + CarRun;

    /// <summary>类 / 款 / 项 rows in code order with the given values; rows whose values are all zero are left out.</summary>
    public List<SubjectRow> SubjectRows(int year, params Func<Item, long>[] values)
    {
        var rows = new List<SubjectRow>();
        foreach (var cls in Items.GroupBy(i => i.Code[..3]).OrderBy(g => g.Key))
        {
            var cv = values.Select(f => cls.Sum(f)).ToArray();
            if (cv.All(v => v == 0)) continue;
            rows.Add(new(cls.Key, Catalog.ClassName(cls.Key, year), 1, cv));
            foreach (var sec in cls.GroupBy(i => i.Code[..5]).OrderBy(g => g.Key))
            {
                var sv = values.Select(f => sec.Sum(f)).ToArray();
                if (sv.All(v => v == 0)) continue;
                rows.Add(new(sec.Key, Catalog.Sections[sec.Key], 2, sv));
                foreach (var it in sec.OrderBy(i => i.Code))
                {
                    var iv = values.Select(f => f(it)).ToArray();
                    if (iv.All(v => v == 0)) continue;
                    rows.Add(new(it.Code, it.Name, 3, iv));
                }
            }
        }
        return rows;
    }

    public long ClassTotal(string cls, Func<Item, long> f) => Items.Where(i => i.Code.StartsWith(cls)).Sum(f);

    public static Fin Generate(Random rng, Catalog.Profile p, int year, bool finalAccount)
    {
        var fin = new Fin { Profile = p, Year = year };
        // Size of the unit: total spending from ~150 万元 to ~25000 万元.
        double scale = Math.Exp(rng.NextDouble() * Math.Log(p.Department ? 120 : 40)) * (p.Department ? 250 : 120);
        long staff = (long)(scale * 100 * (0.55 + rng.NextDouble() * 0.2));   // personnel-related 基本 (cents)

        // Common personnel-linked items take shares of staff cost.
        void AddItem(string code, long basic, long proj, long carry)
        {
            if (basic + proj + carry <= 0) return;
            fin.Items.Add(new Item { Code = code, Name = Catalog.Items[code], Basic = basic, ProjCur = proj, ProjCarry = carry });
        }
        AddItem(p.Admin ? "2080501" : "2080502", Part(staff, 0.02, 0.06, rng), 0, 0);
        AddItem("2080505", Part(staff, 0.08, 0.11, rng), 0, 0);
        AddItem("2080506", Part(staff, 0.035, 0.055, rng), 0, 0);
        AddItem(p.Admin ? "2101101" : "2101102", Part(staff, 0.035, 0.05, rng), 0, 0);
        if (p.Admin && rng.NextDouble() < 0.5) AddItem("2101103", Part(staff, 0.01, 0.02, rng), 0, 0);
        AddItem("2210201", Part(staff, 0.06, 0.09, rng), 0, 0);
        if (rng.NextDouble() < 0.4) AddItem("2210202", Part(staff, 0.01, 0.05, rng), 0, 0);
        if (rng.NextDouble() < 0.5) AddItem("2013299", Part(staff, 0.001, 0.004, rng), 0, 0);
        long common = fin.Items.Sum(i => i.Basic);

        // Main items: the first carries most of the 基本支出, others are project spending.
        long mainBasic = Math.Max(staff - common, staff / 3);
        var main = p.Main.ToList();
        int nMain = Math.Min(main.Count, 2 + rng.Next(main.Count - 1));
        long projTotal = (long)(scale * 100 * (0.15 + rng.NextDouble() * 0.3));
        var projShares = Split(projTotal, nMain - 1 > 0 ? nMain - 1 : 1, rng);
        for (int k = 0; k < nMain; k++)
        {
            if (k == 0)
            {
                long pr = nMain == 1 ? projTotal : (rng.NextDouble() < 0.5 ? Part(projTotal, 0.05, 0.2, rng) : 0);
                AddItem(main[0], mainBasic, pr, 0);
            }
            else
            {
                long pr = projShares[k - 1];
                long carry = rng.NextDouble() < 0.3 ? Part(pr, 0.05, 0.4, rng) : 0;
                long basic = rng.NextDouble() < 0.25 ? Part(mainBasic, 0.02, 0.1, rng) : 0;
                AddItem(main[k], basic, pr - carry, carry);
            }
        }
        // Items of the same code may repeat when a profile lists one twice: merge.
        fin.Items = fin.Items.GroupBy(i => i.Code).Select(g => new Item
        { Code = g.Key, Name = g.First().Name, Basic = g.Sum(x => x.Basic), ProjCur = g.Sum(x => x.ProjCur), ProjCarry = g.Sum(x => x.ProjCarry) })
            .OrderBy(i => i.Code).ToList();

        // Economic breakdown of 基本支出: personnel and public, with 三公 inside public.
        long basicTotal = fin.Basic;
        long pub = Part(basicTotal, 0.08, 0.2, rng);
        long pers = basicTotal - pub;
        var persItems = Catalog.Personnel.Where(_ => rng.NextDouble() < 0.8).ToList();
        if (persItems.Count < 4) persItems = Catalog.Personnel.Take(6).ToList();
        var pa = Weighted(pers, persItems.Select(x => x.W * (0.6 + rng.NextDouble() * 0.8)).ToArray());
        for (int k = 0; k < persItems.Count; k++) if (pa[k] > 0) fin.Econ.Add((persItems[k].Code, persItems[k].Name, pa[k], true));
        fin.CarRun = rng.NextDouble() < 0.6 ? Part(pub, 0.03, 0.25, rng) : 0;
        fin.Reception = rng.NextDouble() < 0.6 ? Part(pub, 0.005, 0.03, rng) : 0;
        fin.Abroad = p.Department && rng.NextDouble() < 0.3 ? Part(pub, 0.01, 0.05, rng) : 0;
        long pubRest = pub - fin.CarRun - fin.Reception - fin.Abroad;
        var pubItems = Catalog.Public.Where(_ => rng.NextDouble() < 0.75).ToList();
        if (pubItems.Count < 4) pubItems = Catalog.Public.Take(6).ToList();
        var ua = Weighted(pubRest, pubItems.Select(x => x.W * (0.5 + rng.NextDouble())).ToArray());
        var pubList = new List<(string, string, long, bool)>();
        for (int k = 0; k < pubItems.Count; k++) if (ua[k] > 0) pubList.Add((pubItems[k].Code, pubItems[k].Name, ua[k], false));
        if (fin.Abroad > 0) pubList.Add(("30212", "因公出国（境）费用", fin.Abroad, false));
        if (fin.Reception > 0) pubList.Add(("30217", "公务接待费", fin.Reception, false));
        if (fin.CarRun > 0) pubList.Add(("30231", "公务用车运行维护费", fin.CarRun, false));
        fin.Econ.AddRange(pubList.OrderBy(x => x.Item1));
        fin.CarBuy = rng.NextDouble() < 0.15 ? (long)(rng.Next(15, 40) * 100) : 0;   // funded by projects
        fin.BudgetAbroad = Up(fin.Abroad, rng); fin.BudgetReception = Up(fin.Reception, rng);
        fin.BudgetCarBuy = Up(fin.CarBuy, rng); fin.BudgetCarRun = Up(fin.CarRun, rng);
        fin.OperatingExpenses = p.Admin ? fin.Public : 0;

        // Projects: split 本年 project spending and carried-over spending into named projects.
        var names = p.Projects.OrderBy(_ => rng.Next()).ToList();
        var projItems = fin.Items.Where(i => i.ProjCur > 0).ToList();
        int ni = 0;
        foreach (var it in projItems)
        {
            int share = rng.NextDouble() < 0.4 && it.ProjCur >= 200 ? 2 : 1;
            var parts = Split(it.ProjCur, share, rng);
            for (int k = 0; k < share; k++, ni++)
                fin.Projects.Add((names[ni % names.Count] + (ni >= names.Count ? $"（{ni / names.Count + 1}期）" : ""), parts[k], it.Code));
        }
        foreach (var it in fin.Items.Where(i => i.ProjCarry > 0))
            fin.CarryProjects.Add(((year - 1) + "年" + (names.Count > 0 ? names[rng.Next(names.Count)] : "结转项目") + "结转", it.ProjCarry, it.Code));
        if (finalAccount)
        {
            fin.C0 = fin.ProjCarry > 0 ? fin.ProjCarry : (rng.NextDouble() < 0.5 ? Part(fin.Total, 0.001, 0.02, rng) : 0);
            fin.C1 = rng.NextDouble() < 0.4 ? Part(fin.Total, 0.001, 0.03, rng) : 0;
        }
        return fin;
    }

    static long Up(long v, Random rng) => v == 0 ? (rng.NextDouble() < 0.2 ? rng.Next(1, 9) * 100 : 0) : v + (long)(v * rng.NextDouble() * 0.15);

    public static long Part(long total, double lo, double hi, Random rng) => (long)Math.Round(total * (lo + rng.NextDouble() * (hi - lo)));

    /// <summary>Splits a total into n positive parts (exact sum).</summary>
    public static long[] Split(long total, int n, Random rng) => Weighted(total, Enumerable.Range(0, n).Select(_ => 0.3 + rng.NextDouble()).ToArray());

    /// <summary>Largest-remainder allocation of a total by weights; the parts sum exactly to the total.</summary>
    public static long[] Weighted(long total, double[] w)
    {
        double sw = w.Sum();
        var raw = w.Select(x => total * x / sw).ToArray();
        var parts = raw.Select(x => (long)Math.Floor(x)).ToArray();
        long rest = total - parts.Sum();
        foreach (var k in Enumerable.Range(0, w.Length).OrderByDescending(k => raw[k] - parts[k]).ThenBy(k => k))
        {
            if (rest <= 0) break;
            parts[k]++; rest--;
        }
        return parts;
    }
}
