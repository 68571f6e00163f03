using System.CommandLine;

namespace Extractor.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var command = new Command("ingest", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("ingest: not built yet"); return 2; });
        return command;
    }
}
