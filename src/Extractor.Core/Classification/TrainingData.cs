using System.Text.Json;
using Extractor.Domain;

namespace Extractor.Classification;

/// <summary>A page with its true label. Group is what splits must keep together (a department, a corpus split).</summary>
public sealed record LabelledPage(string Document, string Group, PageContent Content, FormType Label);

/// <summary>Hand labels of real PDFs (corpus/real-labels.csv) with the departments held out for reporting.</summary>
public sealed record RealLabels(IReadOnlyList<RealLabel> Labels, IReadOnlySet<string> HoldoutDepartments)
{
    public IEnumerable<RealLabel> Training => Labels.Where(l => !HoldoutDepartments.Contains(l.Department));
    public IEnumerable<RealLabel> Holdout => Labels.Where(l => HoldoutDepartments.Contains(l.Department));
}

public sealed record RealLabel(string Department, string File, int Page, FormType Label);

/// <summary>Loads labelled pages: hand-labelled real PDFs and the generated corpus's ground truth.</summary>
public static class TrainingData
{
    /// <summary>
    /// Reads <c>department,file,page,form_type</c> rows; lines starting with # are comments, and a comment
    /// <c># holdout: A;B</c> names the held-out departments.
    /// </summary>
    public static RealLabels ReadRealLabels(string csvPath)
    {
        var labels = new List<RealLabel>();
        var holdout = new HashSet<string>();
        int lineNo = 0;
        bool header = false;
        foreach (var raw in File.ReadLines(csvPath))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                var body = line.TrimStart('#').Trim();
                if (body.StartsWith("holdout:", StringComparison.OrdinalIgnoreCase))
                {
                    var list = body["holdout:".Length..];
                    int paren = list.IndexOf('(');
                    if (paren >= 0) list = list[..paren];
                    foreach (var d in list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) holdout.Add(d);
                }
                continue;
            }
            if (!header) { header = true; if (line.StartsWith("department,")) continue; }
            var parts = line.Split(',');
            if (parts.Length != 4 || !int.TryParse(parts[2], out var page) || page < 1)
                throw new InvalidDataException($"{csvPath}:{lineNo}: expected department,file,page,form_type");
            if (!FormTypes.TryParse(parts[3].Trim(), out var type))
                throw new InvalidDataException($"{csvPath}:{lineNo}: unknown form type '{parts[3]}'");
            labels.Add(new RealLabel(parts[0].Trim(), parts[1].Trim(), page, type));
        }
        return new RealLabels(labels, holdout);
    }

    /// <summary>Reads each labelled PDF once (relative to <paramref name="realRoot"/>) and pairs its pages with the labels.</summary>
    public static List<LabelledPage> LoadReal(IEnumerable<RealLabel> labels, string realRoot, DocumentReader reader)
    {
        var result = new List<LabelledPage>();
        var docs = labels.GroupBy(l => l.File).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var read = ReadAll(docs.Select(d => Path.Combine(realRoot, d.Key)).ToList(), reader);
        for (int k = 0; k < docs.Count; k++)
        {
            var doc = docs[k];
            var pages = read[k];
            foreach (var l in doc.OrderBy(l => l.Page))
            {
                if (l.Page > pages.Count) throw new InvalidDataException($"{doc.Key} has {pages.Count} pages, label names page {l.Page}");
                result.Add(new LabelledPage(doc.Key, l.Department, pages[l.Page - 1], l.Label));
            }
        }
        return result;
    }

    /// <summary>
    /// Labelled pages of a generated corpus folder: every <c>*.truth.json</c> (docs/CONVENTIONS.md) with the PDF it
    /// names beside it. Group = the folder's name (dev, test …). <paramref name="includeScanned"/> = false skips the
    /// pages the truth marks as scanned (for a reader without OCR they are blank).
    /// </summary>
    public static List<LabelledPage> LoadCorpus(string dir, DocumentReader reader, bool includeScanned = true)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"corpus folder not found: {dir}");
        var result = new List<LabelledPage>();
        var group = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
        var truths = new List<(string TruthPath, JsonDocument Json, string Pdf)>();
        foreach (var truthPath in Directory.EnumerateFiles(dir, "*.truth.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var json = JsonDocument.Parse(File.ReadAllText(truthPath));
            var file = json.RootElement.TryGetProperty("file", out var f) && f.GetString() is { Length: > 0 } name
                ? name : Path.GetFileName(truthPath).Replace(".truth.json", ".pdf");
            var pdf = Path.Combine(Path.GetDirectoryName(truthPath)!, file);
            if (!File.Exists(pdf)) throw new FileNotFoundException($"{truthPath} names {file}, which is missing", pdf);
            truths.Add((truthPath, json, pdf));
        }
        var read = ReadAll(truths.Select(t => t.Pdf).ToList(), reader);
        for (int k = 0; k < truths.Count; k++)
        {
            var (truthPath, doc, pdf) = truths[k];
            using var _ = doc;
            var root = doc.RootElement;
            var pages = read[k];
            foreach (var p in root.GetProperty("pages").EnumerateArray())
            {
                int n = p.GetProperty("page").GetInt32();
                if (!includeScanned && p.TryGetProperty("scanned", out var sc) && sc.ValueKind == JsonValueKind.True) continue;
                var label = p.GetProperty("form_type").GetString() ?? "";
                if (!FormTypes.TryParse(label, out var type)) throw new InvalidDataException($"{truthPath}: unknown form type '{label}'");
                if (n < 1 || n > pages.Count) throw new InvalidDataException($"{truthPath}: page {n} outside the PDF's {pages.Count} pages");
                result.Add(new LabelledPage(pdf, group, pages[n - 1], type));
            }
        }
        return result;
    }

    // Documents read on all cores (OCR of scanned pages dominates training time); results in input order.
    private static IReadOnlyList<PageContent>[] ReadAll(IReadOnlyList<string> files, DocumentReader reader)
    {
        var result = new IReadOnlyList<PageContent>[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => result[i] = reader(files[i]));
        return result;
    }

    /// <summary>
    /// Wraps a reader with a folder of JSON copies of what it read, keyed by the file's content hash and the
    /// reader's name: reading the corpus with OCR takes minutes, fitting a model seconds, so trying features or
    /// penalties should not mean reading again. A changed file or reader misses the cache and is read anew.
    /// </summary>
    public static DocumentReader Cached(DocumentReader inner, string cacheDir, string readerName)
    {
        Directory.CreateDirectory(cacheDir);
        var options = new JsonSerializerOptions { IncludeFields = false };
        return path =>
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            string key;
            using (var f = File.OpenRead(path))
                key = Convert.ToHexString(sha.ComputeHash(f)) + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(readerName)))[..16];
            var file = Path.Combine(cacheDir, key + ".json");
            if (File.Exists(file))
                return JsonSerializer.Deserialize<List<PageContent>>(File.ReadAllText(file), options)
                    ?? throw new InvalidDataException($"unreadable cache file {file}");
            var pages = inner(path);
            var tmp = file + "." + Environment.CurrentManagedThreadId + ".tmp";
            File.WriteAllText(tmp, JsonSerializer.Serialize(pages, options));
            File.Move(tmp, file, overwrite: true);
            return pages;
        };
    }
}
