using Extractor.Domain;
using Extractor.Facts;
using Extractor.Forms;
using Extractor.Tests.Forms;
using Extractor.Validation;
using Xunit.Abstractions;

namespace Extractor.Tests.Validation;

/// <summary>
/// Runs interpreters and validator over every table of the four seed dumps (tab-separated rows, no merges, scan
/// misalignments left as they are): nothing may throw, and the counts are what docs/ACCURACY.md reports.
/// </summary>
public class SeedDumpMeasurementTests(ITestOutputHelper output)
{
    /// <summary>Runs of tab-separated lines (blank lines inside a run are page breaks), with the title line before them.</summary>
    internal static List<(string Title, Table Table)> Tables(string path)
    {
        var result = new List<(string, Table)>();
        var rows = new List<string[]>();
        string title = "", lastText = "";
        void Close()
        {
            if (rows.Count >= 2) result.Add((title, Table.FromGrid(rows.ToArray(), page: result.Count + 1)));
            rows = [];
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.Contains('\t')) { if (rows.Count == 0) title = lastText; rows.Add(line.Split('\t')); continue; }
            if (line.Trim().Length == 0) continue;
            Close();
            if (line.Contains('表') || line.Contains("项目名称")) lastText = line.Trim();
        }
        Close();
        return result;
    }

    internal static FormType FormOf(string title, Table t)
    {
        var all = string.Join("", t.ToGrid().SelectMany(r => r));
        if (all.Contains("三级指标")) return all.Contains("得分") ? FormType.PerformanceSelfEvaluation : FormType.PerformanceTarget;
        var n = TextNorm.Normalize(title);
        if (n.Contains("财政拨款收支总表") || n.Contains("财政拨款收入支出决算总表")) return FormType.FiscalAppropriationSummary;
        if (n.Contains("收支总表") || n.Contains("收入支出决算总表") || n.Contains("公开01")) return FormType.IncomeExpenditureSummary;
        if (n.Contains("收入总表") || n.Contains("收入决算表") || n.Contains("公开02")) return FormType.IncomeSummary;
        if (n.Contains("支出总表") || n.Contains("公开03")) return FormType.ExpenditureSummary;
        if (n.Contains("基本支出")) return FormType.GeneralBudgetBasicExpenditure;
        if (n.Contains("一般公共预算") && n.Contains("支出")) return FormType.GeneralBudgetExpenditure;
        if (n.Contains("三公")) return FormType.ThreePublicExpenses;
        if (n.Contains("政府性基金")) return FormType.GovernmentFund;
        if (n.Contains("国有资本")) return FormType.StateCapitalOperation;
        if (n.Contains("机关运行")) return FormType.OperatingExpenses;
        if (n.Contains("项目支出")) return FormType.ProjectExpenditure;
        return FormType.Other;
    }

    [Theory]
    [InlineData("000_b64be4f5967b63e6.txt")]
    [InlineData("001_0d2cc0d834baef69.txt")]
    [InlineData("003_9f46298a1159504d.txt")]
    [InlineData("004_fd8141cd2170886d.txt")]
    public void EverySeedTableIsReadAndChecked(string file)
    {
        var path = Path.Combine(DocumentInterpreterTests.SeedDir(), file);
        var tables = Tables(path);
        var doc = new DocumentResult { FilePath = path, Sha256 = "0" };
        doc.Pages.Add(TableSpec.Page(0, FormType.Cover, File.ReadLines(path).Take(60).ToArray()));
        foreach (var (title, t) in tables)
        {
            doc.Pages.Add(TableSpec.Page(t.Page, FormOf(title, t), title));
            doc.Tables.Add(t);
        }
        var r = DocumentInterpreter.Interpret(doc.Pages, doc.Tables);
        doc.BudgetLines.AddRange(r.BudgetLines);
        doc.Projects.AddRange(r.Projects);
        doc.Indicators.AddRange(r.Indicators);
        var checks = DocumentValidator.BuildChecks(doc);
        var issues = DocumentValidator.Validate(doc, SubjectCodeDictionary.LoadDefault());

        var perfTables = doc.Pages.Count(p => p.FormType.IsPerformanceForm());
        var perfWithIndicators = r.Indicators.Select(i => i.Cell.Table).Distinct().Count();
        output.WriteLine($"{file}: {tables.Count} tables, {r.BudgetLines.Count} budget lines, {r.Projects.Count} projects, " +
                         $"{r.Indicators.Count} indicators from {perfWithIndicators}/{perfTables} performance tables; " +
                         $"{checks.Count} checks, {checks.Count(c => !c.Passes)} failed; issues by rule: " +
                         string.Join(", ", issues.GroupBy(i => i.Rule).Select(g => $"{g.Key} {g.Count()}")));
        foreach (var i in issues.Take(15)) output.WriteLine($"  {i.Rule}: {i.Message} {i.Actual} vs {i.Expected} → {i.SuggestionCell} {i.SuggestedValue}");

        Assert.NotEmpty(tables);
        Assert.Equal(perfTables, perfWithIndicators);
        Assert.All(r.Indicators, i => Assert.False(string.IsNullOrEmpty(i.Name) && i.Target is null));
        if (file != "000_b64be4f5967b63e6.txt")
        {
            Assert.NotEmpty(r.BudgetLines);
            // Well over nine in ten of the forms' own identities hold on the dumps as printed.
            Assert.True(checks.Count(c => c.Passes) >= 0.9 * checks.Count, $"{checks.Count(c => !c.Passes)} of {checks.Count} checks failed");
        }
        Assert.NotNull(r.Info.UnitName);
    }
}
