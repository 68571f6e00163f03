using System.CommandLine;

namespace Extractor.Cli.Commands;

public static class ReviewCommand
{
    public static Command Create()
    {
        var command = new Command("review", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("review: not built yet"); return 2; });
        return command;
    }
}
