using System.CommandLine;
using Extractor.Facts;
using Extractor.Storage;
using Extractor.Validation;

namespace Extractor.Cli;

/// <summary>Options every command shares and the way commands open the store.</summary>
public static class CliCommon
{
    public const string DefaultDb = "extractor.db";

    public static Option<string> DbOption() => new("--db")
    {
        Description = "SQLite database file (数据库文件)",
        DefaultValueFactory = _ => DefaultDb,
        HelpName = "FILE",
    };

    public static Option<string> FormatOption(string defaultFormat, params string[] allowed)
    {
        var o = new Option<string>("--format") { Description = "output format: " + string.Join("|", allowed), DefaultValueFactory = _ => defaultFormat };
        o.AcceptOnlyFromAmong(allowed);
        return o;
    }

    // Declared before OpenStore: static fields initialise in order.
    private static readonly Lazy<SubjectCodeDictionary> Dictionary = new(SubjectCodeDictionary.LoadDefault);

    /// <summary>The store behind every command; a later PostgreSQL backend plugs in here.</summary>
    public static Func<string, IExtractorStore> OpenStore { get; set; } = path =>
    {
        var store = SqliteStore.Open(path);
        // A correction re-runs the document's checks, so the review queue and flags follow at once.
        store.Revalidator = doc => [.. DocumentValidator.Validate(doc, Dictionary.Value), .. ReadingPlausibility.Check(doc, Dictionary.Value)];
        return store;
    };

    /// <summary>Commands that only read must not create an empty database by accident.</summary>
    public static IExtractorStore? OpenExisting(string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"database not found: {Path.GetFullPath(path)} (数据库不存在; run `extractor ingest` first)");
            return null;
        }
        return OpenStore(path);
    }

    public static string Reviewer(string? given) =>
        !string.IsNullOrWhiteSpace(given) ? given.Trim()
        : Environment.GetEnvironmentVariable("USER") is { Length: > 0 } u ? u
        : Environment.UserName;
}
