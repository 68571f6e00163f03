using Extractor.Domain;

namespace Extractor.Facts;

/// <summary>
/// Code → name of the 政府收支分类科目 (functional 2xx and economic 3xx). Seeded from models/subject-codes.tsv and
/// extended by every ingested document; a code may carry several names (the classification is renamed over years).
/// </summary>
public sealed class SubjectCodeDictionary
{
    private readonly Dictionary<string, List<string>> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _allNames = new(StringComparer.Ordinal);

    // Pairs of characters that OCR of these forms confuses.
    private static readonly (char A, char B)[] Confusions =
    [
        ('支', '文'), ('己', '已'), ('未', '末'), ('士', '土'), ('人', '入'), ('日', '曰'), ('务', '多'), ('费', '贵'),
        ('办', '力'), ('保', '堡'), ('体', '休'), ('事', '爭'), ('管', '菅'), ('理', '埋'), ('险', '脸'), ('治', '冶'),
    ];

    public int Count => _names.Count;
    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Entries =>
        _names.Select(kv => new KeyValuePair<string, IReadOnlyList<string>>(kv.Key, kv.Value));

    /// <summary>Reads code&lt;TAB&gt;name lines; `#` starts a comment.</summary>
    public static SubjectCodeDictionary Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"subject code dictionary not found: {path}", path);
        var d = new SubjectCodeDictionary();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length >= 2) d.Add(parts[0], parts[1]);
        }
        return d;
    }

    /// <summary>
    /// $EXTRACTOR_MODELS/subject-codes.tsv (where the page classifier's model is looked for too), else
    /// models/subject-codes.tsv beside the app or in the repository (walking up from the app folder).
    /// </summary>
    public static SubjectCodeDictionary LoadDefault() => LoadDefault(Environment.GetEnvironmentVariable("EXTRACTOR_MODELS"));

    /// <summary>As <see cref="LoadDefault()"/>, with the models folder given rather than taken from the environment.</summary>
    public static SubjectCodeDictionary LoadDefault(string? modelsDirectory)
    {
        if (modelsDirectory is { Length: > 0 } && Path.Combine(modelsDirectory, "subject-codes.tsv") is var m && File.Exists(m))
            return Load(m);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, "models", "subject-codes.tsv");
            if (File.Exists(p)) return Load(p);
        }
        return new SubjectCodeDictionary();
    }

    public void Add(string code, string name)
    {
        var c = TextNorm.Code(code);
        var n = TextNorm.Normalize(name);
        if (c is null || !new SubjectCode(c).IsValid || n.Length == 0) return;
        if (!_names.TryGetValue(c, out var list)) _names[c] = list = [];
        if (!list.Contains(n)) list.Add(n);
        _allNames.Add(n);
    }

    /// <summary>Whether any code carries this name (normalized as <see cref="TextNorm.Normalize"/> does).</summary>
    public bool ContainsName(string name) => _allNames.Contains(name);

    /// <summary>A subject name of the same length one character from <paramref name="name"/> (which none is), or null.</summary>
    public string? OneCharacterFrom(string name)
    {
        if (name.Length < 4 || _allNames.Contains(name)) return null;
        foreach (var n in _allNames)
            if (TextNorm.SingleDifference(n, name) >= 0) return n;
        return null;
    }

    /// <summary>Adds the code/name pairs of trusted (unflagged) lines.</summary>
    public void Learn(IEnumerable<BudgetLine> lines)
    {
        foreach (var l in lines)
            if (l.Code is { } c && !l.Flagged && l.Confidence >= 0.9 && !string.IsNullOrEmpty(l.Name)) Add(c, l.Name);
    }

    public bool Contains(string code) => _names.ContainsKey(code);

    public string? NameOf(string code) => _names.TryGetValue(code, out var l) ? l[0] : null;

    public IReadOnlyList<string> NamesOf(string code) => _names.TryGetValue(code, out var l) ? l : [];

    /// <summary>How a printed name agrees with the names known for its code.</summary>
    public NameMatch Match(string code, string name)
    {
        if (!_names.TryGetValue(code, out var known)) return NameMatch.UnknownCode;
        var n = TextNorm.Normalize(name);
        if (known.Contains(n)) return NameMatch.Same;
        foreach (var k in known) if (OcrClose(k, n)) return NameMatch.OcrVariant;
        return NameMatch.Different;
    }

    /// <summary>The known name closest to <paramref name="name"/> (for suggestions).</summary>
    public string? Closest(string code, string name)
    {
        var n = TextNorm.Normalize(name);
        return NamesOf(code).OrderBy(k => Distance(k, n)).FirstOrDefault();
    }

    /// <summary>Same length with only confusable characters differing, or one edit away for names of 4+ characters.</summary>
    public static bool OcrClose(string a, string b)
    {
        if (a.Length == b.Length)
        {
            int diff = 0;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] == b[i]) continue;
                if (!Confusions.Any(p => (p.A == a[i] && p.B == b[i]) || (p.B == a[i] && p.A == b[i])) && a.Length < 4) return false;
                diff++;
            }
            return diff <= Math.Max(1, a.Length / 5);
        }
        return Math.Min(a.Length, b.Length) >= 4 && Distance(a, b) <= 1;
    }

    /// <summary>Levenshtein distance (every edit costs 1).</summary>
    public static int Distance(string a, string b) => TextNorm.EditDistance(a, b, UnitGap, UnitSub);

    private static readonly Func<char, int> UnitGap = _ => 1;
    private static readonly Func<char, char, int> UnitSub = (x, y) => x == y ? 0 : 1;
}

public enum NameMatch { UnknownCode = 0, Same, OcrVariant, Different }
