using System.Globalization;
using System.Text;
using Extractor.Domain;

namespace Extractor.Eval;

/// <summary>Counts of one measure: how many were right out of how many.</summary>
public sealed class Ratio
{
    public int Right { get; set; }
    public int Total { get; set; }
    public double? Value => Total == 0 ? null : (double)Right / Total;
    public void Add(bool right) { Total++; if (right) Right++; }
    public override string ToString() => Value is { } v ? $"{v * 100:0.00}% ({Right}/{Total})" : "n/a";
}

/// <summary>Precision/recall/F1 counts of a fact type.</summary>
public sealed class FactScore
{
    public int TruePositives { get; set; }
    public int Predicted { get; set; }
    public int Expected { get; set; }
    public double? Precision => Predicted == 0 ? null : (double)TruePositives / Predicted;
    public double? Recall => Expected == 0 ? null : (double)TruePositives / Expected;
    public double? F1 => Precision is { } p && Recall is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;
}

/// <summary>Every measure for one slice of pages (text layer or scanned).</summary>
public sealed class SliceScores
{
    public Ratio FormType { get; } = new();
    public Ratio Structure { get; } = new();
    public Ratio NumericCells { get; } = new();
    public Ratio ChineseCells { get; } = new();
    public FactScore BudgetLines { get; } = new();
    public FactScore Indicators { get; } = new();
    /// <summary>Wrong predicted facts that carry a review flag.</summary>
    public Ratio WrongFlagged { get; } = new();
    /// <summary>Flagged facts that were in fact wrong.</summary>
    public Ratio FlaggedWrong { get; } = new();
    public int Pages { get; set; }
}

/// <summary>One thing eval scored wrong: what the truth says and what the pipeline gave ("" = nothing).</summary>
public sealed record EvalMismatch(string Document, int Page, bool Scanned, string Kind, string Expected, string Got);

/// <summary>What eval reports: text and scanned pages apart, plus speed and the confusions seen.</summary>
public sealed class EvalReport
{
    public SliceScores Text { get; } = new();
    public SliceScores Scanned { get; } = new();
    public int Documents { get; set; }
    public double Seconds { get; set; }
    public double PagesPerSecond => Seconds > 0 ? (Text.Pages + Scanned.Pages) / Seconds : 0;
    public List<string> Failures { get; } = [];
    /// <summary>Every wrong page label, cell and fact, for finding what to fix (`eval --mismatches`).</summary>
    public List<EvalMismatch> Mismatches { get; } = [];
    /// <summary>(truth label, predicted label) → count, for the confusion matrix.</summary>
    public Dictionary<(string Truth, string Predicted), int> Confusions { get; } = [];
    public SliceScores Slice(bool scanned) => scanned ? Scanned : Text;
}

/// <summary>
/// Scores pipeline output against ground truth (matching rules in docs/CONVENTIONS.md). Pure: no engines.
/// </summary>
public static class EvalScorer
{
    public static void ScoreDocument(EvalReport report, TruthDocument truth, DocumentResult result)
    {
        report.Documents++;
        var predictedPages = result.Pages.ToDictionary(p => p.Content.PageNumber);
        var scannedByPage = truth.Pages.ToDictionary(p => p.Page, p => p.Scanned);

        foreach (var tp in truth.Pages)
        {
            var slice = report.Slice(tp.Scanned);
            slice.Pages++;
            predictedPages.TryGetValue(tp.Page, out var pp);
            var predictedLabel = pp?.FormType.Label() ?? "(missing)";
            slice.FormType.Add(predictedLabel == tp.FormType);
            if (predictedLabel != tp.FormType)
                report.Mismatches.Add(new(truth.File, tp.Page, tp.Scanned, "form", tp.FormType, predictedLabel));
            var key = (tp.FormType, predictedLabel);
            report.Confusions[key] = report.Confusions.GetValueOrDefault(key) + 1;
            ScoreTables(report, truth.File, slice, tp, pp?.Content);
        }

        bool IsScanned(int page) => scannedByPage.GetValueOrDefault(page);
        ScoreBudgetLines(report, truth, result, IsScanned);
        ScoreIndicators(report, truth, result, IsScanned);
    }

    private static void ScoreTables(EvalReport report, string file, SliceScores slice, TruthPage tp, PageContent? page)
    {
        for (int t = 0; t < tp.Tables.Count; t++)
        {
            var predicted = page is not null && t < page.Tables.Count ? page.Tables[t] : null;
            foreach (var tc in tp.Tables[t].Cells)
            {
                var pc = predicted?.Cells.FirstOrDefault(c => c.Row == tc.Row && c.Col == tc.Col);
                bool structureRight = pc is not null && pc.RowSpan == tc.RowSpan && pc.ColSpan == tc.ColSpan;
                slice.Structure.Add(structureRight);
                var kind = CellKind(tc.Text);
                if (kind == TextKind.Other) continue;
                bool textRight = structureRight && Norm(pc!.Text) == Norm(tc.Text);
                (kind == TextKind.Numeric ? slice.NumericCells : slice.ChineseCells).Add(textRight);
                if (!textRight)
                    report.Mismatches.Add(new(file, tp.Page, tp.Scanned, (kind == TextKind.Numeric ? "numeric" : "chinese") + (structureRight ? "" : "-structure"),
                        tc.Text, pc?.Text ?? ""));
            }
        }
    }

    private static void ScoreBudgetLines(EvalReport report, TruthDocument truth, DocumentResult result, Func<int, bool> scanned)
    {
        var expected = truth.BudgetLines.Select(l => (Key: BudgetKey(l.FormType, l.Code, l.Name, l.Column, l.Amount), l.Page)).ToList();
        var predicted = result.BudgetLines.Select(l => (Key: BudgetKey(l.Form.Label(), l.Code, l.Name, l.Column, l.AmountWan ?? decimal.MinValue), l.Cell.Page, l.Flagged)).ToList();
        Match(report, truth.File, "budget", expected, predicted, scanned, s => s.BudgetLines);
    }

    private static void ScoreIndicators(EvalReport report, TruthDocument truth, DocumentResult result, Func<int, bool> scanned)
    {
        var expected = truth.Indicators.Select(i => (Key: IndicatorKey(i.Project, i.Period, i.Level1, i.Level2, i.Name, i.Target, i.Actual, i.Weight, i.Score), i.Page)).ToList();
        var predicted = result.Indicators.Select(i => (Key: IndicatorKey(i.Project, i.Period, i.Level1, i.Level2, i.Name, i.Target, i.Actual, i.Weight, i.Score), i.Cell.Page, i.Flagged)).ToList();
        Match(report, truth.File, "indicator", expected, predicted, scanned, s => s.Indicators);
    }

    /// <summary>Multiset matching: each expected fact can be claimed once.</summary>
    private static void Match(EvalReport report, string file, string kind, List<(string Key, int Page)> expected, List<(string Key, int Page, bool Flagged)> predicted,
        Func<int, bool> scanned, Func<SliceScores, FactScore> score)
    {
        var pool = new Dictionary<string, int>();
        foreach (var e in expected)
        {
            pool[e.Key] = pool.GetValueOrDefault(e.Key) + 1;
            score(report.Slice(scanned(e.Page))).Expected++;
        }
        foreach (var p in predicted)
        {
            var slice = report.Slice(scanned(p.Page));
            score(slice).Predicted++;
            bool right = pool.TryGetValue(p.Key, out var n) && n > 0;
            if (right) { pool[p.Key] = n - 1; score(slice).TruePositives++; }
            if (!right) slice.WrongFlagged.Add(p.Flagged);
            if (p.Flagged) slice.FlaggedWrong.Add(!right);
            if (!right) report.Mismatches.Add(new(file, p.Page, scanned(p.Page), kind + (p.Flagged ? "-wrong-flagged" : "-wrong"), "", p.Key));
        }
        // What no prediction claimed was missed.
        var left = new Dictionary<string, int>(pool);
        foreach (var e in expected)
            if (left.TryGetValue(e.Key, out var n) && n > 0)
            {
                left[e.Key] = n - 1;
                report.Mismatches.Add(new(file, e.Page, scanned(e.Page), kind + "-missed", e.Key, ""));
            }
    }

    public static string BudgetKey(string form, string? code, string name, string column, decimal amount) =>
        string.Join('|', form, string.IsNullOrEmpty(code) ? Norm(name) : code, Norm(column),
            Math.Round(amount, 2).ToString("0.00", CultureInfo.InvariantCulture));

    public static string IndicatorKey(string project, string? period, string l1, string l2, string name, string? target, string? actual, decimal? weight, decimal? score) =>
        string.Join('|', Norm(project), Norm(period), Norm(l1), Norm(l2), Norm(name), Norm(target), Norm(actual),
            weight?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", score?.ToString("0.##", CultureInfo.InvariantCulture) ?? "");

    private enum TextKind { Other, Numeric, Chinese }

    private static TextKind CellKind(string text)
    {
        var t = Norm(text);
        if (t.Length == 0) return TextKind.Other;
        if (t.Any(c => c >= 0x4E00 && c <= 0x9FFF)) return TextKind.Chinese;
        if (t.Any(char.IsAsciiDigit) && t.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-' or '%')) return TextKind.Numeric;
        return TextKind.Other;
    }

    /// <summary>Comparison form: whitespace removed, full-width ASCII folded to half-width.</summary>
    public static string Norm(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u3000') continue;
            sb.Append(ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch);
        }
        return sb.ToString();
    }
}
