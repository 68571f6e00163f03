using System.CommandLine;
using Extractor.Cli.Output;

namespace Extractor.Cli.Commands;

/// <summary>`stats`: what the database holds by unit, year and form; what awaits review; failures.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var db = CliCommon.DbOption();
        var command = new Command("stats", "what the database holds (统计)");
        command.Options.Add(db);
        command.SetAction(r =>
        {
            using var store = CliCommon.OpenExisting(r.GetValue(db)!);
            if (store is null) return 1;
            var s = store.Stats();
            var o = Console.Out;
            o.WriteLine($"database (数据库): {Path.GetFullPath(r.GetValue(db)!)}");
            o.WriteLine($"documents {s.Documents} · pages {s.Pages} (scanned {s.ScannedPages}) · budget lines {s.BudgetLines} · indicators {s.Indicators} · projects {s.Projects}");
            o.WriteLine($"awaiting review (待复核): {s.CellsAwaitingReview} cells, {s.PagesAwaitingReview} pages · open checks {s.OpenIssues} · corrections {s.Corrections}");
            o.WriteLine();
            o.WriteLine("by unit and year (按单位、年度):");
            Tabular.WriteTable(["unit_name", "year", "kind", "documents", "pages", "budget_lines", "indicators"],
                s.ByUnitYear.Select(u => new object?[] { u.UnitName, u.Year, u.Kind, u.Documents, u.Pages, u.BudgetLines, u.Indicators }), o);
            o.WriteLine("pages by form type (按表格类型):");
            Tabular.WriteTable(["form_type", "pages", "facts"],
                s.PagesByForm.Select(p => new object?[] { p.Key, p.Count, s.FactsByForm.FirstOrDefault(f => f.Key == p.Key)?.Count ?? 0 }), o);
            if (s.Failures.Count > 0)
            {
                o.WriteLine($"failures (失败): {s.Failures.Count}");
                Tabular.WriteTable(["file", "stage", "message", "at"], s.Failures.Select(f => new object?[] { f.FileName, f.Stage, f.Message, f.FailedAt }), o);
            }
            return 0;
        });
        return command;
    }
}
