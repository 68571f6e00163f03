using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Extractor.Eval;

/// <summary>Prints an <see cref="EvalReport"/> as a table and writes it as JSON.</summary>
public static class EvalReportWriter
{
    public static string ToTable(EvalReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"documents {r.Documents}, pages {r.Text.Pages} text + {r.Scanned.Pages} scanned, {r.Seconds:0.0} s, {r.PagesPerSecond:0.00} pages/s");
        sb.AppendLine($"{"measure",-34} {"text",-26} {"scanned",-26}");
        void Row(string name, Func<SliceScores, string> f) => sb.AppendLine($"{name,-34} {f(r.Text),-26} {f(r.Scanned),-26}");
        Row("page form type accuracy", s => s.FormType.ToString());
        Row("table structure (cells)", s => s.Structure.ToString());
        Row("numeric cells exact", s => s.NumericCells.ToString());
        Row("Chinese cells exact", s => s.ChineseCells.ToString());
        Row("budget lines P / R / F1", s => Prf(s.BudgetLines));
        Row("indicators P / R / F1", s => Prf(s.Indicators));
        Row("wrong facts flagged", s => s.WrongFlagged.ToString());
        Row("flagged facts wrong", s => s.FlaggedWrong.ToString());
        if (r.Failures.Count > 0)
        {
            sb.AppendLine("failures:");
            foreach (var f in r.Failures) sb.AppendLine("  " + f);
        }
        return sb.ToString();
    }

    public static string ConfusionTable(EvalReport r)
    {
        var sb = new StringBuilder();
        foreach (var ((truth, predicted), n) in r.Confusions.Where(c => c.Key.Truth != c.Key.Predicted).OrderByDescending(c => c.Value))
            sb.AppendLine(CultureInfo.InvariantCulture, $"{truth} → {predicted}: {n}");
        return sb.Length == 0 ? "no confusions\n" : sb.ToString();
    }

    private static string Prf(FactScore f) =>
        f.Expected == 0 && f.Predicted == 0 ? "n/a" : $"{P(f.Precision)} / {P(f.Recall)} / {P(f.F1)}";

    private static string P(double? v) => v is { } x ? (x * 100).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>One line per mismatch: document, page, text/scan, kind, expected, got (tabs and newlines in text as spaces).</summary>
    public static string MismatchesTsv(EvalReport r)
    {
        static string F(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        var sb = new StringBuilder("document\tpage\tpath\tkind\texpected\tgot\n");
        foreach (var m in r.Mismatches.OrderBy(m => m.Document, StringComparer.Ordinal).ThenBy(m => m.Page))
            sb.Append(F(m.Document)).Append('\t').Append(m.Page).Append('\t').Append(m.Scanned ? "scan" : "text").Append('\t')
              .Append(m.Kind).Append('\t').Append(F(m.Expected)).Append('\t').Append(F(m.Got)).Append('\n');
        return sb.ToString();
    }

    public static string ToJson(EvalReport r)
    {
        object Slice(SliceScores s) => new
        {
            pages = s.Pages,
            form_type_accuracy = s.FormType.Value,
            table_structure = s.Structure.Value,
            numeric_cells_exact = s.NumericCells.Value,
            chinese_cells_exact = s.ChineseCells.Value,
            budget_lines = new { precision = s.BudgetLines.Precision, recall = s.BudgetLines.Recall, f1 = s.BudgetLines.F1, expected = s.BudgetLines.Expected, predicted = s.BudgetLines.Predicted },
            indicators = new { precision = s.Indicators.Precision, recall = s.Indicators.Recall, f1 = s.Indicators.F1, expected = s.Indicators.Expected, predicted = s.Indicators.Predicted },
            wrong_facts_flagged = s.WrongFlagged.Value,
            flagged_facts_wrong = s.FlaggedWrong.Value,
        };
        var o = new
        {
            documents = r.Documents,
            seconds = r.Seconds,
            pages_per_second = r.PagesPerSecond,
            text = Slice(r.Text),
            scanned = Slice(r.Scanned),
            confusions = r.Confusions.Where(c => c.Key.Truth != c.Key.Predicted).Select(c => new { truth = c.Key.Truth, predicted = c.Key.Predicted, count = c.Value }),
            failures = r.Failures,
        };
        return JsonSerializer.Serialize(o, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
