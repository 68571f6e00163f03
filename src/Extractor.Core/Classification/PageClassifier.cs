using System.Text.Json;
using System.Text.Json.Nodes;
using Extractor.Domain;

namespace Extractor.Classification;

/// <summary>
/// Labels every page of a document with its <see cref="FormType"/> and a confidence (the softmax probability).
/// A continuation page — a table's next page without a title of its own — takes the label of the page it continues.
/// </summary>
public sealed class PageClassifier
{
    public const string DefaultFileName = "page-classifier.json";
    public const string ModelsEnvironmentVariable = "EXTRACTOR_MODELS";

    public SoftmaxRegression Model { get; }
    /// <summary>Form type of each model class, in class order.</summary>
    public IReadOnlyList<FormType> Classes { get; }
    /// <summary>What the model was trained on (files, counts, date, seed, scores), as saved.</summary>
    public JsonObject? Training { get; }

    public PageClassifier(SoftmaxRegression model, IReadOnlyList<FormType> classes, JsonObject? training = null)
    {
        if (classes.Count != model.ClassCount) throw new ArgumentException("one form type per model class expected");
        Model = model;
        Classes = classes;
        Training = training;
    }

    /// <summary>Probabilities of every form type for one page, on its own (no continuation rule).</summary>
    public IReadOnlyDictionary<FormType, double> Probabilities(PageContent page)
    {
        var p = Model.PredictProbabilities(PageFeatures.Extract(page));
        var d = new Dictionary<FormType, double>();
        for (int c = 0; c < p.Length; c++) d[Classes[c]] = d.GetValueOrDefault(Classes[c]) + p[c];
        return d;
    }

    /// <summary>One page on its own: the most probable form type and its probability.</summary>
    public (FormType Type, double Confidence) ClassifyPage(PageContent page)
    {
        var p = Model.PredictProbabilities(PageFeatures.Extract(page));
        int best = 0;
        for (int c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
        return (Classes[best], p[best]);
    }

    /// <summary>
    /// Classifies a whole document in page order, so that continuations follow the page before them. What a page
    /// passes on is the form of its last table: the page's own label, unless a later table on it has a title of its
    /// own (e.g. a page ending one form and starting the next), which is then classified on its own.
    /// </summary>
    public IReadOnlyList<ClassifiedPage> Classify(IReadOnlyList<PageContent> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var result = new List<ClassifiedPage>(pages.Count);
        (FormType Type, double Confidence) carried = (FormType.Other, 0);
        for (int i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            bool continues = i > 0 && ContinuationRule.Continues(pages[i - 1], carried.Type, page);
            var label = continues ? carried : ClassifyPage(page);
            result.Add(new ClassifiedPage(page, label.Type, label.Confidence));
            carried = label;
            if (page.Tables.Count > 1 && RegionOfTable(page, page.Tables.Count - 1) is { } region
                && ContinuationRule.HasTitleAbove(region, region.Tables[0]))
                carried = ClassifyPage(region);
        }
        return result;
    }

    /// <summary>A page made of one table and the text lines between it and the table above it.</summary>
    public static PageContent? RegionOfTable(PageContent page, int index)
    {
        var table = page.Tables[index];
        if (table.Box.Area <= 0) return null;
        double top = index > 0 && page.Tables[index - 1].Box.Area > 0 ? page.Tables[index - 1].Box.Bottom : 0;
        var lines = page.Lines.Where(l => l.Box.Area > 0 && l.Box.Y >= top - 1 && l.Box.Bottom <= table.Box.Y + 1).ToList();
        var rows = Enumerable.Range(0, table.RowCount)
            .Select(r => string.Join(" ", table.Cells.Where(c => c.Row == r).OrderBy(c => c.Col).Select(c => c.Text)));
        return new PageContent
        {
            PageNumber = page.PageNumber, WidthPt = page.WidthPt, HeightPt = page.HeightPt, Rotation = page.Rotation,
            Scanned = page.Scanned, TextLayerUsable = page.TextLayerUsable, TextConfidence = page.TextConfidence,
            Lines = lines, Tables = [table], RawText = string.Join("\n", lines.Select(l => l.Text).Concat(rows)),
        };
    }

    // ---- Persistence ---------------------------------------------------------------------------------------

    public void Save(string path)
    {
        var json = Model.ToJson(Classes.Select(c => c.Label()).ToArray(), Training);
        json["features"] = new JsonObject
        {
            ["hashBits"] = PageFeatures.HashBits,
            ["layout"] = new JsonArray(PageFeatures.LayoutNames.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
        };
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, json.ToJsonString(SoftmaxRegression.JsonOptions));
    }

    /// <summary>Loads a model file; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static PageClassifier Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"page classifier model not found: {path}", path);
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not JSON ({e.Message})", e); }
        if (node is null) throw new InvalidDataException($"{path}: empty model");
        if (node["features"]?["hashBits"] is { } hb && (int)hb != PageFeatures.HashBits)
            throw new InvalidDataException($"{path}: model was trained with {(int)hb} hash bits, the features use {PageFeatures.HashBits}");
        var (model, names, training) = SoftmaxRegression.FromJson(node);
        if (model.Dimension != PageFeatures.Dimension)
            throw new InvalidDataException($"{path}: model dimension {model.Dimension} differs from the features' {PageFeatures.Dimension}");
        var classes = names.Select(n => FormTypes.TryParse(n, out var t) ? t
            : throw new InvalidDataException($"{path}: unknown form type '{n}'")).ToArray();
        return new PageClassifier(model, classes, training);
    }

    /// <summary>
    /// The default model: $EXTRACTOR_MODELS/page-classifier.json, else models/page-classifier.json in the first
    /// folder at or above the application's folder that holds Extractor.slnx (or a models/ folder). Null when none.
    /// </summary>
    public static PageClassifier? LoadDefault()
    {
        var path = FindDefaultModel();
        return path is null ? null : Load(path);
    }

    public static string? FindDefaultModel()
    {
        var env = Environment.GetEnvironmentVariable(ModelsEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            var p = Directory.Exists(env) ? Path.Combine(env, DefaultFileName) : env;
            if (File.Exists(p)) return p;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, "models", DefaultFileName);
            if (File.Exists(p)) return p;
            if (File.Exists(Path.Combine(dir.FullName, "Extractor.slnx"))) return null;
        }
        return null;
    }
}

/// <summary>
/// When a page continues the table of the page before it: the reader says so (<see cref="Table.ContinuesPrevious"/>),
/// or its first table has no title above it and has the column structure of the previous page's last table.
/// Only tables continue, so a previous page labelled 封面目录 or 文字说明 never passes its label on.
/// </summary>
public static class ContinuationRule
{
    public static bool Continues(PageContent previous, FormType previousType, PageContent page)
    {
        if (previousType is FormType.Cover or FormType.Narrative) return false;
        if (page.Tables.Count == 0 || previous.Tables.Count == 0) return false;
        var first = page.Tables[0];
        // A page that only ends the previous table and then carries a new, titled form belongs to the new form.
        if (!FillsMostOfPage(page, first)) return false;
        if (first.ContinuesPrevious) return true;
        if (HasTitleAbove(page, first)) return false;
        var last = previous.Tables[^1];
        return first.ColCount == last.ColCount && SimilarColumns(last, first);
    }

    /// <summary>
    /// The table spans at least half of the page's content height (true when boxes are unknown). A note under a table
    /// (注：本表反映…) is the table's own: a one-row continuation with its note fills the page as much as it can.
    /// </summary>
    public static bool FillsMostOfPage(PageContent page, Table table)
    {
        if (table.Box.Area <= 0) return true;
        double top = double.MaxValue, bottom = double.MinValue;
        foreach (var l in page.Lines)
            if (l.Box.Area > 0 && !(l.Box.Y >= table.Box.Bottom - 1 && PageFeatures.Normalize(l.Text).StartsWith('注')))
            { top = Math.Min(top, l.Box.Y); bottom = Math.Max(bottom, l.Box.Bottom); }
        foreach (var t in page.Tables)
            if (t.Box.Area > 0) { top = Math.Min(top, t.Box.Y); bottom = Math.Max(bottom, t.Box.Bottom); }
        return bottom <= top || table.Box.Height >= 0.5 * (bottom - top);
    }

    /// <summary>A text line above the table that reads as a title (not a page number, not only a unit note).</summary>
    public static bool HasTitleAbove(PageContent page, Table table)
    {
        foreach (var line in page.Lines)
        {
            if (line.Box.Area > 0 && table.Box.Area > 0 && line.Box.Bottom > table.Box.Y + 1) continue;
            var t = PageFeatures.Normalize(line.Text);
            if (t.Length < 4) continue;
            if (t.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '—' or '─' or '第' or '页' or '共' or '/')) continue;
            if (t.StartsWith("单位") || t.StartsWith("金额单位")) continue;
            return true;
        }
        return false;
    }

    /// <summary>Column edges agree within a tolerance, relative to the table width, when both tables have boxes.</summary>
    private static bool SimilarColumns(Table a, Table b)
    {
        var ea = ColumnEdges(a);
        var eb = ColumnEdges(b);
        if (ea is null || eb is null || ea.Length != eb.Length) return true; // no geometry: the count alone decides
        double tol = Math.Max(6, 0.03 * Math.Max(a.Box.Width, b.Box.Width));
        for (int i = 0; i < ea.Length; i++) if (Math.Abs(ea[i] - eb[i]) > tol) return false;
        return true;
    }

    private static double[]? ColumnEdges(Table t)
    {
        var edges = new double[t.ColCount];
        var seen = new bool[t.ColCount];
        foreach (var c in t.Cells)
        {
            if (c.ColSpan != 1 || c.Col >= t.ColCount || c.Box.Area <= 0 || seen[c.Col]) continue;
            edges[c.Col] = c.Box.X;
            seen[c.Col] = true;
        }
        return seen.All(s => s) ? edges : null;
    }
}
