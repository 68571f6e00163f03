using System.CommandLine;
using Extractor.Cli.Processing;
using Extractor.Eval;
using Extractor.Pipeline;

namespace Extractor.Cli.Commands;

/// <summary>`eval CORPUS`: run the pipeline over a ground-truth corpus folder and score it (text and scanned pages apart).</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var corpus = new Argument<string>("corpus") { Description = "folder of *.pdf + *.truth.json (e.g. corpus/test)" };
        var json = new Option<string?>("--json") { Description = "also write the report as JSON to this file" };
        var workers = new Option<int>("--workers") { Description = "documents processed in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var match = new Option<string?>("--match") { Description = "only documents whose file name contains this text" };
        var mismatches = new Option<string?>("--mismatches") { Description = "write every wrong page label, cell and fact to this TSV file" };
        var command = new Command("eval", "score the pipeline against ground truth (准确率评估)");
        command.Arguments.Add(corpus);
        command.Options.Add(json);
        command.Options.Add(workers);
        command.Options.Add(match);
        command.Options.Add(mismatches);
        command.SetAction(r =>
        {
            var folder = r.GetValue(corpus)!;
            if (!Directory.Exists(folder)) { Console.Error.WriteLine($"eval: no such folder {folder}"); return 2; }
            var filter = r.GetValue(match) is { } m ? (Func<TruthDocument, bool>)(t => t.File.Contains(m, StringComparison.OrdinalIgnoreCase)) : null;
            var options = new PipelineOptions();
            var report = EvalRunner.Run(folder, () => DocumentProcessorFactory.Create(options), r.GetValue(workers), filter,
                name => Console.Error.WriteLine($"  done {name}"));
            Console.Out.Write(EvalReportWriter.ToTable(report));
            Console.Out.WriteLine("confusions (truth → predicted):");
            Console.Out.Write(EvalReportWriter.ConfusionTable(report));
            if (r.GetValue(json) is { } path) File.WriteAllText(path, EvalReportWriter.ToJson(report));
            if (r.GetValue(mismatches) is { } tsv) File.WriteAllText(tsv, EvalReportWriter.MismatchesTsv(report));
            return report.Documents == 0 ? 1 : 0;
        });
        return command;
    }
}
