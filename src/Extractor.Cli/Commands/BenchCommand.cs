using System.CommandLine;

namespace Extractor.Cli.Commands;

public static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("bench: not built yet"); return 2; });
        return command;
    }
}
