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
        var parent = new Option<int?>("--parent") { Description = "exit when this process id is gone (the ingest that started us)", Hidden = true };
        command.Options.Add(db);
        command.Options.Add(parent);
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(parent) is int parentId) WatchParent(parentId);
            using var store = CliCommon.OpenStore(parseResult.GetValue(db)!);
            var options = new PipelineOptions();
            var processor = DocumentProcessorFactory.Create(options);
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
            var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            return new WorkerLoop(store, processor).Run(stdin, stdout);
        });
        return command;
    }

    /// <summary>
    /// A worker whose ingest was killed must not live on (a hung native call would never see stdin close):
    /// it kills itself once the parent is gone. A half-saved document is rolled back by SQLite.
    /// </summary>
    private static void WatchParent(int parentId)
    {
        DateTime? started = null;
        try { started = System.Diagnostics.Process.GetProcessById(parentId).StartTime; } catch (Exception) { }
        new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(1000);
                bool alive;
                try
                {
                    using var p = System.Diagnostics.Process.GetProcessById(parentId);
                    alive = !p.HasExited && (started is null || p.StartTime == started);
                }
                catch (Exception) { alive = false; }
                if (!alive) System.Diagnostics.Process.GetCurrentProcess().Kill();
            }
        }) { IsBackground = true, Name = "parent-watch" }.Start();
    }
}
