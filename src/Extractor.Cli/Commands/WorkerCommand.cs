using System.CommandLine;
using System.Text;
using Extractor.Cli.Ingest;
using Extractor.Cli.Processing;
using Extractor.Pipeline;

namespace Extractor.Cli.Commands;

/// <summary>Internal: the child process of `ingest`. Reads file requests on stdin, answers one result line each.</summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var db = CliCommon.DbOption();
        var command = new Command("worker", "internal: one ingest worker process (reads JSON requests on stdin)") { Hidden = true };
        command.Options.Add(db);
        command.SetAction(parseResult =>
        {
            using var store = CliCommon.OpenStore(parseResult.GetValue(db)!);
            var options = new PipelineOptions();
            var processor = DocumentProcessorFactory.Create(options);
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
            var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            return new WorkerLoop(store, processor).Run(stdin, stdout);
        });
        return command;
    }
}
