using System.CommandLine;
using System.Text;
using Extractor.Cli.Review;

namespace Extractor.Cli.Commands;

/// <summary>`review`: flagged and low-confidence cells (most consequential first) and uncertain pages, one at a time.</summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var db = CliCommon.DbOption();
        var reviewer = new Option<string?>("--reviewer") { Description = "name stored in the audit trail (default: $USER)" };
        var export = new Option<string?>("--export") { Description = "write the queue as CSV to FILE instead of reviewing", HelpName = "FILE" };
        var apply = new Option<string?>("--apply") { Description = "store the new_value column of a CSV made by --export", HelpName = "FILE" };
        var noImages = new Option<bool>("--no-images") { Description = "do not render cell images" };
        var cellConf = new Option<double>("--cell-confidence") { Description = "cells read with less confidence are reviewed", DefaultValueFactory = _ => 0.8 };
        var pageConf = new Option<double>("--page-confidence") { Description = "pages classified with less confidence are reviewed", DefaultValueFactory = _ => 0.6 };
        var command = new Command("review", "review doubtful cells and pages; corrections are kept with an audit trail (人工复核)");
        foreach (var o in new Option[] { db, reviewer, export, apply, noImages, cellConf, pageConf }) command.Options.Add(o);
        command.SetAction(r =>
        {
            var dbPath = r.GetValue(db)!;
            using var store = CliCommon.OpenExisting(dbPath);
            if (store is null) return 1;
            var who = CliCommon.Reviewer(r.GetValue(reviewer));
            if (r.GetValue(apply) is { } applyPath)
            {
                using var reader = new StreamReader(applyPath, Encoding.UTF8);
                var outcome = ReviewCsv.Apply(store, reader, who);
                Console.WriteLine($"review --apply: {outcome.Applied} corrected, {outcome.Confirmed} confirmed, {outcome.Unchanged} rows without new_value");
                foreach (var e in outcome.Errors) Console.Error.WriteLine("  " + e);
                return outcome.Errors.Count > 0 && outcome.Applied + outcome.Confirmed == 0 ? 1 : 0;
            }
            var queue = store.ReviewQueue(r.GetValue(cellConf), r.GetValue(pageConf));
            if (r.GetValue(export) is { } exportPath)
            {
                using var writer = new StreamWriter(exportPath, false, new UTF8Encoding(true)); // BOM: spreadsheets then read the Chinese right
                int n = ReviewCsv.Export(queue, writer);
                Console.WriteLine($"review --export: {n} items → {Path.GetFullPath(exportPath)}");
                return 0;
            }
            var imageDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dbPath)) ?? ".", "review-images");
            var session = new ReviewSession(store, Console.In, Console.Out, who, r.GetValue(noImages) ? null : new CellImageRenderer(imageDir));
            session.Run(queue);
            return 0;
        });
        return command;
    }
}
