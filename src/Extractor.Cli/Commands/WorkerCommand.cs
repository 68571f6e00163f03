using System.CommandLine;

namespace Extractor.Cli.Commands;

public static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("worker: not built yet"); return 2; });
        return command;
    }
}
