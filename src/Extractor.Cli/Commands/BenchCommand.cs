using System.CommandLine;
using Extractor.Cli.Processing;
using Extractor.Eval;
using Extractor.Pipeline;

namespace Extractor.Cli.Commands;

/// <summary>`bench CORPUS`: pages per second for text and scanned documents, per stage, peak memory, against baselines.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var corpus = new Argument<string>("corpus") { Description = "folder of *.pdf + *.truth.json (truth tells which pages are scans)" };
        var workers = new Option<int>("--workers") { Description = "documents processed in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var baseline = new Option<int>("--baseline-pages") { Description = "scanned pages the tesseract baseline reads", DefaultValueFactory = _ => 12 };
        var batch = new Option<int>("--batch-pages") { Description = "also store this many text pages (copies of the text documents) into one database and report pages/s per tenth of the run", DefaultValueFactory = _ => 0 };
        var command = new Command("bench", "throughput benchmark with pdftotext / tesseract baselines (性能测试)");
        command.Arguments.Add(corpus);
        command.Options.Add(workers);
        command.Options.Add(baseline);
        command.Options.Add(batch);
        command.SetAction(r =>
        {
            var folder = r.GetValue(corpus)!;
            if (!Directory.Exists(folder)) { Console.Error.WriteLine($"bench: no such folder {folder}"); return 2; }
            var options = new PipelineOptions();
            var report = ThroughputBench.Run(folder, () => DocumentProcessorFactory.Create(options), r.GetValue(workers), r.GetValue(baseline),
                batchPages: r.GetValue(batch));
            Console.Out.Write(report.ToTable());
            return 0;
        });
        return command;
    }
}
