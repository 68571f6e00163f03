using System.Text.RegularExpressions;
using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>Reads what a document says about itself (unit, year, 预算/决算/绩效评价, 部门/单位) from page text.</summary>
public static partial class DocumentInfoReader
{
    public static DocumentInfo Read(IReadOnlyList<ClassifiedPage> pages)
    {
        var lines = new List<(int Page, string Text)>();
        var scanned = new List<string>();
        foreach (var p in pages)
        {
            var seen = new HashSet<string>();
            foreach (var l in p.Content.Lines) { var t = TextNorm.Normalize(l.Text); if (t.Length > 0 && seen.Add(t)) lines.Add((p.Content.PageNumber, t)); }
            foreach (var l in p.Content.RawText.Split('\n')) { var t = TextNorm.Normalize(l); if (t.Length > 0 && seen.Add(t)) lines.Add((p.Content.PageNumber, t)); }
            // Every cell and line of a scanned page, repeats included: how often each reading of the unit occurs.
            if (!p.Content.TextLayerUsable)
                scanned.AddRange(p.Content.Lines.Select(l => l.Text).Concat(p.Content.Tables.SelectMany(t => t.Cells).Select(c => c.Text)));
        }
        var info = Read(lines.Select(l => l.Text).ToList());
        return info.UnitName is { } unit && MostRead(unit, scanned) is { } better ? info with { UnitName = better } : info;
    }

    /// <summary>
    /// A scanned document prints its unit's name on every page (主管部门, 实施单位, 填报单位, titles), and OCR misreads
    /// some of them one character off (阳凡市 / 阳峡市 for 阳泉市); the name chosen from the titles may be one of those.
    /// Among the readings in <paramref name="texts"/> one misread character away from <paramref name="unit"/> (two in
    /// long names), the one read clearly most often (more than <paramref name="unit"/> itself, and at least twice);
    /// null to keep <paramref name="unit"/>.
    /// </summary>
    public static string? MostRead(string unit, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(texts);
        int len = unit.Length;
        if (len < 4) return null;
        int allow = len >= 8 ? 4 : 2;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in texts)
        {
            var t = TextNorm.Normalize(raw);
            for (int j = 0; j + len <= t.Length; j++)
            {
                // A name ends in its kind of unit (中心, 局): anchor the window there.
                if (t[j + len - 1] != unit[^1]) continue;
                var sub = t.Substring(j, len);
                if (sub == unit || OcrLexicon.Distance(sub, unit) <= allow && sub.Select((c, k) => TextNorm.IsCjk(c) || c == unit[k]).All(ok => ok)) counts[sub] = counts.GetValueOrDefault(sub) + 1;
            }
        }
        var best = counts.Where(kv => kv.Key != unit).OrderByDescending(kv => kv.Value).FirstOrDefault();
        return best.Key is not null && best.Value >= 2 && best.Value > counts.GetValueOrDefault(unit)
               && counts.Count(kv => kv.Value == best.Value) == 1 ? best.Key : null;
    }

    /// <summary>From text lines in page order.</summary>
    public static DocumentInfo Read(IReadOnlyList<string> rawLines)
    {
        var lines = rawLines.Select(TextNorm.Normalize).Where(l => l.Length > 0).ToList();
        string? unit = null; int? year = null; var kind = DocumentKind.Unknown; var level = DocumentLevel.Unknown;
        var unitVotes = new Dictionary<string, int>();
        var yearVotes = new Dictionary<int, int>();
        for (int i = 0; i < lines.Count; i++)
        {
            var t = lines[i];
            var tm = TitleRegex().Match(t);
            if (tm.Success && t.Length <= 60)
            {
                var y = int.Parse(tm.Groups["year"].Value);
                yearVotes[y] = yearVotes.GetValueOrDefault(y) + (i < 40 ? 5 : 1);
                if (kind == DocumentKind.Unknown)
                    kind = tm.Groups["kind"].Value == "决算" ? DocumentKind.FinalAccount : DocumentKind.Budget;
                if (level == DocumentLevel.Unknown && tm.Groups["level"].Success)
                    level = tm.Groups["level"].Value == "部门" ? DocumentLevel.Department : DocumentLevel.Unit;
                var u = CleanUnit(tm.Groups["unit"].Value);
                if (u is not null) unitVotes[u] = unitVotes.GetValueOrDefault(u) + 3;
            }
            else if (kind == DocumentKind.Unknown && i < 40 && (t.Contains("绩效评价报告") || t.Contains("绩效自评报告")))
                kind = DocumentKind.PerformanceEvaluation;
            var lm = LabelRegex().Match(t);
            if (lm.Success && CleanUnit(lm.Groups["v"].Value) is { } v) unitVotes[v] = unitVotes.GetValueOrDefault(v) + 2;
        }
        // A cover page often has the unit alone on the line before the title.
        if (unitVotes.Count == 0)
            for (int i = 1; i < Math.Min(lines.Count, 40); i++)
                if (TitleRegex().IsMatch(lines[i]) && UnitNameRegex().IsMatch(lines[i - 1])) { unitVotes[lines[i - 1]] = 1; break; }
        if (unitVotes.Count > 0) unit = unitVotes.OrderByDescending(kv => kv.Value).First().Key;
        if (yearVotes.Count > 0) year = yearVotes.OrderByDescending(kv => kv.Value).First().Key;
        return new DocumentInfo { UnitName = unit, Year = year, Kind = kind, Level = level };
    }

    private static string? CleanUnit(string v)
    {
        v = CutRegex().Replace(v, "");
        v = v.Trim(':', '(', ')', '“', '”', '"');
        if (v.Length < 2 || v.StartsWith("万元") || v == "元" || v.All(c => char.IsAsciiDigit(c) || c == '.')) return null;
        return UnitNameRegex().IsMatch(v) ? v : null;
    }

    [GeneratedRegex(@"^(?<unit>.*?)(?<year>20\d\d)年度?(?:市级|省级)?(?<level>部门|单位)?(?:汇总)?(?<kind>预算|决算)(?:公开|报告|信息)?")]
    private static partial Regex TitleRegex();
    [GeneratedRegex(@"(?:单位名称|部门名称|编制单位|预算单位|^部门):(?<v>.+)")]
    private static partial Regex LabelRegex();
    [GeneratedRegex(@"((19|20)\d\d年度?.*|(金额)?单位:.*|公开\d+表.*)$")]
    private static partial Regex CutRegex();
    [GeneratedRegex(@"(中心|委员会|局|厅|院|办公室|办|所|站|部|会|馆|队|校|学院|政府|公司|处|科|室|社|台|团|人大常委会|政协)$")]
    private static partial Regex UnitNameRegex();
}
