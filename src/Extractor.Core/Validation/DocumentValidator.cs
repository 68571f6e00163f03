using System.Globalization;
using Extractor.Domain;
using Extractor.Facts;
using Extractor.Forms;

namespace Extractor.Validation;

/// <summary>
/// Checks a document against the forms' own arithmetic, across tables, and against the subject-code dictionary.
/// Nothing is corrected: failures become <see cref="ValidationIssue"/>s, with a suggestion when exactly one cell
/// change would restore every failed check.
/// </summary>
public static class DocumentValidator
{
    public static class Rules
    {
        public const string TotalRow = "total-row";            // 合计 row = Σ 类 rows
        public const string ClassSum = "class-sum";            // 类 = Σ 款
        public const string SectionSum = "section-sum";        // 款 = Σ 项
        public const string BasicPlusProject = "basic-plus-project"; // 合计 = 基本支出 + 项目支出 (+ other uses)
        public const string PersonnelPlusPublic = "personnel-plus-public"; // 基本支出 = 人员经费 + 公用经费
        public const string ColumnSum = "column-sum";          // 合计/小计 column = Σ its sibling columns
        public const string SideSubtotal = "side-subtotal";    // 本年收入合计 = Σ 一、二、… rows
        public const string SideTotal = "side-total";          // 收入总计 = 本年收入合计 + 结转…; 决算 identities
        public const string IncomeEqualsExpenditure = "income-equals-expenditure";
        public const string CrossTableTotal = "cross-table-total";
        public const string BasicCrossTable = "basic-cross-table";
        public const string ThreePublicSum = "three-public-sum";
        public const string ScoreSum = "score-sum";            // Σ 得分 = 总分
        public const string ScoreOverWeight = "score-over-weight";
        public const string CodeName = "code-name";            // the name printed is not the code's name
        public const string CodeNameOcr = "code-name-ocr";     // the name differs by OCR-confusable characters
        public const string AbsurdValue = "absurd-value";
        public const string MisreadLabel = "misread-label";
        public const string UncheckedTable = "unchecked-table"; // a summary-type form none of whose totals could be checked    // a row or column label no form prints (see TextNorm.LooksMisread)
    }

    public static List<ValidationIssue> Validate(DocumentResult doc, SubjectCodeDictionary dict)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(dict);
        var checks = BuildChecks(doc);
        var issues = new List<ValidationIssue>();
        var failed = checks.Where(c => !c.Passes).ToList();
        var suggestion = Suggest(checks, failed);
        foreach (var f in failed)
        {
            issues.Add(new ValidationIssue
            {
                Rule = f.Rule, Message = f.Message, Cells = f.Terms.Select(t => t.Cell).Distinct().ToList(),
                Expected = f.PartsSum, Actual = f.TotalValue,
                SuggestionCell = suggestion?.Cell, SuggestedValue = suggestion?.Value,
            });
        }
        issues.AddRange(UncheckedTables(doc, checks));
        issues.AddRange(CodeNames(doc, dict));
        issues.AddRange(Absurd(doc));
        issues.AddRange(MisreadLabels(doc));
        return issues;
    }

    /// <summary>Every arithmetic check the document's facts allow (passing and failing).</summary>
    public static List<Check> BuildChecks(DocumentResult doc)
    {
        var checks = new List<Check>();
        foreach (var g in doc.BudgetLines.Where(l => l.AmountWan is not null).GroupBy(l => l.Cell.Table))
        {
            var t = new TableFacts(g.ToList(), g.Key >= 0 && g.Key < doc.Tables.Count ? TableLayout.Analyze(doc.Tables[g.Key]) : null);
            checks.AddRange(CodeHierarchy(t));
            checks.AddRange(TotalRows(t));
            checks.AddRange(ColumnSums(t));
            if (t.Form is FormType.IncomeExpenditureSummary or FormType.FiscalAppropriationSummary) checks.AddRange(TwoSided(t));
            if (t.Form == FormType.ThreePublicExpenses) checks.AddRange(ThreePublic(t));
        }
        checks.AddRange(CrossTable(doc));
        checks.AddRange(Scores(doc));
        return checks;
    }

    /// <summary>Lowers the confidence of every fact and cell a failed check involves and flags them.</summary>
    public static void Apply(DocumentResult doc, IReadOnlyList<ValidationIssue> issues)
    {
        var cells = issues.SelectMany(i => i.Cells).ToHashSet();
        if (cells.Count == 0) return;
        for (int i = 0; i < doc.BudgetLines.Count; i++)
            if (cells.Contains(doc.BudgetLines[i].Cell))
                doc.BudgetLines[i] = doc.BudgetLines[i] with { Confidence = doc.BudgetLines[i].Confidence * 0.5, Flagged = true };
        for (int i = 0; i < doc.Indicators.Count; i++)
            if (cells.Contains(doc.Indicators[i].Cell))
                doc.Indicators[i] = doc.Indicators[i] with { Confidence = doc.Indicators[i].Confidence * 0.5, Flagged = true };
        foreach (var byTable in cells.GroupBy(c => c.Table))
        {
            if (byTable.Key < 0 || byTable.Key >= doc.Tables.Count) continue;
            var t = doc.Tables[byTable.Key];
            var hit = byTable.Select(c => (c.Row, c.Col)).ToHashSet();
            var newCells = t.Cells.Select(c => hit.Contains((c.Row, c.Col)) ? c with { Confidence = c.Confidence * 0.5 } : c).ToList();
            doc.Tables[byTable.Key] = t.WithCells(newCells);
        }
    }

    private sealed record Suggestion(CellRef Cell, string Value);

    /// <summary>The single cell whose change makes every failed check pass and keeps every passing one; else null.</summary>
    private static Suggestion? Suggest(List<Check> all, List<Check> failed)
    {
        if (failed.Count == 0) return null;
        var common = failed[0].Terms.Select(t => t.Cell).ToHashSet();
        foreach (var f in failed.Skip(1)) common.IntersectWith(f.Terms.Select(t => t.Cell));
        var found = new List<(CheckTerm Term, decimal Value)>();
        foreach (var cell in common)
        {
            var v = failed[0].Solve(cell);
            if (v is null) continue;
            var value = v.Value;
            bool ok = failed.All(f => Math.Abs(f.ResidualWith(cell, value)) <= f.Tolerance)
                && all.Where(c => c.Passes && c.Terms.Any(t => t.Cell == cell)).All(c => Math.Abs(c.ResidualWith(cell, value)) <= c.Tolerance);
            if (ok) found.Add((failed[0].Terms.First(t => t.Cell == cell), value));
        }
        if (found.Count != 1) return null;
        var (term, wan) = found[0];
        var printed = AmountParser.FromWan(wan, term.Unit);
        int decimals = term.Raw is { } raw && raw.Contains('.') ? raw.Length - raw.LastIndexOf('.') - 1 : term.Unit == "元" ? 0 : 2;
        decimals = Math.Clamp(decimals, 0, 4);
        return new Suggestion(term.Cell, Math.Round(printed, decimals).ToString("F" + decimals, CultureInfo.InvariantCulture));
    }

    // ---- facts of one table ------------------------------------------------------------------------------

    private sealed class TableFacts
    {
        public List<BudgetLine> Lines { get; }
        public FormType Form { get; }
        public Dictionary<int, List<BudgetLine>> ByCol { get; }
        public Dictionary<int, List<BudgetLine>> ByRow { get; }
        public Dictionary<int, string> Paths { get; }
        /// <summary>Label/amount group of each column when the table is at hand (sides of two-sided tables).</summary>
        public Dictionary<int, int> GroupOfCol { get; } = [];
        public TableFacts(List<BudgetLine> lines, TableLayout? layout)
        {
            if (layout is not null)
                foreach (var g in layout.Groups) foreach (var c in g.AmountCols) GroupOfCol[c] = g.Index;
            Lines = lines;
            Form = lines[0].Form;
            ByCol = lines.GroupBy(l => l.Cell.Col).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Cell.Row).ToList());
            ByRow = lines.GroupBy(l => l.Cell.Row).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Cell.Col).ToList());
            Paths = lines.GroupBy(l => l.Cell.Col).ToDictionary(g => g.Key, g => g.First().Column);
        }
    }

    private static CheckTerm Term(BudgetLine l) => new(l.Cell, l.AmountWan!.Value, l.UnitAsPrinted, l.RawText);
    private static decimal Tol(BudgetLine l) => AmountParser.ToWan(0.01m, l.UnitAsPrinted);
    private static string Where(BudgetLine l) => $"{l.Form.Label()} p{l.Cell.Page} 「{l.Column}」";

    /// <summary>
    /// Lines of one column path: the wide 基本支出决算明细表 continues a class (310 资本性支出 …) in the next
    /// side-by-side group, whose amount column has the same path.
    /// </summary>
    private static IEnumerable<List<BudgetLine>> ByPath(TableFacts t) =>
        t.Lines.GroupBy(l => l.Column).Select(g => g.OrderBy(l => l.Cell.Col).ThenBy(l => l.Cell.Row).ToList());

    private static IEnumerable<Check> CodeHierarchy(TableFacts t)
    {
        foreach (var col in ByPath(t))
        {
            var coded = col.Where(l => l.Code is { } c && new SubjectCode(c).IsValid).ToList();
            var codesInTable = t.Lines.Where(l => l.Code is not null).Select(l => l.Code!).ToHashSet();
            foreach (var parent in coded.Where(l => l.Level is SubjectLevel.Class or SubjectLevel.Section))
            {
                var p = parent.Code!;
                if (!codesInTable.Any(c => c.Length == p.Length + 2 && c.StartsWith(p, StringComparison.Ordinal))) continue;
                // Children of this parent only: the nearest rows after it until the next code outside it.
                var children = coded.Where(l => l.Code!.Length == p.Length + 2 && l.Code.StartsWith(p, StringComparison.Ordinal)).ToList();
                yield return new Check
                {
                    Rule = p.Length == 3 ? Rules.ClassSum : Rules.SectionSum,
                    Message = $"{Where(parent)}: {p} {parent.Name} ≠ Σ 下级科目",
                    Total = Term(parent), Parts = children.Select(Term).ToList(), PerTermTolerance = Tol(parent),
                };
            }
        }
    }

    private static bool IsTotalName(string n) => n is "合计" or "总计" or "部门合计" or "单位合计" or "合计数";

    private static IEnumerable<Check> TotalRows(TableFacts t)
    {
        foreach (var col in ByPath(t))
        {
            var classes = col.Where(l => l.Level == SubjectLevel.Class).ToList();
            if (classes.Count == 0) continue;
            foreach (var total in col.Where(l => l.Code is null && IsTotalName(l.Name)))
                yield return new Check
                {
                    Rule = Rules.TotalRow, Message = $"{Where(total)}: {total.Name} ≠ Σ 类级科目",
                    Total = Term(total), Parts = classes.Select(Term).ToList(), PerTermTolerance = Tol(total),
                };
        }
    }

    private static string Last(string path) { var i = path.LastIndexOf('/'); return i < 0 ? path : path[(i + 1)..]; }
    private static string Parent(string path) { var i = path.LastIndexOf('/'); return i < 0 ? "" : path[..i]; }
    private static bool IsTotalColumn(string last) => last is "合计" or "小计" or "总计" || (last.EndsWith("合计") && last.Length <= 10);

    private static IEnumerable<Check> ColumnSums(TableFacts t)
    {
        var cols = t.Paths.OrderBy(kv => kv.Key).ToList();
        foreach (var (totalCol, path) in cols)
        {
            if (!IsTotalColumn(Last(path))) continue;
            var parent = Parent(path);
            // Siblings: one segment under the same parent, or a child's own 小计/合计 when it is split further.
            var siblings = new List<int>();
            var bySeg = new Dictionary<string, int>();
            var leaves = new Dictionary<string, List<int>>();
            int group = t.GroupOfCol.GetValueOrDefault(totalCol, -1);
            foreach (var (c, p) in cols)
            {
                if (c == totalCol || t.GroupOfCol.GetValueOrDefault(c, -1) != group) continue;
                var rest = parent.Length == 0 ? p : p.StartsWith(parent + "/", StringComparison.Ordinal) ? p[(parent.Length + 1)..] : null;
                if (rest is null || rest.Length == 0) continue;
                var segs = rest.Split('/');
                if (segs.Length == 1) { if (!IsTotalColumn(segs[0])) bySeg.TryAdd(segs[0], c); }
                else if (segs.Length == 2 && IsTotalColumn(segs[1])) bySeg[segs[0]] = c;
                else if (segs.Length == 2 && !segs[1].Contains("其中")) (leaves[segs[0]] = leaves.GetValueOrDefault(segs[0]) ?? []).Add(c);
            }
            // A column split further with no 小计 of its own counts by its parts (项目支出表: 合计 = 2024年财政拨款's
            // 一般公共预算 + 政府性基金预算 … + 其他资金); "其中" parts are shares of another column, never counted.
            var byParts = leaves.Where(kv => !bySeg.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            // Columns split further that neither way accounts for make the sum unknowable.
            bool incomplete = cols.Any(kv => kv.Key != totalCol && (parent.Length == 0 || kv.Value.StartsWith(parent + "/"))
                && kv.Value.Split('/').Length > (parent.Length == 0 ? 1 : parent.Split('/').Length + 1)
                && !bySeg.ContainsValue(kv.Key) && !byParts.Values.Any(l => l.Contains(kv.Key))
                && !bySeg.ContainsKey(kv.Value[(parent.Length == 0 ? 0 : parent.Length + 1)..].Split('/')[0]));
            if (incomplete || bySeg.Count + byParts.Count < 1) continue;
            // Sides of a two-sided table never sum into each other.
            if (parent.Length == 0 && cols.Any(kv => kv.Value.StartsWith("收入") || kv.Value.StartsWith("支出"))) continue;
            siblings.AddRange(bySeg.Values);
            siblings.AddRange(byParts.Values.SelectMany(l => l));
            var names = bySeg.Keys.Concat(byParts.Keys).ToList();
            var rule = names.Contains("基本支出") && names.Contains("项目支出") ? Rules.BasicPlusProject
                : names.Contains("人员经费") && names.Contains("公用经费") ? Rules.PersonnelPlusPublic : Rules.ColumnSum;
            foreach (var total in t.ByCol[totalCol])
            {
                var parts = t.ByRow[total.Cell.Row].Where(l => siblings.Contains(l.Cell.Col)).ToList();
                yield return new Check
                {
                    Rule = rule, Message = $"{Where(total)} {total.Name}: {Last(path)} ≠ {string.Join(" + ", names)}",
                    Total = Term(total), Parts = parts.Select(Term).ToList(), PerTermTolerance = Tol(total),
                };
            }
        }
    }

    private static bool IsSubtotalName(string n) =>
        (n.StartsWith("本年") || n.StartsWith("当年")) && (n.EndsWith("合计") || n.EndsWith("小计"));
    private static bool IsGrandName(string n) => n is "总计" or "收入总计" or "支出总计" or "收入合计" or "支出合计" or "合计";
    private static bool IsCarryName(string n) => !TextNorm.StartsWithChineseOrdinal(n) && (n.Contains("结转") || n.Contains("结余"));

    private static IEnumerable<Check> TwoSided(TableFacts t)
    {
        var incomeGrand = new List<BudgetLine>();
        var expenseGrand = new List<BudgetLine>();
        foreach (var (c, col) in t.ByCol.OrderBy(kv => kv.Key))
        {
            var sub = col.FirstOrDefault(l => IsSubtotalName(l.Name));
            var grand = col.LastOrDefault(l => IsGrandName(l.Name) && (sub is null || l.Cell.Row > sub.Cell.Row));
            if (sub is not null)
            {
                var ordinals = col.Where(l => l.Cell.Row < sub.Cell.Row && TextNorm.StartsWithChineseOrdinal(l.Name)).ToList();
                if (ordinals.Count > 0)
                    yield return new Check
                    {
                        Rule = Rules.SideSubtotal, Message = $"{Where(sub)}: {sub.Name} ≠ Σ 一、二、… 各项",
                        Total = Term(sub), Parts = ordinals.Select(Term).ToList(), PerTermTolerance = Tol(sub),
                    };
                if (grand is not null)
                {
                    var carry = col.Where(l => l.Cell.Row > sub.Cell.Row && l.Cell.Row < grand.Cell.Row && IsCarryName(l.Name)).ToList();
                    yield return new Check
                    {
                        Rule = Rules.SideTotal, Message = $"{Where(grand)}: {grand.Name} ≠ {sub.Name} + 结转结余各项",
                        Total = Term(grand), Parts = carry.Prepend(sub).Select(Term).ToList(), PerTermTolerance = Tol(grand),
                    };
                }
            }
            if (grand is null) continue;
            var path = t.Paths[c];
            bool income = path.StartsWith("收入") || grand.Name.StartsWith("收入");
            bool expense = path.StartsWith("支出") || grand.Name.StartsWith("支出");
            if (income && !expense) incomeGrand.Add(grand);
            else if (expense && !income) expenseGrand.Add(grand);
        }
        if (incomeGrand.Count > 0 && expenseGrand.Count > 0)
        {
            var inc = incomeGrand[0];
            var exp = expenseGrand[0];
            yield return new Check
            {
                Rule = Rules.IncomeEqualsExpenditure, Message = $"{Where(inc)}: 收入总计 ≠ 支出总计",
                Total = Term(inc), Parts = [Term(exp)], PerTermTolerance = Tol(inc),
            };
        }
    }

    private static IEnumerable<Check> ThreePublic(TableFacts t)
    {
        static string Key(string name)
        {
            var n = new string(name.SkipWhile(c => !char.IsLetter(c) || c is >= '①' and <= '⑩').ToArray());
            n = TextNorm.StripOrdinal(n);
            if (IsTotalName(n) || n.EndsWith("合计")) return "total";
            if (n.Contains("出国")) return "abroad";
            if (n.Contains("接待")) return "reception";
            if (n.Contains("购置及运行")) return "vehicles";
            if (n.Contains("购置")) return "purchase";
            if (n.Contains("运行")) return "operation";
            return n.Contains("会议") || n.Contains("培训") ? "other" : "";
        }
        foreach (var (_, col) in t.ByCol)
        {
            var byKey = col.GroupBy(l => Key(l.Name)).ToDictionary(g => g.Key, g => g.First());
            if (byKey.TryGetValue("total", out var total))
            {
                var parts = new[] { "abroad", "reception", "vehicles" }.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList();
                if (parts.Count > 0 && !byKey.ContainsKey("other"))
                    yield return new Check
                    {
                        Rule = Rules.ThreePublicSum, Message = $"{Where(total)}: 合计 ≠ 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费",
                        Total = Term(total), Parts = parts.Select(Term).ToList(), PerTermTolerance = Tol(total),
                    };
            }
            if (byKey.TryGetValue("vehicles", out var veh) && (byKey.ContainsKey("purchase") || byKey.ContainsKey("operation")))
            {
                var parts = new[] { "purchase", "operation" }.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList();
                yield return new Check
                {
                    Rule = Rules.ThreePublicSum, Message = $"{Where(veh)}: 公务用车购置及运行费 ≠ 购置费 + 运行维护费",
                    Total = Term(veh), Parts = parts.Select(Term).ToList(), PerTermTolerance = Tol(veh),
                };
            }
        }
    }

    // ---- across tables ------------------------------------------------------------------------------------

    private static IEnumerable<Check> CrossTable(DocumentResult doc)
    {
        var lines = doc.BudgetLines.Where(l => l.AmountWan is not null).ToList();
        BudgetLine? FirstTotal(FormType form, Func<BudgetLine, bool> row) => lines
            .Where(l => l.Form == form && row(l) && (IsTotalColumn(Last(l.Column)) || l.Column.Length == 0 || Last(l.Column) is "金额" or "预算数" or "决算数"))
            .OrderBy(l => l.Cell.Table).ThenBy(l => l.Cell.Col).FirstOrDefault();

        // 收支总表: 本年支出合计 / 支出总计 of the 支出 side, 本年收入合计 / 收入总计 of the 收入 side.
        var summary = lines.Where(l => l.Form == FormType.IncomeExpenditureSummary).ToList();
        var expRow = summary.Where(l => IsSubtotalName(l.Name) && l.Name.Contains("支出")).OrderBy(l => l.Cell.Col).ToList();
        var incRow = summary.Where(l => IsSubtotalName(l.Name) && l.Name.Contains("收入")).OrderBy(l => l.Cell.Col).ToList();
        var expGrand = summary.Where(l => l.Name is "支出总计" or "支出合计" || (l.Name == "总计" && l.Column.StartsWith("支出"))).OrderBy(l => l.Cell.Col).FirstOrDefault();
        var incGrand = summary.Where(l => l.Name is "收入总计" or "收入合计" || (l.Name == "总计" && l.Column.StartsWith("收入"))).OrderBy(l => l.Cell.Col).FirstOrDefault();

        Check? Against(BudgetLine? other, IEnumerable<BudgetLine?> candidates, string rule, string what)
        {
            if (other is null) return null;
            var cands = candidates.Where(c => c is not null).Select(c => c!).ToList();
            if (cands.Count == 0) return null;
            // Pass when any candidate agrees; otherwise report against the first (the most specific) one.
            var best = cands.OrderBy(c => Math.Abs(c.AmountWan!.Value - other.AmountWan!.Value)).First();
            return new Check
            {
                Rule = rule, Message = $"{Where(other)} {other.Name} ≠ {Where(best)} {best.Name} ({what})",
                Total = Term(other), Parts = [Term(best)], PerTermTolerance = Tol(other),
            };
        }

        var expTotal = FirstTotal(FormType.ExpenditureSummary, l => IsTotalName(l.Name) && l.Code is null);
        if (Against(expTotal, [expRow.FirstOrDefault(), expGrand], Rules.CrossTableTotal, "支出总表 vs 收支总表") is { } c1) yield return c1;
        var incTotal = FirstTotal(FormType.IncomeSummary, l => (IsTotalName(l.Name) || l.Name == "收入总计") && l.Code is null);
        if (Against(incTotal, [incRow.FirstOrDefault(), incGrand], Rules.CrossTableTotal, "收入总表 vs 收支总表") is { } c2) yield return c2;
        var gbTotal = FirstTotal(FormType.GeneralBudgetExpenditure, l => IsTotalName(l.Name) && l.Code is null);
        // Templates differ in what the 一般公共预算支出表 covers (with or without 上年结转): it must equal one of the
        // summary's 本年支出合计 amounts or its 一般公共预算 income.
        var spentRows = lines.Where(l => l.Form is FormType.IncomeExpenditureSummary or FormType.FiscalAppropriationSummary
            && ((IsSubtotalName(l.Name) && l.Name.Contains("支出")) || (TextNorm.StripOrdinal(l.Name).StartsWith("一般公共预算") && !l.Column.StartsWith("支出"))));
        if (Against(gbTotal, spentRows, Rules.CrossTableTotal, "一般公共预算支出表 vs 收支总表/财政拨款收支总表") is { } c3) yield return c3;

        // 基本支出 of the 一般公共预算支出表 = total of the 基本支出表.
        var gbBasic = lines.Where(l => l.Form == FormType.GeneralBudgetExpenditure && IsTotalName(l.Name) && l.Code is null && Last(l.Column) == "基本支出")
            .OrderBy(l => l.Cell.Table).FirstOrDefault();
        if (gbBasic is not null)
        {
            foreach (var tg in lines.Where(l => l.Form == FormType.GeneralBudgetBasicExpenditure).GroupBy(l => l.Cell.Table))
            {
                var tl = tg.ToList();
                var total = tl.Where(l => IsTotalName(l.Name) && l.Code is null).OrderBy(l => l.Cell.Col).FirstOrDefault();
                List<BudgetLine> parts = total is not null ? [total] : tl.Where(l => l.Name is "人员经费合计" or "公用经费合计").ToList();
                if (parts.Count == 0) continue;
                yield return new Check
                {
                    Rule = Rules.BasicCrossTable, Message = $"{Where(gbBasic)} 基本支出 ≠ {Where(parts[0])} 合计",
                    Total = Term(gbBasic), Parts = parts.Select(Term).ToList(), PerTermTolerance = Tol(gbBasic),
                };
            }
        }
    }

    /// <summary>
    /// Projects with a 总分 whose indicators can be told by name: two projects of one form with the same name cannot,
    /// and are neither checked nor repaired.
    /// </summary>
    internal static IEnumerable<Project> ScoredProjects(DocumentResult doc)
    {
        var duplicated = doc.Projects.GroupBy(p => (p.Form, p.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return doc.Projects.Where(p => p.TotalScore is not null && !duplicated.Contains((p.Form, p.Name)));
    }

    private static IEnumerable<Check> Scores(DocumentResult doc)
    {
        foreach (var p in ScoredProjects(doc))
        {
            var inds = doc.Indicators.Where(i => i.Project == p.Name && i.Form == p.Form && i.Score is not null).ToList();
            if (inds.Count == 0) continue;
            yield return new Check
            {
                Rule = Rules.ScoreSum, Message = $"{p.Form.Label()} 「{p.Name}」: Σ得分 ≠ 总分 {p.TotalScore}",
                Total = null, TotalConstant = p.TotalScore!.Value, PartsConstant = p.ExecutionScore ?? 0,
                Parts = inds.Select(i => new CheckTerm(i.Cell, i.Score!.Value, "分")).ToList(), PerTermTolerance = 0.01m,
            };
        }
    }

    // ---- single facts ------------------------------------------------------------------------------------

    private static IEnumerable<ValidationIssue> CodeNames(DocumentResult doc, SubjectCodeDictionary dict)
    {
        foreach (var row in doc.BudgetLines.Where(l => l.Code is not null).GroupBy(l => (l.Cell.Table, l.Cell.Row, l.Code)))
        {
            var l = row.First();
            var match = dict.Match(l.Code!, l.Name);
            if (match is NameMatch.Same or NameMatch.UnknownCode || l.Name.Length == 0) continue;
            var known = dict.Closest(l.Code!, l.Name);
            var nameCell = NameCell(doc, l);
            yield return new ValidationIssue
            {
                Rule = match == NameMatch.OcrVariant ? Rules.CodeNameOcr : Rules.CodeName,
                Message = $"{Where(l)}: 科目 {l.Code} 印作「{l.Name}」, 分类科目为「{known}」",
                Cells = row.Select(x => x.Cell).Append(nameCell ?? l.Cell).Distinct().ToList(),
                SuggestionCell = match == NameMatch.OcrVariant ? nameCell : null,
                SuggestedValue = match == NameMatch.OcrVariant && nameCell is not null ? known : null,
            };
        }
    }

    private static CellRef? NameCell(DocumentResult doc, BudgetLine l)
    {
        if (l.Cell.Table < 0 || l.Cell.Table >= doc.Tables.Count) return null;
        var layout = TableLayout.Analyze(doc.Tables[l.Cell.Table]);
        var g = layout.GroupOf(l.Cell.Col);
        if (g is null || g.NameCols.Count == 0) return null;
        var col = g.NameCols.FirstOrDefault(c => TextNorm.Normalize(layout.Grid[l.Cell.Row][c]) == l.Name, g.NameCols[0]);
        return l.Cell with { Col = col };
    }

    /// <summary>
    /// These forms always print totals (合计 / 总计 rows) or subject codes: a table read as one of them that gives
    /// facts but no total row, no code and not a single arithmetic check is not what it was taken for (a misclassified page, a lost grid),
    /// so nothing vouches for its facts.
    /// </summary>
    private static IEnumerable<ValidationIssue> UncheckedTables(DocumentResult doc, List<Check> checks)
    {
        // A 合计 column equal to its one filled part says nothing of what the table is.
        var checkedTables = checks.Where(c => !(c.Rule == Rules.ColumnSum && c.Parts.Count < 2))
            .SelectMany(c => c.Terms).Select(t => t.Cell.Table).ToHashSet();
        foreach (var g in doc.BudgetLines.Where(l => l.AmountWan is not null && l.Form is FormType.IncomeExpenditureSummary
                     or FormType.IncomeSummary or FormType.ExpenditureSummary or FormType.FiscalAppropriationSummary
                     or FormType.GeneralBudgetExpenditure or FormType.GeneralBudgetBasicExpenditure).GroupBy(l => l.Cell.Table))
        {
            // A total row that takes part in no check may be a form whose parts are not listed (收入总表 by source):
            // only a table with neither a check nor any total row is suspect.
            // Subject codes say the rows are budget lines even when no check reaches them (leaves of a fragment).
            if (checkedTables.Contains(g.Key) || g.Count() < 2 || g.Any(l => l.Code is null && IsTotalLike(TextNorm.StripOrdinal(l.Name))
                    || l.Code is { } c && new SubjectCode(c).IsValid)) continue;
            var first = g.First();
            yield return new ValidationIssue
            {
                Rule = Rules.UncheckedTable, Message = $"{first.Form.Label()} p{first.Cell.Page}: 表中没有可核对的合计, 表格类型或结构可疑",
                Cells = g.Select(l => l.Cell).ToList(),
            };
        }
    }

    private static bool IsTotalLike(string n) => n.Contains("合计") || n.Contains("总计") || n.Contains("小计");

    /// <summary>
    /// Facts labelled by a row name, column header or indicator level that cannot be as printed: the arithmetic
    /// may still hold (the amount is right), but the fact is filed under a wrong label. One issue per label.
    /// </summary>
    private static IEnumerable<ValidationIssue> MisreadLabels(DocumentResult doc)
    {
        var byLabel = new Dictionary<(int Table, string Label), (string Where, List<CellRef> Cells)>();
        void Add(int table, string label, string where, CellRef cell)
        {
            if (!byLabel.TryGetValue((table, label), out var e)) byLabel[(table, label)] = e = (where, []);
            e.Cells.Add(cell);
        }
        foreach (var l in doc.BudgetLines)
        {
            if (TextNorm.LooksMisread(l.Name)) Add(l.Cell.Table, l.Name, Where(l), l.Cell);
            else if (l.Column.Split('/').FirstOrDefault(TextNorm.LooksMisread) is { } head) Add(l.Cell.Table, head, Where(l), l.Cell);
        }
        foreach (var i in doc.Indicators)
            if (new[] { i.Level1, i.Level2, i.Name }.FirstOrDefault(TextNorm.LooksMisread) is { } label)
                Add(i.Cell.Table, label, $"{i.Form.Label()} p{i.Cell.Page}", i.Cell);
        foreach (var ((_, label), (where, cells)) in byLabel)
            yield return new ValidationIssue
            {
                Rule = Rules.MisreadLabel, Message = $"{where}: 标签「{label}」不像印刷原文 (误读或漏线)", Cells = cells,
            };
    }

    private static IEnumerable<ValidationIssue> Absurd(DocumentResult doc)
    {
        foreach (var l in doc.BudgetLines.Where(l => l.AmountWan is { } w && AmountParser.IsAbsurd(w)))
            yield return new ValidationIssue
            {
                Rule = Rules.AbsurdValue, Message = $"{Where(l)} {l.Name}: {l.RawText} {l.UnitAsPrinted} 不可信",
                Cells = [l.Cell], Actual = l.AmountWan,
            };
        foreach (var i in doc.Indicators.Where(i => i.Score is < 0 or > 100 || i.Weight is < 0 or > 100))
            yield return new ValidationIssue
            {
                Rule = Rules.AbsurdValue, Message = $"{i.Form.Label()} 「{i.Name}」: 分值/得分超出 0–100",
                Cells = [i.Cell], Actual = i.Score ?? i.Weight,
            };
        foreach (var i in doc.Indicators.Where(i => i.Score is { } s && i.Weight is { } w && s > w))
            yield return new ValidationIssue
            {
                Rule = Rules.ScoreOverWeight, Message = $"{i.Form.Label()} 「{i.Name}」: 得分 {i.Score} > 分值 {i.Weight}",
                Cells = [i.Cell], Expected = i.Weight, Actual = i.Score,
            };
    }
}
