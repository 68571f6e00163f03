using System.CommandLine;

namespace Extractor.Cli.Commands;

public static class QueryCommand
{
    public static Command Create()
    {
        var command = new Command("query", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("query: not built yet"); return 2; });
        return command;
    }
}
