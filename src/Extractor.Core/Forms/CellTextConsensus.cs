using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>
/// A document repeats its texts: every 绩效 page prints 年度资金总额：, 填报日期：…, its deviation reason and its
/// conclusion sentences, and the same indicator names under many projects. A scanned cell one slip away from a text
/// the document gives clearly more often (at least twice, and twice as often as the reading) is that text. A slip is
/// one Chinese character read as another (texts of six characters or more; ordinals only in sentences of sixteen or
/// more: 第一中学 beside 第二中学 is no slip, …下二步… for 下一步 is), a punctuation mark lost or read as another
/// (年度资金总额 for 年度资金总额：, 其中，办公经费 for 其中：办公经费), or a stray mark added; long texts (sixteen
/// characters or more) may hold two. A colon or comma the reading holds is never taken away, and digits, Latin
/// letters and anything else are never changed: 自评100分 and 自评98.5分 are two texts. Text-layer cells count
/// more (what the form printed) and are never changed.
/// </summary>
public static class CellTextConsensus
{
    private const int MinLength = 4, MinLengthForCharacters = 6, LongText = 16;
    private const string Ordinals = TextNorm.OrdinalCharacters;
    // Marks a scan loses, adds or confuses (after TextNorm.Normalize: full-width ：，；. are half-width).
    private const string Marks = ":,;.。、*'`\"";
    // Marks a scan adds from specks and rule ends.
    private const string StrayMarks = ";.*'`\"";
    private const int Never = 100;

    public static IReadOnlyList<ClassifiedPage> Apply(IReadOnlyList<ClassifiedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var cells = pages.SelectMany(p => p.Content.Tables).SelectMany(t => t.Cells).ToList();
        if (!cells.Any(c => c.Source == CellSource.Ocr)) return pages;
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        // The raw text a key is most often printed or read as, to write back.
        var spelled = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var c in cells)
        {
            var key = TextNorm.Normalize(c.Text);
            if (!Eligible(key)) continue;
            int w = c.Source == CellSource.TextLayer ? ReadingConsensus.TextLayerWeight : 1;
            support[key] = support.GetValueOrDefault(key) + w;
            var raw = spelled.TryGetValue(key, out var r) ? r : spelled[key] = new(StringComparer.Ordinal);
            raw[c.Text] = raw.GetValueOrDefault(c.Text) + w;
        }
        // Texts given twice or more, by length (a slip changes the length by two at most).
        var strong = support.Where(kv => kv.Value >= 2).Select(kv => kv.Key).ToLookup(k => k.Length);
        if (strong.Count == 0) return pages;
        var decided = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Replacement(string key)
        {
            if (decided.TryGetValue(key, out var known)) return known;
            var near = Enumerable.Range(key.Length - 2, 5).SelectMany(l => strong[l]);
            var best = Consensus(key, support.GetValueOrDefault(key, 1), near, support);
            return decided[key] = best is null ? null : spelled[best].MaxBy(kv => kv.Value).Key;
        }
        return pages.Select(p => OcrCellMending.Mend(p, c => TextNorm.Normalize(c.Text) is var key && Eligible(key) ? Replacement(key) : null)).ToList();
    }

    /// <summary>
    /// The text <paramref name="reading"/> stands for among <paramref name="texts"/> (with their support): the one
    /// a slip or two away with at least twice the reading's support and two readings' worth; null when none is, or
    /// two are equally close and supported.
    /// </summary>
    public static string? Consensus(string reading, int own, IEnumerable<string> texts, IReadOnlyDictionary<string, int> support)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(support);
        if (!Eligible(reading)) return null;
        // A label the forms print keeps its characters (年末结转和结余 beside a document's many 年初结转和结余 is the other
        // column, not a misreading of it); only its marks may be mended (年度资金总额 for 年度资金总额：).
        string? printedWords = OcrLexicon.IsFormWord(reading) ? WithoutMarks(reading) : null;
        int allow = reading.Length >= LongText ? 2 : 1;
        if (SupportVote.Closest(reading, texts.Select(t => KeyValuePair.Create(t, support.GetValueOrDefault(t))),
                (other, s) => s >= Math.Max(2, 2 * own) && Math.Abs(other.Length - reading.Length) <= allow &&
                              (printedWords is null || WithoutMarks(other) == printedWords),
                other => Slips(reading, other), allow) is not { } vote) return null;
        var (best, bestD) = vote;
        // A label the forms print is no consensus when the reading is as close to another of them: 年未结转和结余 is
        // one slip from the document's many 年初结转和结余 and from 年末结转和结余 alike.
        if (OcrLexicon.IsFormWord(best) && OcrLexicon.FormPhrases.Any(p => p != best && Math.Abs(p.Length - reading.Length) <= allow &&
                                                                       Slips(reading, p) <= bestD))
            return null;
        return best;
    }

    // Slips from a reading to a text: marks the reading lost or misread, stray marks it added, and (in texts long
    // enough) characters misread. A printed-looking mark the reading holds is not taken away: scans lose colons and
    // commas far more often than they invent them, and one page's 填报日期：… read whole outvoted by three that lost
    // the colon must stay whole.
    private static int Slips(string reading, string text)
    {
        int shorter = Math.Min(reading.Length, text.Length);
        bool characters = shorter >= MinLengthForCharacters, ordinals = shorter >= LongText;
        return TextNorm.EditDistance(reading, text,
            dropA: c => StrayMarks.Contains(c) ? 1 : Never,
            dropB: c => Marks.Contains(c) ? 1 : Never,
            sub: (x, y) =>
                x == y ? 0
                : Marks.Contains(x) && Marks.Contains(y) ? 1
                : characters && TextNorm.IsCjk(x) && TextNorm.IsCjk(y) && (ordinals || !Ordinals.Contains(x) && !Ordinals.Contains(y)) ? 1
                : Never);
    }

    private static string WithoutMarks(string text) => new(text.Where(c => !Marks.Contains(c)).ToArray());

    private static bool Eligible(string key) => key.Length >= MinLength && key.Count(TextNorm.IsCjk) >= 2;
}
