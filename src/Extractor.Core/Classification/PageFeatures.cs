using System.Globalization;
using System.Text;
using Extractor.Domain;

namespace Extractor.Classification;

/// <summary>
/// Turns a page into a sparse vector: hashed character n-grams (1–3) of the title region, of the tables' header
/// rows and of the whole text, each group sub-linearly scaled and L2-normalised, plus a few layout measures
/// (tables, columns, rows, numeric cells, table coverage, orientation, prose punctuation, code shapes).
/// Hashing (FNV-1a, not string.GetHashCode) keeps the vector identical across runs and machines.
/// </summary>
public static partial class PageFeatures
{
    /// <summary>Buckets for hashed text features.</summary>
    public const int HashBits = 14;
    public const int HashBuckets = 1 << HashBits;

    /// <summary>Dense layout features stored after the hash buckets.</summary>
    public static readonly string[] LayoutNames =
    [
        "bias", "tables=0", "tables=1", "tables>=2", "cols<=3", "cols4-6", "cols>=7", "rows<=5", "rows6-20", "rows>20",
        "numericShare", "tableCoverage", "landscape", "noText", "shortText", "sentenceDensity", "listPunctuation",
        "funcCodes", "econCodes", "econShare", "amountLines", "titleAboveTable", "firstTableNearTop",
        "lines<=8", "lines9-20", "lines>20", "tocLines", "largeType", "longLines",
    ];

    public static int Dimension => HashBuckets + LayoutNames.Length;

    // Group weights: the title says most about the form, header cells next, the body least.
    private const double TitleWeight = 2.0, HeaderWeight = 1.0, BodyWeight = 1.0, LayoutWeight = 1.0;

    /// <summary>Title region: lines above the first table, or in the top part of the page when there is none.</summary>
    private const double TitleRegionShare = 0.3;
    private const int MaxTitleLines = 5, HeaderRows = 3;

    public static FeatureVector Extract(PageContent page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var acc = new Dictionary<int, double>();

        AddGroup(acc, "t:", TitleLines(page), TitleWeight);
        AddGroup(acc, "h:", HeaderCells(page), HeaderWeight);
        AddGroup(acc, "b:", [page.RawText], BodyWeight);

        var layout = Layout(page);
        for (int i = 0; i < layout.Length; i++)
            if (layout[i] != 0) acc[HashBuckets + i] = layout[i] * LayoutWeight;

        return FeatureVector.FromPairs(acc);
    }

    /// <summary>The text lines that make up the page's title region (normalised).</summary>
    public static IReadOnlyList<string> TitleLines(PageContent page)
    {
        double height = page.HeightPt > 0 ? page.HeightPt : MaxBottom(page);
        double limit = height * TitleRegionShare;
        if (page.Tables.Count > 0 && page.Tables[0].Box.Area > 0) limit = Math.Max(limit, page.Tables[0].Box.Y);
        var firstTableTop = page.Tables.Count > 0 && page.Tables[0].Box.Area > 0 ? page.Tables[0].Box.Y : double.MaxValue;
        var result = new List<string>();
        foreach (var line in page.Lines)
        {
            if (line.Box.Area > 0 && (line.Box.Y > limit || line.Box.Y >= firstTableTop)) continue;
            var t = Normalize(line.Text);
            if (t.Length == 0 || IsPageNumber(t)) continue;
            result.Add(t);
            if (result.Count == MaxTitleLines) break;
        }
        return result;
    }

    private static IEnumerable<string> HeaderCells(PageContent page)
    {
        foreach (var table in page.Tables)
            foreach (var cell in table.Cells)
                if (cell.Row < HeaderRows && !cell.IsEmpty) yield return Normalize(cell.Text);
    }

    private static void AddGroup(Dictionary<int, double> acc, string prefix, IEnumerable<string> texts, double weight)
    {
        var counts = new Dictionary<int, double>();
        foreach (var raw in texts)
        {
            var text = Normalize(raw);
            for (int n = 1; n <= 3; n++)
                for (int i = 0; i + n <= text.Length; i++)
                {
                    int h = Bucket(prefix, text.AsSpan(i, n));
                    counts[h] = counts.TryGetValue(h, out var c) ? c + 1 : 1;
                }
        }
        if (counts.Count == 0) return;
        double norm = 0;
        foreach (var c in counts.Values) norm += Math.Pow(1 + Math.Log(c), 2);
        norm = Math.Sqrt(norm);
        foreach (var (k, c) in counts)
        {
            double v = weight * (1 + Math.Log(c)) / norm;
            acc[k] = acc.TryGetValue(k, out var old) ? old + v : v;
        }
    }

    private static double[] Layout(PageContent page)
    {
        var f = new double[LayoutNames.Length];
        int Idx(string name) => Array.IndexOf(LayoutNames, name);
        f[Idx("bias")] = 1;
        int tables = page.Tables.Count;
        f[Idx(tables == 0 ? "tables=0" : tables == 1 ? "tables=1" : "tables>=2")] = 1;
        if (tables > 0)
        {
            int cols = page.Tables.Max(t => t.ColCount), rows = page.Tables.Sum(t => t.RowCount);
            f[Idx(cols <= 3 ? "cols<=3" : cols <= 6 ? "cols4-6" : "cols>=7")] = 1;
            f[Idx(rows <= 5 ? "rows<=5" : rows <= 20 ? "rows6-20" : "rows>20")] = 1;
            int filled = 0, numeric = 0;
            foreach (var c in page.Tables.SelectMany(t => t.Cells))
            {
                if (c.IsEmpty) continue;
                filled++;
                if (LooksNumeric(c.Text)) numeric++;
            }
            f[Idx("numericShare")] = filled == 0 ? 0 : (double)numeric / filled;
            double pageArea = page.WidthPt * page.HeightPt;
            if (pageArea > 0) f[Idx("tableCoverage")] = Math.Min(1, page.Tables.Sum(t => t.Box.Area) / pageArea);
            f[Idx("titleAboveTable")] = page.Lines.Any(l => l.Box.Area > 0 && l.Box.Bottom <= page.Tables[0].Box.Y + 1
                && !IsPageNumber(Normalize(l.Text)) && Normalize(l.Text).Length >= 4) ? 1 : 0;
            if (page.HeightPt > 0) f[Idx("firstTableNearTop")] = page.Tables[0].Box.Y < page.HeightPt * 0.12 ? 1 : 0;
        }
        f[Idx("landscape")] = page.WidthPt > page.HeightPt ? 1 : 0;
        TextBlockShape(page, f, Idx);

        var text = Normalize(page.RawText);
        f[Idx("noText")] = text.Length == 0 ? 1 : 0;
        f[Idx("shortText")] = text.Length is > 0 and < 80 ? 1 : 0;
        if (text.Length > 0)
        {
            // Prose ends sentences with 。 and separates clauses with ，; tables rarely do.
            int sentences = text.Count(ch => ch == '。'), commas = text.Count(ch => ch is '，' or ',' or '；' or ';');
            f[Idx("sentenceDensity")] = Math.Min(1, sentences * 40.0 / text.Length);
            f[Idx("listPunctuation")] = Math.Min(1, commas * 20.0 / text.Length);
        }

        // Code shapes at line starts: 2xx functional (功能) codes vs 30x economic (经济) codes, and amount-only lines.
        int func = 0, econ = 0, amounts = 0, lines = 0;
        foreach (var rawLine in page.RawText.Split('\n'))
        {
            var l = rawLine.Trim();
            if (l.Length == 0) continue;
            lines++;
            int d = 0;
            while (d < l.Length && char.IsAsciiDigit(l[d])) d++;
            bool codeEnd = d == l.Length || !char.IsAsciiDigit(l[d]) && l[d] != '.' && l[d] != ',';
            if (codeEnd && d is 3 or 5 or 7)
            {
                if (l[0] == '2') func++;
                else if (l[0] == '3' && d <= 5) econ++;
            }
            if (System.Text.RegularExpressions.Regex.IsMatch(l, @"\d[\d,]*\.\d{2}\s*$")) amounts++;
        }
        if (lines > 0)
        {
            f[Idx("funcCodes")] = Math.Min(1, func / 8.0);
            f[Idx("econCodes")] = Math.Min(1, econ / 8.0);
            if (func + econ > 0) f[Idx("econShare")] = (double)econ / (func + econ);
            f[Idx("amountLines")] = (double)amounts / lines;
        }
        return f;
    }

    // Covers, tables of contents and prose differ in their lines outside tables: a cover has a few lines in
    // large type, a contents page lines that end in page numbers, prose many long lines of body type.
    private static void TextBlockShape(PageContent page, double[] f, Func<string, int> idx)
    {
        var lines = page.Lines.Where(l => Normalize(l.Text).Length > 0 && !IsPageNumber(Normalize(l.Text))).ToList();
        int n = lines.Count;
        f[idx(n <= 8 ? "lines<=8" : n <= 20 ? "lines9-20" : "lines>20")] = 1;
        if (n == 0) return;
        f[idx("tocLines")] = (double)lines.Count(l => TocEntry().IsMatch(Normalize(l.Text))) / n;
        var heights = lines.Where(l => l.Box.Height > 0).Select(l => l.Box.Height).Order().ToList();
        if (heights.Count >= 2)
        {
            double median = heights[heights.Count / 2];
            f[idx("largeType")] = median > 0 && heights[^1] >= 1.6 * median ? 1 : 0;
        }
        double width = page.WidthPt > 0 ? page.WidthPt : 595;
        f[idx("longLines")] = (double)lines.Count(l => l.Box.Width >= 0.6 * width) / n;
    }

    // A contents entry: text, optional dot leaders, a page number at the end (目录 lines).
    [System.Text.RegularExpressions.GeneratedRegex(@"^\D.*?[.…·]*\d{1,3}$")]
    private static partial System.Text.RegularExpressions.Regex TocEntry();

    private static double MaxBottom(PageContent page)
    {
        double m = 0;
        foreach (var l in page.Lines) m = Math.Max(m, l.Box.Bottom);
        foreach (var t in page.Tables) m = Math.Max(m, t.Box.Bottom);
        return m > 0 ? m : 842;
    }

    private static bool IsPageNumber(string t) =>
        t.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '—' or '─' or '–' or '第' or '页' or '/');

    private static bool LooksNumeric(string s)
    {
        int digits = 0, other = 0;
        foreach (var ch in s)
        {
            if (char.IsAsciiDigit(ch)) digits++;
            else if (ch is '.' or ',' or '-' or '%' or ' ') continue;
            else other++;
        }
        return digits > 0 && other == 0;
    }

    /// <summary>NFKC (full-width → half-width) and no whitespace, so that 收 支 预 算 and 收支预算 give the same n-grams.</summary>
    public static string Normalize(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var n = s.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(n.Length);
        foreach (var ch in n)
            if (!char.IsWhiteSpace(ch) && CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.Control) sb.Append(ch);
        return sb.ToString();
    }

    /// <summary>FNV-1a over the UTF-16 code units of prefix + gram, folded into the hash buckets.</summary>
    public static int Bucket(string prefix, ReadOnlySpan<char> gram)
    {
        uint h = 2166136261;
        foreach (var ch in prefix) { h ^= ch; h *= 16777619; }
        foreach (var ch in gram) { h ^= ch; h *= 16777619; }
        return (int)(h & (HashBuckets - 1));
    }
}
