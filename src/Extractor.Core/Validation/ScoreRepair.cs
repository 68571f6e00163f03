using System.Globalization;
using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Validation;

/// <summary>
/// A self-evaluation's 得分 add up to its 总分 (with the 项目执行情况 score). A scanned score read as nothing, as some of
/// its digits ("7" for 7.5, "1" for 11, under a seal or at a rule) or above its own 分值 is the rest of the total, when
/// it is the only such score of its project, every other score is read, and the rest lies between 0 and its 分值.
/// The repaired fact goes to review with an issue naming both values; text-layer facts are never changed.
/// </summary>
public static class ScoreRepair
{
    public const string Rule = "score-repair";

    /// <summary>Repairs the document's indicator scores in place; one issue per repaired score.</summary>
    public static List<ValidationIssue> Apply(DocumentResult doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var issues = new List<ValidationIssue>();
        foreach (var p in DocumentValidator.ScoredProjects(doc).ToList())
        {
            var members = Enumerable.Range(0, doc.Indicators.Count)
                .Where(k => doc.Indicators[k].Project == p.Name && doc.Indicators[k].Form == p.Form).ToList();
            if (members.Count < 2) continue;
            decimal total = p.TotalScore!.Value, execution = p.ExecutionScore ?? 0;
            decimal read = execution + members.Sum(k => doc.Indicators[k].Score ?? 0);
            if (Math.Abs(read - total) <= 0.01m) continue;
            var fixes = new List<(int Index, decimal Score)>();
            foreach (var k in members)
            {
                var ind = doc.Indicators[k];
                if (!ArithmeticRepair.Scanned(doc, ind.Cell) || members.Any(o => o != k && doc.Indicators[o].Score is null)) continue;
                decimal rest = total - execution - members.Where(o => o != k).Sum(o => doc.Indicators[o].Score!.Value);
                if (rest < 0 || rest > (ind.Weight ?? 100) || !Suspect(ind, rest)) continue;
                fixes.Add((k, rest));
            }
            if (fixes is not [var (index, score)]) continue;
            var was = doc.Indicators[index];
            doc.Indicators[index] = was with { Score = score };
            issues.Add(new ValidationIssue
            {
                Rule = Rule, Cells = [was.Cell], Expected = score, Actual = was.Score,
                Message = $"{was.Form.Label()} 「{was.Name}」: 得分识别为「{was.Score?.ToString(CultureInfo.InvariantCulture) ?? "空"}」，" +
                          $"按总分 {total.ToString(CultureInfo.InvariantCulture)} 应为 {score.ToString(CultureInfo.InvariantCulture)}，已更正待复核",
            });
        }
        return issues;
    }

    // A score that could be a misreading of the rest: none, above its 分值, or some of the rest's digits in order.
    private static bool Suspect(Indicator ind, decimal rest)
    {
        if (ind.Score is not { } s) return true;
        if (ind.Weight is { } w && s > w) return true;
        string was = Digits(s), now = Digits(rest);
        return was.Length < now.Length && TextNorm.InOrder(was, now);
    }

    private static string Digits(decimal v) => new(v.ToString("0.####", CultureInfo.InvariantCulture).Where(char.IsAsciiDigit).ToArray());
}
