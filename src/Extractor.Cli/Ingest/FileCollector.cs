namespace Extractor.Cli.Ingest;

/// <summary>Expands the paths given to `ingest`: folders recursively to their *.pdf files, files as given.</summary>
public static class FileCollector
{
    public static (List<string> Files, List<string> Missing) Collect(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in paths)
        {
            var full = Path.GetFullPath(p);
            if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive })
                    .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var f in found) if (seen.Add(f)) files.Add(f);
            }
            else if (File.Exists(full))
            {
                // Given explicitly: taken whatever its name, so a non-PDF is reported rather than silently ignored.
                if (seen.Add(full)) files.Add(full);
            }
            else missing.Add(full);
        }
        return (files, missing);
    }
}
