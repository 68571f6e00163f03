using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>
/// A document names the same indicators and projects many times (资金支付及时率 under every project, a project's
/// name on its 项目支出表 line and on its 绩效 page, the 实施期 and 年度 blocks of one row). A scanned reading one
/// misread character away from a reading the document gives clearly more often, or from its text layer, is that
/// reading. Only OCR'd cells change; readings with no clear majority stay as read.
/// </summary>
public static class ReadingConsensus
{
    // Weight of one reading: a text-layer cell is what the form printed.
    internal const int TextLayerWeight = 3;

    public static void Apply(Interpretation result, IReadOnlyList<Table> tables)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tables);
        bool Ocr(CellRef c) => c.Table >= 0 && c.Table < tables.Count && tables[c.Table].At(c.Row, c.Col) is { Source: CellSource.Ocr };
        var pagesWithOcr = tables.Where(t => t.Cells.Any(c => c.Source == CellSource.Ocr)).Select(t => t.Page).ToHashSet();

        // Indicator names.
        var inds = result.Indicators;
        var ocr = inds.Select(i => Ocr(i.Cell)).ToArray();
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < inds.Count; k++)
            if (inds[k].Name.Length > 0) support[inds[k].Name] = support.GetValueOrDefault(inds[k].Name) + (ocr[k] ? 1 : TextLayerWeight);
        for (int k = 0; k < inds.Count; k++)
            if (ocr[k] && Majority(inds[k].Name, support) is { } name) inds[k] = inds[k] with { Name = name };
        double NameConfidence(CellRef c) => c.Table >= 0 && c.Table < tables.Count ? tables[c.Table].At(c.Row, c.Col)?.Confidence ?? 0 : 0;
        SharePairNames(inds, ocr, support, NameConfidence);
        SharePairComparators(inds, ocr);
        SharePairLevels(inds, ocr);
        LevelsUnderTheirParent(inds, ocr);
        TargetUnitsFromActual(inds, ocr);
        CountUnitsFromName(inds, ocr);
        NamesCutBeforeTheirValue(inds, ocr);
        QualitativeValuesAgree(inds, ocr);

        // Project names: one reading per project (its 项目名称 cell or its 项目支出表 line), indicators follow.
        var projectSupport = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in result.Projects)
            projectSupport[p.Name] = projectSupport.GetValueOrDefault(p.Name) + (pagesWithOcr.Contains(p.FirstPage) ? 1 : TextLayerWeight);
        // A 整体 self-evaluation's project is the unit itself, whose name the document agrees on from all its readings.
        if (result.Info.UnitName is { Length: > 0 } unit)
            projectSupport[unit] = projectSupport.GetValueOrDefault(unit) + 2;
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int k = 0; k < result.Projects.Count; k++)
        {
            var p = result.Projects[k];
            if (!pagesWithOcr.Contains(p.FirstPage) || Majority(p.Name, projectSupport) is not { } name) continue;
            renamed[p.Name] = name;
            result.Projects[k] = p with { Name = name };
        }
        // A name the text layer prints (a mixed document's 项目支出表) with one character more or less: the scan
        // dropped a character or read a gap as one ("免疫规划冷链和运转经费" for 免疫规划冷链运转经费).
        var printedNames = result.Projects.Where(p => !pagesWithOcr.Contains(p.FirstPage)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        for (int k = 0; k < result.Projects.Count; k++)
        {
            var p = result.Projects[k];
            if (!pagesWithOcr.Contains(p.FirstPage) || renamed.ContainsKey(p.Name) || p.Name.Length < 6 || printedNames.Contains(p.Name)) continue;
            if (printedNames.Where(n => OneCharacterMoreOrLess(p.Name, n)).Take(2).ToList() is not [var name]) continue;
            renamed[p.Name] = name;
            result.Projects[k] = p with { Name = name };
        }
        // Then what the document's other cells say: a project's name recurs in its 项目概况, 总体目标 and indicators.
        var cellTexts = tables.SelectMany(t => t.Cells).Select(c => new string(c.Text.Where(ch => !char.IsWhiteSpace(ch)).ToArray()))
            .Where(t => t.Length >= 4).ToList();
        for (int k = 0; k < result.Projects.Count; k++)
        {
            var p = result.Projects[k];
            if (!pagesWithOcr.Contains(p.FirstPage) || renamed.ContainsKey(p.Name) || NamedElsewhere(p.Name, cellTexts) is not { } name) continue;
            renamed[p.Name] = name;
            result.Projects[k] = p with { Name = name };
        }
        if (renamed.Count > 0)
            for (int k = 0; k < inds.Count; k++)
                if (renamed.TryGetValue(inds[k].Project, out var name)) inds[k] = inds[k] with { Project = name };
    }

    /// <summary>
    /// The reading <paramref name="reading"/> stands for: the unique closest reading within one misread character
    /// (two in long names) that has at least twice its support and more than one reading's worth; null to keep it.
    /// A reading with a mark or letter no name holds ("《染病监测项目") needs only as much support behind a clean one.
    /// </summary>
    public static string? Majority(string reading, IReadOnlyDictionary<string, int> support)
    {
        if (reading.Length < 4) return null;
        int own = support.GetValueOrDefault(reading, 1);
        if (OcrLexicon.JoinSplitGlyphs(reading) is var joined && joined != reading && support.GetValueOrDefault(joined) >= own) return joined;
        // Rule ends and seal strokes read after the name ("资金使用合规率-ASK4"): the name without them, given elsewhere.
        int end = reading.Length;
        while (end > 0 && !IsNameChar(reading[end - 1]) && reading[end - 1] is not ('%' or '。')) end--;
        if (end >= 4 && end < reading.Length && reading[end..].Any(c => !char.IsAsciiDigit(c)) && support.GetValueOrDefault(reading[..end]) >= own)
            return reading[..end];
        int allow = Allowance(reading);
        // Digits are printed in names (完成2个项目); other marks and letters are misread glyphs.
        bool dirty = reading.Any(c => !IsNameChar(c) && !char.IsAsciiDigit(c) && c is not ('%' or '.'));
        return SupportVote.Closest(reading, support,
            (other, s) => s >= (dirty && other.All(IsNameChar) ? own : Math.Max(2, 2 * own)) && Math.Abs(other.Length - reading.Length) <= 2,
            other => OcrLexicon.Distance(reading, other), allow)?.Text;
    }

    /// <summary>
    /// The name a scanned reading stands for when other cells of the document hold it (项目概况 "X用于…", 总体目标
    /// "按时完成X，…", indicators "完成X任务数"): no other cell contains the reading, and two or more contain one text a
    /// single character away from it (the same length, one character replaced), no other text doing as much. Null
    /// to keep the reading. Texts are compared without whitespace; a cell equal to the reading is its own cell.
    /// </summary>
    public static string? NamedElsewhere(string reading, IReadOnlyList<string> texts)
    {
        if (reading.Length < 4) return null;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in texts)
        {
            if (t == reading || t.Length < reading.Length) continue;
            if (t.Contains(reading, StringComparison.Ordinal)) return null;
            seen.Clear();
            foreach (var (start, _) in TextNorm.OneOffWindows(t, reading)) seen.Add(t.Substring(start, reading.Length));
            foreach (var c in seen) counts[c] = counts.GetValueOrDefault(c) + 1;
        }
        var named = counts.Where(kv => kv.Value >= 2 && kv.Key.All(IsNameChar)).ToList();
        return named.Count == 1 ? named[0].Key : null;
    }

    // Whether one text is the other with one character taken out.
    private static bool OneCharacterMoreOrLess(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) != 1) return false;
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        int i = 0;
        while (i < shorter.Length && shorter[i] == longer[i]) i++;
        return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }

    // Names are Chinese; a Latin letter or mark in one is a misread glyph (quotes and brackets are printed).
    private static bool IsNameChar(char c) => c is >= '\u3400' and <= '\u9FFF' or '“' or '”' or '（' or '）' or '(' or ')' or '、';

    // One Chinese character misread (2) or a mark; long names one more.
    private static int Allowance(string reading) => reading.Length >= 8 ? 3 : 2;

    /// <summary>
    /// The 实施期 and 年度 blocks of one scanned row give one indicator's target twice; where one reads "≥4次" and the
    /// other "24次" (≥ read as 2, the rest alike), both are ≥4次.
    /// </summary>
    private static void SharePairComparators(List<Indicator> inds, bool[] ocr)
    {
        for (int k = 0; k + 1 < inds.Count; k++)
        {
            var (a, b) = (inds[k], inds[k + 1]);
            if (a.Period != "实施期" || b.Period != "年度" || a.Cell.Table != b.Cell.Table || a.Cell.Row != b.Cell.Row) continue;
            if (a.Target is not { Length: >= 2 } ta || b.Target is not { Length: >= 2 } tb || ta[1..] != tb[1..]) continue;
            if (ta[0] == '≥' && tb[0] == '2' && ocr[k + 1]) inds[k + 1] = b with { Target = ta, TargetParsed = TargetParser.Parse(ta) };
            else if (tb[0] == '≥' && ta[0] == '2' && ocr[k]) inds[k] = a with { Target = tb, TargetParsed = TargetParser.Parse(tb) };
        }
    }

    /// <summary>
    /// The 实施期 and 年度 blocks of one scanned row stand under one 二级指标 each side: where one side reads a level of
    /// the national framework and the other something that is none ("本", "2.!" for 质量指标 and 社会效益 under a
    /// seal), both are the known one. Two known levels that differ stay as read.
    /// </summary>
    private static void SharePairLevels(List<Indicator> inds, bool[] ocr)
    {
        for (int k = 0; k + 1 < inds.Count; k++)
        {
            var (a, b) = (inds[k], inds[k + 1]);
            if (a.Period != "实施期" || b.Period != "年度" || a.Cell.Table != b.Cell.Table || a.Cell.Row != b.Cell.Row) continue;
            bool knownA = FormVocabulary.IndicatorLevels.Contains(a.Level2), knownB = FormVocabulary.IndicatorLevels.Contains(b.Level2);
            if (knownA && !knownB && ocr[k + 1]) inds[k + 1] = b with { Level2 = a.Level2 };
            else if (knownB && !knownA && ocr[k]) inds[k] = a with { Level2 = b.Level2 };
        }
    }

    /// <summary>
    /// A scanned target that lost its unit at the cell's edge ("≥93" beside 98%, "27" beside 27项): what was achieved
    /// is counted in the target's unit, so the bare number takes the unit its actual value is read with (and a bare
    /// actual value its target's), and the fact is flagged for review.
    /// </summary>
    private static void TargetUnitsFromActual(List<Indicator> inds, bool[] ocr)
    {
        for (int k = 0; k < inds.Count; k++)
        {
            var i = inds[k];
            if (!ocr[k]) continue;
            // A unit supplied, not read: the fact goes to review ("1047" beside 1015.99万元 was ≤1047.41万元).
            if (i.Target is { Length: > 0 } target && char.IsAsciiDigit(target[^1]) && i.TargetParsed is { Value: not null, Unit: null or "" } &&
                TargetParser.Parse(i.Actual) is { Value: not null, Unit: { Length: > 0 } unit } && WithUnit(target, unit) is var mended)
                inds[k] = i with { Target = mended, TargetParsed = TargetParser.Parse(mended), Flagged = true };
            // And the other way: "42" achieved against ≥40项 is 42项.
            else if (i.Actual is { Length: > 0 } actual && char.IsAsciiDigit(actual[^1]) &&
                     TargetParser.Parse(actual) is { Value: not null, Unit: null or "" } && i.TargetParsed is { Value: not null, Unit: { Length: > 0 } tu })
                inds[k] = i with { Actual = WithUnit(actual, tu), Flagged = true };
        }
    }

    // A percent sign read as digits ("9504" beside ≥90%) is one: the rate is its first two digits (or 100).
    private static string WithUnit(string number, string unit) =>
        unit == "%" ? TextNorm.PercentWithoutCircles(number + unit) : number + unit;

    /// <summary>
    /// A scanned count whose unit was misread ("≥11%" or "≥9跟" for 开展培训次数's ≥11次): what the name counts
    /// (…次数, …人数) sets the unit. A unit that is a measure word of its own (场, 名) stays as printed; the fact is
    /// flagged for review.
    /// </summary>
    private static void CountUnitsFromName(List<Indicator> inds, bool[] ocr)
    {
        for (int k = 0; k < inds.Count; k++)
        {
            var i = inds[k];
            var counted = TargetParser.UnitNamedBy(i.Name);
            // Rates are left to review: "≥95次" for a 率 may as well be a misread name.
            if (!ocr[k] || counted is not ("次" or "人")) continue;
            string? Mended(string? value) =>
                value is { Length: > 1 } v && TargetParser.Parse(v) is { Value: not null, Unit: { Length: 1 } u } && u != counted &&
                !MeasureWords.Contains(u[0]) && v.EndsWith(u, StringComparison.Ordinal) ? v[..^1] + counted : null;
            if (Mended(i.Target) is { } target) i = i with { Target = target, TargetParsed = TargetParser.Parse(target), Flagged = true };
            if (Mended(i.Actual) is { } actual) i = i with { Actual = actual, Flagged = true };
            inds[k] = i;
        }
    }

    /// <summary>
    /// A scanned name whose wrapped last character was lost ("保障传染病监测项目正常运" with 正常运转 as its value): names
    /// echo their qualitative value, so a name ending in the first three or more characters of its target (or achieved
    /// value) and not the whole of it is completed with the rest, and goes to review.
    /// </summary>
    private static void NamesCutBeforeTheirValue(List<Indicator> inds, bool[] ocr)
    {
        for (int k = 0; k < inds.Count; k++)
        {
            var i = inds[k];
            if (!ocr[k] || i.Name.Length < 5) continue;
            foreach (var value in new[] { i.Target, i.Actual })
            {
                if (value is not { Length: >= 4 } v || !v.All(TextNorm.IsCjk) || i.Name.EndsWith(v, StringComparison.Ordinal)) continue;
                int m = Enumerable.Range(3, v.Length - 3).LastOrDefault(n => i.Name.EndsWith(v[..n], StringComparison.Ordinal));
                if (m == 0 || i.Name.Length - m < 2) continue;
                inds[k] = i with { Name = i.Name + v[m..], Flagged = true };
                break;
            }
        }
    }

    // Units a count may be printed in besides 次 and 人 (6场, 30名, 12户).
    private const string MeasureWords = "次人场期批轮名位户个家所项台套件本篇份天日月年元辆座处条张册";

    /// <summary>
    /// A qualitative target and its achieved value one character apart ("有效提商" against 有效提高, "长其" against
    /// 长期): the reading the document gives elsewhere is both, when the other is given nowhere else. Two readings
    /// each given more than once (有效提高 against 有效提升) stay as read: a value may differ from its target.
    /// </summary>
    private static void QualitativeValuesAgree(List<Indicator> inds, bool[] ocr)
    {
        static bool Phrase(string? t) => t is { Length: >= 2 } && t.All(TextNorm.IsCjk);
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < inds.Count; k++)
            foreach (var t in new[] { inds[k].Target, inds[k].Actual })
                if (Phrase(t)) support[t!] = support.GetValueOrDefault(t!) + (ocr[k] ? 1 : TextLayerWeight);
        for (int k = 0; k < inds.Count; k++)
        {
            var i = inds[k];
            if (!ocr[k] || !Phrase(i.Target) || !Phrase(i.Actual) || TextNorm.SingleDifference(i.Target, i.Actual) < 0) continue;
            int st = support[i.Target!], sa = support[i.Actual!];
            if (Math.Min(st, sa) > 1 || st == sa) continue;
            var value = st > sa ? i.Target : i.Actual;
            inds[k] = i with { Target = value, TargetParsed = TargetParser.Parse(value), Actual = value };
        }
    }

    /// <summary>
    /// A scanned 二级指标 that is no level of the framework ("数到", "质量失") under a 一级指标 that is one: the child of
    /// that parent whose first character the reading starts with, when only one does (产出's 数量/质量/时效/成本,
    /// 效益's 经济/社会/生态/可持续 all differ there). Written as the table's known levels are, with 指标 or without
    /// (经济效益 or 经济效益指标; the two-character ones always with).
    /// </summary>
    private static void LevelsUnderTheirParent(List<Indicator> inds, bool[] ocr)
    {
        for (int k = 0; k < inds.Count; k++)
        {
            var i = inds[k];
            if (!ocr[k] || i.Level2.Length == 0 || FormVocabulary.IndicatorLevels.Contains(i.Level2) ||
                !FormVocabulary.IndicatorLevels.Contains(i.Level1)) continue;
            var words = FormVocabulary.ChildLevels(i.Level1).Where(w => w[0] == i.Level2[0]).ToList();
            if (words.Count != 1 || i.Level2.Length > words[0].Length + 2) continue;
            var w = words[0];
            if (i.Level2 == w) continue;   // printed bare ("数量"): as read
            var known = inds.Where(o => o.Cell.Table == i.Cell.Table && o.Level2.Length > 4 && FormVocabulary.IndicatorLevels.Contains(o.Level2))
                .Select(o => o.Level2).ToList();
            bool bare = w.Length > 2 && known.Count > 0 && known.All(l => !l.EndsWith("指标"));
            inds[k] = i with { Level2 = bare ? w : w + "指标" };
        }
    }

    /// <summary>
    /// The 实施期 and 年度 blocks of a scanned 绩效目标表 row list one indicator twice: two readings a misread apart are
    /// one name, the better supported one (else the surer cell's).
    /// </summary>
    private static void SharePairNames(List<Indicator> inds, bool[] ocr, Dictionary<string, int> support, Func<CellRef, double> confidence)
    {
        for (int k = 0; k + 1 < inds.Count; k++)
        {
            var (a, b) = (inds[k], inds[k + 1]);
            if (a.Period != "实施期" || b.Period != "年度" || a.Cell.Table != b.Cell.Table || a.Cell.Row != b.Cell.Row) continue;
            if (a.Name == b.Name || !ocr[k] || !ocr[k + 1] || Math.Min(a.Name.Length, b.Name.Length) < 4) continue;
            // One reading the other's start, one or two Chinese characters short: those were lost at the cell's edge
            // or on a wrapped last line ("项目完成" beside "项目完成时间") — or a speck was read as one more
            // ("工作任务完成率只", "…持续发挥作用本"): the reading the document gives more often elsewhere wins; else
            // two characters more are a line (the longer), and one more is a speck unless other names of the document
            // end with it too (…合格 beside …合格率).
            var (shorter, longer) = a.Name.Length < b.Name.Length ? (a.Name, b.Name) : (b.Name, a.Name);
            if (longer.Length - shorter.Length <= 2 && longer.StartsWith(shorter, StringComparison.Ordinal) &&
                longer[shorter.Length..].All(TextNorm.IsCjk))
            {
                int ss = support.GetValueOrDefault(shorter), sl = support.GetValueOrDefault(longer);
                bool namesEnd = support.Keys.Count(n => n != longer && n.Length > 1 && n[^1] == longer[^1]) >= 2;
                var name = ss != sl ? (ss > sl ? shorter : longer) : longer.Length - shorter.Length == 2 || namesEnd ? longer : shorter;
                inds[k] = a with { Name = name };
                inds[k + 1] = b with { Name = name };
                continue;
            }
            if (OcrLexicon.Distance(a.Name, b.Name) > Allowance(a.Name))
            {
                // Further apart, where a seal or a shadow lies over one block ("多多支全入时率" beside 资金支付及时率,
                // "三痊任务完成率" beside 工作任务完成率): of like length and ending, with two in five characters in
                // place, the reading the engine was clearly surer of is both; the one changed goes to review.
                double ca = confidence(a.Cell), cb = confidence(b.Cell);
                int common = Math.Min(a.Name.Length, b.Name.Length), inPlace = 0;
                for (int c = 0; c < common; c++) if (a.Name[c] == b.Name[c]) inPlace++;
                bool alike = Math.Abs(a.Name.Length - b.Name.Length) <= 1 && a.Name[^1] == b.Name[^1] && 5 * inPlace >= 2 * common;
                if (!alike || Math.Abs(ca - cb) < 0.2 || !(ca > cb ? a.Name : b.Name).All(IsNameChar)) continue;
                if (ca > cb) inds[k + 1] = b with { Name = a.Name, Flagged = true };
                else inds[k] = a with { Name = b.Name, Flagged = true };
                continue;
            }
            int sa = support.GetValueOrDefault(a.Name), sb = support.GetValueOrDefault(b.Name);
            bool cleanA = a.Name.All(IsNameChar), cleanB = b.Name.All(IsNameChar);
            bool keepA = sa != sb ? sa > sb : cleanA != cleanB ? cleanA : a.Confidence >= b.Confidence;
            if (keepA) inds[k + 1] = b with { Name = a.Name };
            else inds[k] = a with { Name = b.Name };
        }
    }
}
