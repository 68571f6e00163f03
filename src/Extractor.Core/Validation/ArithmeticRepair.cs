using System.Globalization;
using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Validation;

/// <summary>
/// Amounts a scan misread where the form's own arithmetic says what they are. A scanned amount that two or more
/// failed checks share (its row's 合计 = 基本 + 项目 and its column's 类 = Σ款, say) becomes the one value that makes
/// all of them hold, when that value keeps every passing check it is in and differs from what the engine read by
/// at most two digits ("132.0" for 132.07, "2,749.99" for 2,249.99) or holds what the engine read as some of its
/// digits in order ("7" for 794.08, under a seal). One repair at a time, the surest first (most
/// checks restored), the checks built again after each. Text-layer cells are never changed; a repaired fact keeps
/// the engine's reading (its cell's OCR text) and goes to review with an issue that names both values.
/// </summary>
public static class ArithmeticRepair
{
    public const string Rule = "arithmetic-repair";

    /// <summary>Repairs the document's budget lines and their cells in place; one issue per repaired cell.</summary>
    public static List<ValidationIssue> Apply(DocumentResult doc, int maxRepairs = 50)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var issues = new List<ValidationIssue>();
        // The scanned amounts, by cell (repairs change their values, never which lines they are); a document with
        // none (a text PDF) builds no checks here.
        var lines = doc.BudgetLines.Select((l, i) => (l, i)).Where(x => x.l.AmountWan is not null && Scanned(doc, x.l.Cell))
            .GroupBy(x => x.l.Cell).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToList());
        if (lines.Count == 0) return issues;
        var repaired = new HashSet<CellRef>();
        for (int n = 0; n < maxRepairs; n++)
        {
            var checks = DocumentValidator.BuildChecks(doc);
            var failed = checks.Where(c => !c.Passes).ToList();
            if (failed.Count == 0) break;
            var best = failed.SelectMany(f => f.Terms.Select(t => (t, f))).GroupBy(x => x.t.Cell)
                .Where(g => lines.ContainsKey(g.Key) && !repaired.Contains(g.Key))
                .Select(g => Candidate(g.First().t, g.Select(x => x.f).Distinct().ToList(), checks))
                .OfType<Fix>().OrderByDescending(f => f.Restored).ToList();
            if (best.Count == 0)
            {
                var held = checks.Where(c => c.Passes).SelectMany(c => c.Terms).Select(t => t.Cell).ToHashSet();
                best = failed.SelectMany(f => f.Terms.Where(t => lines.ContainsKey(t.Cell) && !repaired.Contains(t.Cell)).Select(t => FragmentFix(t, f, held)))
                    .OfType<Fix>().Take(1).ToList();
            }
            if (best.Count == 0) break;
            // Two cells restoring as many checks are two explanations of one failure: neither is sure.
            if (best.Count > 1 && best[1].Restored == best[0].Restored && best[1].Cell != best[0].Cell &&
                best[0].Checks.Intersect(best[1].Checks).Any()) break;
            var fix = best[0];
            Set(doc, fix, lines[fix.Cell]);
            repaired.Add(fix.Cell);
            issues.Add(new ValidationIssue
            {
                Rule = Rule, Cells = [fix.Cell], Expected = fix.Wan, Actual = fix.WasWan,
                Message = $"p{fix.Cell.Page}: 识别为「{fix.Raw}」，按表内勾稽关系 ({string.Join("、", fix.Checks.Select(c => c.Rule).Distinct())}) 应为 {fix.Printed}，已更正待复核",
            });
        }
        return issues;
    }

    private sealed record Fix(CellRef Cell, string Raw, string Printed, decimal Wan, decimal WasWan, string Unit, int Restored, IReadOnlyList<Check> Checks);

    private static Fix? Candidate(CheckTerm term, List<Check> failed, List<Check> all)
    {
        if (failed.Count < 2 || term.Raw is not { } raw) return null;
        var passing = all.Where(c => c.Passes && c.Terms.Any(t => t.Cell == term.Cell)).ToList();
        // Each failed sum solved for the cell; sums of rounded amounts are off by a cent or two, so the value is
        // the solution of the sum with the fewest terms (the least rounding) that all the others accept.
        foreach (var f in failed.OrderBy(f => f.Parts.Count))
        {
            if (f.Solve(term.Cell) is not { } wan) continue;
            if (!failed.All(c => Math.Abs(c.ResidualWith(term.Cell, wan)) <= c.Tolerance) ||
                !passing.All(c => Math.Abs(c.ResidualWith(term.Cell, wan)) <= c.Tolerance)) continue;
            var printed = Printed(wan, term.Unit, raw);
            if (printed is null) continue;
            string was = Digits(raw), now = Digits(printed);
            // Within two digits of the reading, or the reading is what was left of it: digits a seal or a rule hid
            // ("7" for 794.08 under a seal's ring), in order.
            bool near = was.Length >= 2 && TextNorm.EditDistance(was, now, _ => 1, (x, y) => x == y ? 0 : 1) <= Math.Min(2, now.Length / 2);
            if (!near && !(was.Length >= 1 && was.Length < now.Length && TextNorm.InOrder(was, now))) continue;
            return new Fix(term.Cell, raw, printed, wan, term.Value, term.Unit, failed.Count, failed);
        }
        return null;
    }

    /// <summary>
    /// A seal over a column hides digits of several amounts in it, so no two failed sums agree on any of them. One
    /// failed sum still tells an amount that kept only some of its digits ("6" for 6989.14) when every other amount in
    /// it holds in a sum that passes and the amount itself holds in none.
    /// </summary>
    private static Fix? FragmentFix(CheckTerm term, Check failed, HashSet<CellRef> held)
    {
        // held: the cells of the sums that pass.
        if (term.Raw is not { } raw || held.Contains(term.Cell)) return null;
        if (!failed.Terms.Where(t => t.Cell != term.Cell).All(t => held.Contains(t.Cell))) return null;
        if (failed.Solve(term.Cell) is not { } wan || Printed(wan, term.Unit, raw) is not { } printed) return null;
        string was = Digits(raw), now = Digits(printed);
        if (was.Length == 0 || was.Length >= now.Length || !TextNorm.InOrder(was, now)) return null;
        return new Fix(term.Cell, raw, printed, wan, term.Value, term.Unit, 1, [failed]);
    }

    // The value as the form prints it: the reading's decimals (two for 万元, none for 元 when it had none).
    private static string? Printed(decimal wan, string unit, string raw)
    {
        var value = AmountParser.FromWan(wan, unit);
        if (value < 0) return null;
        var s = TextNorm.Normalize(raw);
        int dot = s.LastIndexOf('.');
        int decimals = dot >= 0 && dot < s.Length - 1 ? Math.Clamp(s.Length - dot - 1, 0, 2) : unit == "元" ? 0 : 2;
        if (decimals < 2 && unit != "元") decimals = 2;
        var rounded = Math.Round(value, decimals);
        if (Math.Abs(rounded - value) > 0.0000001m) return null;
        var text = rounded.ToString("F" + decimals, CultureInfo.InvariantCulture);
        return s.Contains(',') ? Grouped(text) : text;
    }

    private static string Grouped(string text)
    {
        int dot = text.IndexOf('.');
        string whole = dot < 0 ? text : text[..dot], frac = dot < 0 ? "" : text[dot..];
        return decimal.Parse(whole, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture) + frac;
    }

    private static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Whether the cell was OCR'd (repairs never change what the text layer prints).</summary>
    internal static bool Scanned(DocumentResult doc, CellRef c) =>
        c.Table >= 0 && c.Table < doc.Tables.Count && doc.Tables[c.Table].At(c.Row, c.Col) is { Source: CellSource.Ocr };

    private static void Set(DocumentResult doc, Fix fix, List<int> lineIndexes)
    {
        foreach (var i in lineIndexes)
            doc.BudgetLines[i] = doc.BudgetLines[i] with { AmountWan = fix.Wan, AmountAsPrinted = AmountParser.FromWan(fix.Wan, fix.Unit) };
        var t = doc.Tables[fix.Cell.Table];
        doc.Tables[fix.Cell.Table] = t.WithCells(t.Cells.Select(c => c.Row == fix.Cell.Row && c.Col == fix.Cell.Col ? c.Corrected(fix.Printed) : c).ToList());
    }
}
