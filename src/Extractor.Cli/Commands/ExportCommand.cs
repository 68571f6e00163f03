using System.CommandLine;
using System.Text;
using Extractor.Cli.Output;

namespace Extractor.Cli.Commands;

/// <summary>`export --format jsonl|csv [--out FILE]`: every page and fact with provenance.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var db = CliCommon.DbOption();
        var format = CliCommon.FormatOption("jsonl", "jsonl", "csv");
        var output = new Option<string?>("--out") { Description = "write to FILE instead of standard output", HelpName = "FILE" };
        var command = new Command("export", "export every page and fact with provenance (导出)");
        command.Options.Add(db);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(r =>
        {
            using var store = CliCommon.OpenExisting(r.GetValue(db)!);
            if (store is null) return 1;
            var outPath = r.GetValue(output);
            using var writer = outPath is null
                ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false))
                : new StreamWriter(outPath, false, new UTF8Encoding(false));
            var counts = r.GetValue(format) == "csv" ? ExportWriter.WriteCsv(store, writer) : ExportWriter.WriteJsonl(store, writer);
            writer.Flush();
            if (outPath is not null)
                Console.Error.WriteLine($"export: {counts.Pages} pages, {counts.BudgetLines} budget lines, {counts.Indicators} indicators → {Path.GetFullPath(outPath)}");
            return 0;
        });
        return command;
    }
}
