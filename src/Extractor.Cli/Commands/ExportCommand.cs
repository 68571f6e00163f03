using System.CommandLine;

namespace Extractor.Cli.Commands;

public static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("export: not built yet"); return 2; });
        return command;
    }
}
