using System.Text.RegularExpressions;
using Extractor.Domain;

namespace Extractor.Facts;

/// <summary>
/// Post-correction of OCR'd cells against what the forms print: header and label phrases of the templates
/// (<see cref="FormVocabulary"/>) and the subject names of the 政府收支分类科目 dictionary. A reading that is not a
/// known phrase becomes one only when a single phrase is clearly closest (<see cref="Distance"/>; debris of rules and
/// specks at its ends free); ties and readings of unknown words are left as read. The engine's reading
/// stays on the cell (<see cref="Cell.OcrText"/>), so review and the store keep both. Text-layer cells are never
/// touched.
/// </summary>
public sealed partial class OcrLexicon
{
    private readonly HashSet<string> _phrases = new(StringComparer.Ordinal);
    private readonly List<string>[] _byLength;
    private readonly SubjectCodeDictionary _codes;
    private const int MaxLength = 40;

    public OcrLexicon(SubjectCodeDictionary codes)
    {
        _codes = codes;
        foreach (var p in FormVocabulary.Phrases.Concat(FormVocabulary.HeaderWords)) Add(p);
        foreach (var (_, names) in codes.Entries) foreach (var n in names) Add(n);
        _byLength = new List<string>[MaxLength + 3];
        for (int i = 0; i < _byLength.Length; i++) _byLength[i] = [];
        foreach (var p in _phrases) if (p.Length < _byLength.Length) _byLength[p.Length].Add(p);
        _classNames = codes.Entries.Where(e => e.Key.Length == 3 && e.Key[0] == '2').SelectMany(e => e.Value)
            .Select(TextNorm.Normalize).Distinct().ToList();
    }

    // Characters a value may print before its number (约100人, 达95%, 每年1次, 第4季度, 于2024年…).
    private const string ValueLeadWords = "约达近超共每第满按于在前后年月日计累合总均";

    // Names of the functional classification's 类 (201 一般公共服务支出 … 229 其他支出).
    private readonly List<string> _classNames;

    private void Add(string phrase)
    {
        var p = TextNorm.Normalize(phrase);
        if (p.Length >= 2 && p.Length <= MaxLength && p.Any(TextNorm.IsCjk)) _phrases.Add(p);
    }

    /// <summary>
    /// The phrase an OCR reading stands for, or null to keep the reading. <paramref name="code"/> is the subject code
    /// printed on the same row, if any: a name beside a known code is corrected only towards that code's names.
    /// </summary>
    public string? Correct(string reading, string? code = null)
    {
        var t = TextNorm.Normalize(reading);
        if (t.Length < 2 || t.Length > MaxLength || !t.Any(TextNorm.IsCjk) || _phrases.Contains(t)) return null;
        if (JoinSplitGlyphs(t) is var joined && joined != t && _phrases.Contains(joined)) return joined;
        // A year or an ordinal in front (2024年预算数, 一、, ①) is kept as read; the words after it are corrected.
        var lead = LeadingNumber().Match(t);
        string prefix = lead.Success ? lead.Value : "", body = t[prefix.Length..];
        // So is a closing colon (实施期资金总额：): part of the label as printed.
        string suffix = body.Length > 2 && body[^1] is ':' or '：' ? ":" : "";
        body = body[..^suffix.Length];
        // A speck or rule end read as one digit after a known label of four characters or more ("数量指标4",
        // "其他资金1"); short labels take numbers in print (指标1, 附表2).
        if (body.Length >= 5 && char.IsAsciiDigit(body[^1]) && TextNorm.IsCjk(body[^2]) && _phrases.Contains(body[..^1]) &&
            code is null)
            return prefix + body[..^1] + suffix;
        // Beside a known code the name is one of that code's: a reading that starts with most of exactly one of them,
        // four characters or more, then a misread end or debris ("商品和服务型4", "商品和服2" beside 302), is that name.
        if (code is not null && _codes.Contains(code) && NameByStart(body, _codes.NamesOf(code)) is { } named) return prefix + named + suffix;
        // Digits elsewhere are printed (6项, 填报日期：20231216), not misread words.
        if (body.Length < 2 || _phrases.Contains(body) || body.Any(char.IsAsciiDigit)) return null;

        IReadOnlyList<string>? codeNames = code is not null && _codes.Contains(code) ? _codes.NamesOf(code) : null;
        bool Known(string s) => codeNames is not null ? codeNames.Contains(s) : _phrases.Contains(s);

        // Debris of rules, specks and seal edges at the ends ("会议费=", "”时效指标", "租赁费SA").
        var trimmed = EndDebris().Replace(body, "");
        if (trimmed.Length >= 2 && trimmed != body && Known(trimmed)) return prefix + trimmed + suffix;

        // A long phrase whose last character was lost at the cell's edge ("一般公共预算财政拨"): the reading is the
        // start of exactly one phrase one character longer.
        if (body.Length >= 7 && codeNames is null && body.Length + 1 < _byLength.Length
            && _byLength[body.Length + 1].Where(p => p.StartsWith(body, StringComparison.Ordinal)).Take(2).ToList() is [var whole])
            return prefix + whole + suffix;

        // Closest phrase: unique at the smallest distance, within the allowance for its length. The reading is tried
        // as read and without its end debris (a leading "-" may be 一, or a speck).
        string core = trimmed.Length >= 2 ? trimmed : body;
        // One Chinese character misread (2), plus one mark in long phrases; short ones only marks.
        int allow = core.Length >= 8 ? 3 : core.Length >= 4 ? 2 : 1;
        string? best = null; int bestD = int.MaxValue;
        var tied = new List<string>();   // the phrases at the smallest distance, best first
        foreach (var form in trimmed.Length >= 2 && trimmed != body ? new[] { body, trimmed } : [body])
        {
            IEnumerable<string> candidates = codeNames ?? Enumerable.Range(Math.Max(2, form.Length - allow), 2 * allow + 1)
                .Where(l => l < _byLength.Length).SelectMany(l => _byLength[l]);
            foreach (var p in candidates)
            {
                if (Math.Abs(p.Length - form.Length) > allow) continue;
                int d = Distance(form, p);
                if (d < bestD) { bestD = d; best = p; tied.Clear(); tied.Add(p); }
                else if (d == bestD && !tied.Contains(p)) tied.Add(p);
            }
        }
        // Brackets come in pairs: a reading with one of them ("因公出国境)费") lost the other, not the one it shows
        // (因公出国(境)费 before 因公出国境费).
        if (tied.Count > 1 && (body.Contains('(') ^ body.Contains(')')) && tied.Where(p => p.Contains('(') && p.Contains(')')).ToList() is [var paired])
            tied = [best = paired];
        if ((best is null || tied.Count > 1 || bestD > allow) && OrdinalItem().IsMatch(prefix) && codeNames is null && ClassName(core) is { } cls)
            return prefix + cls + suffix;
        if (best is null || tied.Count > 1 || bestD == 0 || bestD > allow)
            // Without its debris the reading may be a phrase or one cut at the cell's edge ("偏差原因分析及改进措San eee").
            return WithoutTrailingDebris(body) is { } bare ? prefix + (Correct(bare) ?? bare) + suffix : null;
        // Short phrases: one wrong Chinese character could as well be another word the forms do not list (单价 vs
        // 单位); only a non-Chinese mark in the reading is surely a misread.
        if (best.Length <= 3 && core.Where((c, i) => i >= best.Length || c != best[i]).All(TextNorm.IsCjk)) return null;
        return prefix + best + suffix;
    }

    private static string? NameByStart(string reading, IReadOnlyList<string> names)
    {
        var hits = names.Select(TextNorm.Normalize).Distinct().Where(n =>
        {
            int k = 0;
            while (k < n.Length && k < reading.Length && reading[k] == n[k]) k++;
            return k >= 4 && k < n.Length && 2 * k >= n.Length && reading.Length <= n.Length + 2;
        }).Take(2).ToList();
        return hits is [var only] ? only : null;
    }

    /// <summary>
    /// A 类 of the functional classification listed under a Chinese ordinal ("八、社用人党和就业支出" for 八、社会保障和就业
    /// 支出): those items are a closed set of some thirty names, so a reading further off than one misread character
    /// still tells its name: the same length and last character, at most two in five characters misread, and every
    /// other class name at least one more misread away. Null when no name is that clearly it.
    /// </summary>
    private string? ClassName(string reading)
    {
        if (reading.Length < 4) return null;
        string? best = null; int bestD = int.MaxValue, second = int.MaxValue;
        foreach (var name in _classNames)
        {
            if (name.Length != reading.Length || name[^1] != reading[^1]) continue;
            int d = Distance(reading, name);
            if (d < bestD) { second = bestD; bestD = d; best = name; }
            else if (d < second) second = d;
        }
        return best is not null && bestD <= 4 * reading.Length / 5 && second - bestD >= 2 ? best : null;
    }

    /// <summary>
    /// Pages with their OCR'd table cells corrected; text-layer pages and cells the lexicon does not know come back
    /// as they were.
    /// </summary>
    public IReadOnlyList<PageContent> Apply(IReadOnlyList<PageContent> pages) => pages.Select(Apply).ToList();

    public PageContent Apply(PageContent page)
    {
        if (!page.Tables.Any(t => t.Cells.Any(c => c.Source == CellSource.Ocr))) return page;
        return page.WithTables(page.Tables.Select(Apply).ToList());
    }

    public Table Apply(Table table)
    {
        table = WithCodeFirstDigits(table);
        var cells = table.Cells.ToArray();
        bool changed = false;
        for (int i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            if (c.Source != CellSource.Ocr || c.IsEmpty) continue;
            if (Correct(c.Text, RowCode(table, c)) is { } fixedText)
            {
                cells[i] = c.Corrected(fixedText);
                changed = true;
            }
            if (WithCommonWords(cells[i].Text) is var words && words != cells[i].Text)
            {
                cells[i] = cells[i].Corrected(words);
                changed = true;
            }
            if (WithChinesePunctuation(cells[i].Text) is var marks && marks != cells[i].Text)
            {
                cells[i] = cells[i].Corrected(marks);
                changed = true;
            }
        }
        changed |= NumberListItems(cells);
        changed |= NumberOrdinalItems(cells);
        changed |= OrderLevelHeaders(cells);
        changed |= RestoreComparators(cells);
        changed |= NoneInReasonColumns(cells);
        return changed ? table.WithCells(cells) : table;
    }


    /// <summary>
    /// A Chinese text's brackets and colons as Chinese typesetting prints them: the engine gives "(" ")" ":" for the
    /// full-width （ ） ： (measured: of brackets next to a Chinese character, 2423 of 2494 in the real Jiangsu PDFs' text
    /// layer and 1270 of 1464 in the seed dumps are full-width; of colons after one, 785 of 793 and 647 of 660).
    /// Texts with no Chinese character keep their marks.
    /// </summary>
    public static string WithChinesePunctuation(string text)
    {
        if (!text.Any(TextNorm.IsCjk)) return text;
        // Quotes come in pairs: a closing ” after a few Chinese characters at the start, with no opening “, lost
        // the opening one at the cell's edge ("三公”经费控制率" for “三公”经费控制率).
        int close = text.IndexOf('”');
        if (close is > 0 and <= 4 && !text.Contains('“') && text.IndexOf('”', close + 1) < 0 && text[..close].All(TextNorm.IsCjk))
            text = "“" + text;
        // A round bracket read as a book-title mark: "市县《区）" has a closing bracket and no closing 》.
        int book = text.IndexOf('《');
        if (book >= 0 && !text.Contains('》') && text.IndexOfAny(['）', ')'], book) > book)
            text = text[..book] + (book > 0 && text[book - 1] is '（' or '(' ? "" : "（") + text[(book + 1)..];   // "（《50分）": read twice
        // A label's colon read as a comma or semicolon before its value ("填报日期，20231216", "经办人;岳慧娟"): labels
        // of dates, people and numbers.
        text = LabelComma().Replace(text, "$1：");
        // So is 其中's before a short item ("其中，办公经费"); in a sentence ("其中，因公出国（境）费反映…") it is a comma.
        text = ItemComma().Replace(text, "其中：");
        if (text.IndexOfAny(['(', ')', ':', ',', ';']) < 0) return text;
        var chars = text.ToCharArray();
        for (int k = 0; k < chars.Length; k++)
        {
            if (chars[k] == '(') chars[k] = '（';
            else if (chars[k] == ')') chars[k] = '）';
            else if (chars[k] == ':' && k > 0 && TextNorm.IsCjk(chars[k - 1])) chars[k] = '：';
            // Commas and semicolons between two Chinese characters are full-width too ("任务,各项工作").
            else if (chars[k] is ',' or ';' && k > 0 && k + 1 < chars.Length && TextNorm.IsCjk(chars[k - 1]) && TextNorm.IsCjk(chars[k + 1]))
                chars[k] = chars[k] == ',' ? '，' : '；';
        }
        return new string(chars);
    }

    /// <summary>
    /// 覆盖 (覆盖率, 覆盖…人数) is the 盖 word of indicator names (24 of 24 in the seed dumps; 涵盖 in the Jiangsu
    /// text layers); scans misread its dense 覆 (履盖, 镍盖, 著盖). A 盖 after a Chinese character that makes no
    /// common word with it, inside a name of four characters or more, is 覆盖.
    /// </summary>
    public static string WithCommonWords(string text)
    {
        text = WithRateEnding(WithPeriodEnding(WithLeadingOne(WithoutNonWords(text))));
        int k = text.IndexOf('盖', 1);
        if (k < 0 || text.Count(TextNorm.IsCjk) < 4) return text;
        var chars = text.ToCharArray();
        for (; k > 0; k = text.IndexOf('盖', k + 1))
            if (TextNorm.IsCjk(chars[k - 1]) && !CoverPartners.Contains(chars[k - 1])) chars[k - 1] = '覆';
        return new string(chars);
    }

    /// <summary>
    /// Character pairs the engine makes of words these forms print often: 宜传 for 宣传 (unless 宜 ends a word of its
    /// own: 适宜, 便宜, 事宜, 相宜 传…), 全规率 for 合规率 (全规 alone stands in 安全规范).
    /// </summary>
    private static string WithoutNonWords(string text) =>
        text.Contains('宜') || text.Contains("全规率", StringComparison.Ordinal)
            ? MisreadPublicity().Replace(text, "宣传").Replace("全规率", "合规率", StringComparison.Ordinal)
            : text;

    [GeneratedRegex(@"(?<![适便事相])宜传")]
    private static partial Regex MisreadPublicity();

    /// <summary>
    /// Rates are the commonest indicator names (资金支付及时率, 工作任务完成率, 验收合格率); scans misread the dense 率 at
    /// their end as 素, 事, 束, 党, 这 (measured on the dev scans). One of those after a word that names a rate is 率.
    /// </summary>
    private static string WithRateEnding(string text)
    {
        if (text.Length < 4 || !RateMisreadings.Contains(text[^1]) || !TextNorm.IsCjk(text[^3])) return text;
        return RateStems.Contains(text[^3..^1]) ? text[..^1] + "率" : text;
    }

    // Words before 率 in rate indicators (及时率, 完成率, 知晓率 …), from the national common indicators.
    private static readonly HashSet<string> RateStems = new(StringComparer.Ordinal)
    {
        "及时", "完成", "知晓", "合规", "合格", "执行", "控制", "达标", "满意", "使用", "到位", "准确", "利用",
        "普及", "参与", "就业", "出勤", "通过", "治愈", "回收", "处理", "增长", "完好", "办结", "采纳", "正确",
        "响应", "受理", "覆盖", "达成", "落实", "兑现", "发放", "支付", "整改", "验收", "入学", "巩固", "转化",
    };
    // What the engine reads for a blurred 率 (dev scans); none of them ends a rate word.
    private const string RateMisreadings = "素事束党这识训紊浆洛季宰卒";

    /// <summary>
    /// 期 read as 其 (its lower strokes lost): 长期, 项目期, 实施期 came back 长其, 项目其. A short label ending in 其 is
    /// a period; 其 ends no label on its own (其他 starts them).
    /// </summary>
    private static string WithPeriodEnding(string text) =>
        text.Length is >= 2 and <= 5 && text[^1] == '其' && text.All(TextNorm.IsCjk) ? text[..^1] + "期" : text;

    /// <summary>
    /// A Chinese text's first 一 read as a hyphen ("-次性项目"): a hyphen starts no Chinese phrase. Before 级 it may
    /// as well be 二 or 三 (level headers, ordered by <see cref="OrderLevelHeaders"/>).
    /// </summary>
    private static string WithLeadingOne(string text) =>
        text.Length >= 3 && text[0] == '-' && TextNorm.IsCjk(text[1]) && text[1] != '级' && text.Count(TextNorm.IsCjk) >= 3
            ? "一" + text[1..] : text;

    // Characters printed before 盖 in words of their own (涵盖, 掩盖, 加盖公章, 井盖 …).
    private const string CoverPartners = "覆涵掩遮铺加锅瓶井顶翻揭冠膝头屋上伞车密封盖";

    /// <summary>
    /// A scanned code that lost its first digit to the rule beside it ("0226", "1003" in a column of 302xx and 310xx
    /// codes): no classification level has 4 or 6 digits, and a column's codes share their first digit (类 2xx
    /// functional, 3xx economic). The reading with that digit in front is the code when the classification has it.
    /// Two digits left are as likely three lost ("01" for 30201 beside 301 工资福利支出): those stay as read.
    /// </summary>
    private Table WithCodeFirstDigits(Table table)
    {
        var cells = table.Cells.ToArray();
        bool changed = false;
        foreach (var column in LabelColumns(cells))
        {
            var known = column.Select(x => TextNorm.Normalize(x.c.Text)).Where(t => TextNorm.LooksLikeCode(t) && _codes.Contains(t)).ToList();
            if (known.Count < 3) continue;
            var lead = known.GroupBy(t => t[0]).MaxBy(g => g.Count())!;
            if (lead.Count() < 0.8 * known.Count) continue;
            for (int k = 0; k < column.Count; k++)
            {
                var (c, i) = column[k];
                var t = TextNorm.Normalize(c.Text);
                if (c.Source != CellSource.Ocr || !t.All(char.IsAsciiDigit)) continue;
                string? code = t.Length is 4 or 6 && _codes.Contains(lead.Key + t) ? lead.Key + t : ClassBeforeItsItems(column, k, t);
                if (code is null) continue;
                cells[i] = c.Corrected(code);
                changed = true;
            }
        }
        return changed ? table.WithCells(cells) : table;
    }

    /// <summary>
    /// A class code read as one or two of its digits ("02" for 302, "0" for 303, "08" for 208 under 科目代码) on the row
    /// before its first item: the next row's code starts with a known class whose digits hold the reading in order,
    /// and the row above is a known code of another class or a label (after 30201, "02" is 30202 that lost more).
    /// </summary>
    private string? ClassBeforeItsItems(List<(Cell c, int i)> column, int k, string reading)
    {
        if (reading.Length is < 1 or > 2 || k + 1 >= column.Count) return null;
        var next = TextNorm.Normalize(column[k + 1].c.Text);
        if (next.Length < 5 || !next.All(char.IsAsciiDigit) || !_codes.Contains(next)) return null;
        var cls = next[..3];
        if (!_codes.Contains(cls) || !TextNorm.InOrder(reading, cls)) return null;
        // The row above is a known code of another class, a label (科目代码 or 合计 over the first class: Chinese
        // only) or there is none: a short reading after an unreadable one ("0" for 30204, then "02" for 30205) is
        // as likely an item of the class as the class.
        if (k == 0) return cls;
        var above = TextNorm.Normalize(column[k - 1].c.Text);
        if (above.Length > 0 && above.All(TextNorm.IsCjk)) return cls;
        return above.Length >= 3 && above.All(char.IsAsciiDigit) && _codes.Contains(above) && !above.StartsWith(cls, StringComparison.Ordinal) ? cls : null;
    }


    // The subject code printed left of a name cell on the same row (科目编码 | 科目名称), if any.
    private static string? RowCode(Table table, Cell cell)
    {
        if (cell.Col == 0) return null;
        var left = table.At(cell.Row, cell.Col - 1);
        return left is not null && left.RowSpan == 1 && TextNorm.LooksLikeCode(left.Text) ? TextNorm.Code(left.Text) : null;
    }

    // The non-empty one-column cells of each column, top to bottom, with their index in the cell array.
    private static IEnumerable<List<(Cell c, int i)>> LabelColumns(Cell[] cells) =>
        cells.Select((c, i) => (c, i)).Where(x => x.c.ColSpan == 1 && !x.c.IsEmpty).GroupBy(x => x.c.Col)
            .Select(g => g.OrderBy(x => x.c.Row).ToList());

    /// <summary>
    /// Sub-items the forms number with circled digits (公务用车购置及运行费, then ①公务用车购置费, ②公务用车运行维护费): on
    /// scans the circle is read as a character (回, 加, 台) or lost. Down a column of labels, a known phrase with one
    /// stray character before it, or bare, is the next item of the circled list on the row above when the two name
    /// siblings (their first two characters agree); the first of a run of such siblings is ① when the row below is a
    /// sibling with ② or a stray character. A label with no numbered sibling next to it keeps its reading.
    /// </summary>
    private bool NumberListItems(Cell[] cells)
    {
        bool changed = false;
        foreach (var column in LabelColumns(cells))
        {
            var items = column.Select(x => (x.c, x.i, Item: ListItem(TextNorm.Normalize(x.c.Text), x.c.OcrText))).ToList();
            for (int k = 0; k < items.Count; k++)
            {
                var (c, i, item) = items[k];
                if (c.Source != CellSource.Ocr || item.Phrase is null || item.Number > 0) continue;
                bool Adjacent(int a, int b) => items[b].c.Row == items[a].c.LastRow + 1;
                bool Sibling(int j) => items[j].Item.Phrase is { } p && p.Length >= 2 && item.Phrase.Length >= 2 && p[..2] == item.Phrase[..2];
                int number = 0;
                if (k > 0 && Adjacent(k - 1, k) && Sibling(k - 1) && items[k - 1].Item.Number is > 0 and < 20)
                    number = items[k - 1].Item.Number + 1;
                else if (k + 1 < items.Count && Adjacent(k, k + 1) && Sibling(k + 1) &&
                         (items[k + 1].Item.Number == 2 || item.Stray && items[k + 1].Item.Stray))
                    number = 1;
                if (number == 0) continue;
                var text = (char)('①' + number - 1) + item.Phrase;
                cells[i] = c.Corrected(text);
                items[k] = (cells[i], i, (item.Phrase, number, false));
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>
    /// Rows the forms number 一、二、三… (the 类 of 支出总表, the sources of 收支总表): on scans the ordinal is lost
    /// ("外交支出"), misread ("三外交支出", "十三、农林水支出" between 十一 and 十三) or a stray character sits after it
    /// ("十六、人金融支出"). A known phrase on a row whose neighbours above and below are numbered n−1 and n+1 is
    /// item n. Both neighbours are needed: the first and last rows of a list, and lone rows, keep their reading.
    /// </summary>
    private bool NumberOrdinalItems(Cell[] cells)
    {
        bool changed = false;
        foreach (var items in LabelColumns(cells))
        {
            var numbers = items.Select(x => OrdinalOf(TextNorm.Normalize(x.c.Text))).ToArray();
            bool Next(int a, int b) => items[a].c.LastRow + 1 == items[b].c.Row;
            for (int k = 0; k < items.Count; k++)
            {
                var (c, i) = items[k];
                if (c.Source != CellSource.Ocr) continue;
                int want = 0;
                if (k > 0 && k + 1 < items.Count && Next(k - 1, k) && Next(k, k + 1) && numbers[k - 1] > 0 && numbers[k + 1] == numbers[k - 1] + 2)
                    want = numbers[k - 1] + 1;
                // The first or last item of a list has one side only: two neighbours numbered in step on it (n, n+1
                // below or n−1, n above) make it n−1 or n+1 ("二、一般公共预算财政拨款" above 二、 and 三、 is 一、). Only
                // when it reads as numbered itself: the rows around a list (项目, 收入总计) print no number.
                else if (numbers[k] <= 0) continue;
                else if ((k == 0 || !Next(k - 1, k) || numbers[k - 1] <= 0) && k + 2 < items.Count && Next(k, k + 1) && Next(k + 1, k + 2) &&
                         numbers[k + 1] >= 2 && numbers[k + 2] == numbers[k + 1] + 1)
                    want = numbers[k + 1] - 1;
                else if ((k + 1 == items.Count || !Next(k, k + 1) || numbers[k + 1] <= 0) && k >= 2 && Next(k - 2, k - 1) && Next(k - 1, k) &&
                         numbers[k - 2] > 0 && numbers[k - 1] == numbers[k - 2] + 1)
                    want = numbers[k - 1] + 1;
                if (want == 0) continue;
                var text = TextNorm.Normalize(c.Text);
                if (OrdinalPhrase(text) is not { } phrase || ChineseNumber(want) + "、" + phrase is var wanted && wanted == text) continue;
                cells[i] = c.Corrected(wanted);
                numbers[k] = want;
                changed = true;
            }
        }
        return changed;
    }

    // The number of a label printed "十二、…" (0 for none).
    private static int OrdinalOf(string t)
    {
        var m = ChineseOrdinal().Match(t);
        return m.Success ? ParseChineseNumber(m.Groups[1].Value) : 0;
    }

    // The known phrase of a numbered row's label, its ordinal set aside however it was read: the label bare, after a
    // (mis)read ordinal, or after one stray character. Null when no known phrase is there.
    private string? OrdinalPhrase(string t)
    {
        var m = ChineseOrdinal().Match(t);
        var rest = m.Success ? t[m.Length..] : t;
        if (_phrases.Contains(rest)) return rest;
        if (rest.Length >= 3 && _phrases.Contains(rest[1..])) return rest[1..];
        return null;
    }

    /// <summary>一 … 九十九 as a number; 0 when the text is no Chinese number.</summary>
    public static int ParseChineseNumber(string s)
    {
        const string digits = "零一二三四五六七八九";
        int D(char c) => digits.IndexOf(c);
        return s.Length switch
        {
            1 => s[0] == '十' ? 10 : Math.Max(0, D(s[0])),
            2 when s[0] == '十' && D(s[1]) > 0 => 10 + D(s[1]),
            2 when s[1] == '十' && D(s[0]) > 1 => D(s[0]) * 10,
            3 when s[1] == '十' && D(s[0]) > 1 && D(s[2]) > 0 => D(s[0]) * 10 + D(s[2]),
            _ => 0,
        };
    }

    /// <summary>1 … 99 written as the forms number rows (十二, 二十三).</summary>
    public static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n is < 1 or > 99) throw new ArgumentOutOfRangeException(nameof(n));
        if (n < 10) return digits[n].ToString();
        return (n / 10 == 1 ? "" : digits[n / 10].ToString()) + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
    }

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})[、.．]")]
    private static partial Regex ChineseOrdinal();

    // A label as a list item: its circled number (0 for none), the known phrase after it, and whether one stray
    // character stands in front of the phrase instead of a number. Phrase null: no known phrase.
    // The engine's reading counts too: the end-debris pass may already have taken the circle off as marks ("@D", "G@").
    private (string? Phrase, int Number, bool Stray) ListItem(string t, string? engineReading)
    {
        if (t.Length >= 2 && t[0] is >= '①' and <= '⑳' && _phrases.Contains(t[1..])) return (t[1..], t[0] - '①' + 1, false);
        if (_phrases.Contains(t))
            return (t, 0, engineReading is not null && StrayLead(TextNorm.Normalize(engineReading).Replace(" ", ""), t));
        if (t.Length >= 5 && StrayLead(t, t[1..]) && _phrases.Contains(t[1..])) return (t[1..], 0, true);
        return (null, 0, false);
    }

    // Whether a reading is a phrase with a circled number misread in front of it: one character that is no digit,
    // ordinal or bracket (回, 台, @), or two marks or letters ("@D", "G@").
    private static bool StrayLead(string reading, string phrase)
    {
        if (phrase.Length < 4 || !reading.EndsWith(phrase, StringComparison.Ordinal)) return false;
        var lead = reading[..^phrase.Length];
        return lead.Length switch
        {
            1 => !char.IsAsciiDigit(lead[0]) && "一二三四五六七八九十、.(（".IndexOf(lead[0]) < 0,
            2 => lead.All(ch => !char.IsAsciiDigit(ch) && !TextNorm.IsCjk(ch) && !char.IsWhiteSpace(ch)),
            _ => false,
        };
    }

    /// <summary>
    /// 一级/二级/三级指标 headers stand side by side in that order and a block always ends at 三级指标 (the values follow
    /// it), so a run of them whose ordinals OCR lost ("-级指标", "=级指标") takes them from its position.
    /// </summary>
    private static bool OrderLevelHeaders(Cell[] cells)
    {
        bool changed = false;
        foreach (var row in cells.Select((c, i) => (c, i)).Where(x => LevelHeader().IsMatch(TextNorm.Normalize(x.c.Text)))
                     .GroupBy(x => x.c.Row))
        {
            var run = new List<(Cell c, int i)>();
            foreach (var x in row.OrderBy(x => x.c.Col).Append((null!, -1)))
            {
                if (x.c is not null && (run.Count == 0 || run[^1].c.Col + run[^1].c.ColSpan == x.c.Col)) { run.Add(x); continue; }
                // The cell right after two level headers that reads "…指标" with digits or marks for its ordinal
                // ("33和指标") is the third header, garbled.
                if (run.Count == 2)
                {
                    int next = run[1].c.Col + run[1].c.ColSpan;
                    int k3 = Array.FindIndex(cells, c => c.Row == row.Key && c.Col == next);
                    if (k3 >= 0 && GarbledLevelHeader().IsMatch(TextNorm.Normalize(cells[k3].Text))) run.Add((cells[k3], k3));
                }
                // A lone header whose ordinal was lost (the 年度 block's "-级指标" beside a garbled "二搬标") is the
                // level its column holds.
                if (run.Count == 1 && run[0].c.Source == CellSource.Ocr && BodyLevel(run[0].c, cells) is { } alone
                    && TextNorm.Normalize(run[0].c.Text) is var lone && (lone.Length != 4 || "一二三".IndexOf(lone[0]) < 0))
                {
                    cells[run[0].i] = run[0].c.Corrected("一二"[alone] + "级指标");
                    changed = true;
                }
                else if (run.Count is 2 or 3 && run.Any(r => r.c.Source == CellSource.Ocr) && StartOf(run.Select(r => r.c).ToList(), cells) is { } start)
                    for (int k = 0; k < run.Count; k++)
                    {
                        string want = "一二三"[start + k] + "级指标";
                        var (c, i) = run[k];
                        if (c.Source == CellSource.Ocr && TextNorm.Normalize(c.Text) != want)
                        {
                            cells[i] = c.Corrected(want);
                            changed = true;
                        }
                    }
                run.Clear();
                if (x.c is not null) run.Add(x);
            }
        }
        return changed;
    }

    /// <summary>
    /// Tesseract's chi_sim and eng models have no ≥ or ≤, so an indicator value printed "≥85%" comes back as ">85%",
    /// "285%" or "S2.74万元". In columns of indicator values (指标值 / 完成值 / 目标值) a leading > or &lt; is taken as
    /// ≥ or ≤ (the 绩效 forms print those, not strict comparisons), and a "2" or "7" that makes a percentage exceed 100
    /// as ≥ ("298%", "790%").
    /// </summary>
    public static string? RestoreComparator(string reading)
    {
        var t = TextNorm.Normalize(reading);
        if (t.Length < 2) return null;
        if (t[0] == '>' && t[1] != '=') return "≥" + t[1..];
        if (t[0] == '<' && t[1] != '=') return "≤" + t[1..];
        if (t.StartsWith(">=")) return "≥" + t[2..];
        if (t.StartsWith("<=")) return "≤" + t[2..];
        if (t[0] is 'S' or '$' && char.IsAsciiDigit(t[1])) return "≤" + t[1..];
        // chi_sim reads ≥ as a character of like shape ("过100%", "之98%", "全100%", "人100%", "二6次"), or as one with
        // the > after it ("人>100%"); no form prints one before a number.
        if (t[0] is '过' or '之' or '全' or '人' or '二' && char.IsAsciiDigit(t[1])) return "≥" + t[1..];
        // Or as some other character ("会1009%", "立410人", "委141.43万元"): a character before the number that no value
        // prints there is the comparator; ≤ for an amount of money (成本指标 cap their cost), ≥ for the rest.
        if (TextNorm.IsCjk(t[0]) && char.IsAsciiDigit(t[1]) && !ValueLeadWords.Contains(t[0]) &&
            TargetParser.Parse(t[1..]) is { Value: not null, Unit: var unit })
            return TextNorm.PercentWithoutCircles((unit is { } u && u.EndsWith('元') ? "≤" : "≥") + t[1..]);
        if (t.Length > 2 && t[0] is '人' && t[1] is '>' && char.IsAsciiDigit(t[2])) return "≥" + t[2..];
        if (t.Length > 2 && t[0] is '≥' or '≤' && t[1] is '>' or '<' or '=' && char.IsAsciiDigit(t[2])) return t[0] + t[2..];
        var pct = PercentAfterTwo().Match(t);
        // A rate above 100 % whose digits after the "2" or "7" make a rate (≥98% read "298%", ≥90% "790%"); 25% or
        // 200% stay as read.
        if (pct.Success && pct.Groups[1].Value[0] != '0' &&
            decimal.Parse(t[..^1], System.Globalization.CultureInfo.InvariantCulture) > 100 &&
            decimal.Parse(pct.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= 100)
            return "≥" + t[1..];
        return null;
    }

    /// <summary>
    /// A scanned target read with "2" (or "7") for its ≥ ("24次" for ≥4次), told by what was achieved: the rest of the
    /// target is the achieved value (with or without its own ≥, or the bare number of it: "23年" against "3"), or a
    /// count near it while the target as read is many times it ("2190人" against 214人). Null to keep the target.
    /// </summary>
    public static string? ComparatorFromActual(string target, string? actual)
    {
        var t = TextNorm.Normalize(target);
        var a = TextNorm.Normalize(actual);
        if (a.StartsWith('≥')) a = a[1..];
        if (t.Length < 2 || t[0] is not ('2' or '7') || !char.IsAsciiDigit(t[1]) || a.Length == 0) return null;
        var rest = t[1..];
        if (t[0] == '2' && (rest == a || a.All(char.IsAsciiDigit) && rest.StartsWith(a, StringComparison.Ordinal) && !char.IsAsciiDigit(rest[a.Length])))
            return "≥" + rest;
        // Near: within a quarter of what was achieved, in the same unit, while the reading is five times it or more.
        if (TargetParser.Parse(rest) is { Value: { } r, Unit: { Length: > 0 } unit } && TargetParser.Parse(t).Value is { } whole &&
            TargetParser.Parse(a) is { Value: { } done and > 0, Unit: var doneUnit } && (doneUnit == unit || string.IsNullOrEmpty(doneUnit)) &&
            unit != "%" && whole >= 5 * done && r >= 0.75m * done && r <= 1.33m * done)
            return "≥" + rest;
        return null;
    }

    /// <summary>
    /// A name the lexicon does not know, without the Latin letters and marks a seal edge or speck right of it was read
    /// as ("社会公众知晓率nj", "开展培训次数—_"): the forms print no Latin after Chinese words, save acronyms (APP, GDP),
    /// which are kept. Null when there is nothing to strip.
    /// </summary>
    private static string? WithoutTrailingDebris(string body)
    {
        var cut = body;
        // A rule's remnant read as a run of dashes and 一 ("改进措-一一一-一一三-一"): no phrase ends in one. The run may
        // end in one glyph of its own (the rule's end or a speck: "改进措--一-一-过") and come in pieces.
        for (int pass = 0; pass < 3 && RuleRun().Match(cut) is { Success: true } run &&
             IsRuleRun(run.Groups[1].Value) && run.Index >= 2 && TextNorm.IsCjk(cut[run.Index - 1]); pass++)
            cut = cut[..run.Index];
        var m = TrailingDebris().Match(cut);
        if (m.Success && m.Index >= 2 && TextNorm.IsCjk(cut[m.Index - 1]) && !Acronym().IsMatch(m.Value)) cut = cut[..m.Index];
        return cut != body ? cut : null;
    }

    // Two marks at least, or one in a run of four: "一一" alone may be printed.
    private static bool IsRuleRun(string run) => run.Count(c => c is not ('一' or '二' or '三')) is var marks && (marks >= 2 || marks >= 1 && run.Length >= 4);

    [GeneratedRegex(@"([一二三\-—_－=]{3,})[^一二三\-—_－=]?$")]
    private static partial Regex RuleRun();

    /// <summary>
    /// An OCR'd 一级/二级指标 cell as one of the national indicator levels (<see cref="FormVocabulary.IndicatorLevels"/>):
    /// the longest level inside the reading when at most one other Chinese character stands around it (seal and rule
    /// debris: "LA时效指标w", "『成本指标“8", "经济效益指标“所"), else the one level a misread character away. Readings
    /// of other words (an 整体绩效 form's 履职效能) come back as they were.
    /// </summary>
    public static string SnapIndicatorLevel(string reading)
    {
        var t = TextNorm.StripPointsNote(TextNorm.Normalize(reading));
        if (t.Length == 0 || FormVocabulary.IndicatorLevels.Contains(t)) return t;
        var inside = FormVocabulary.IndicatorLevels.Where(t.Contains).OrderByDescending(p => p.Length).FirstOrDefault();
        if (inside is not null && t.Replace(inside, "").Count(TextNorm.IsCjk) <= 1) return inside;
        var core = EndDebris().Replace(t, "");
        var close = FormVocabulary.IndicatorLevels.Where(p => Math.Abs(p.Length - core.Length) <= 1 && Distance(core, p) <= 2).ToList();
        return close.Count == 1 ? close[0] : t;
    }

    /// <summary>
    /// A deviation-reason column (偏差原因分析及改进措施, 未完成原因和改进措施) says 无 in most rows. A scanned reading there
    /// of one character or two marks ("K", "5", "万", "we", "2可") under a column whose other cells read 无 at least twice
    /// and more often than they read words is 无; a dash or slash is what was printed.
    /// </summary>
    private static bool NoneInReasonColumns(Cell[] cells)
    {
        bool changed = false;
        foreach (var h in cells.Where(c => c.RowSpan == 1 && TextNorm.Normalize(c.Text).Contains("原因")).ToList())
        {
            var body = Enumerable.Range(0, cells.Length)
                .Where(i => cells[i].Row > h.Row && cells[i].Col == h.Col && cells[i].ColSpan == h.ColSpan && !cells[i].IsEmpty).ToList();
            static bool Worded(string t) => t.Length > 2 || t.Length == 2 && t.All(TextNorm.IsCjk);
            var texts = body.Select(i => TextNorm.Normalize(cells[i].Text)).ToList();
            int none = texts.Count(t => t == "无");
            if (none < 2 || none <= texts.Count(Worded)) continue;
            foreach (var i in body)
            {
                var t = TextNorm.Normalize(cells[i].Text);
                if (cells[i].Source != CellSource.Ocr || t == "无" || Worded(t) || t is "-" or "—" or "/" or "--" or "——") continue;
                cells[i] = cells[i].Corrected("无");
                changed = true;
            }
        }
        return changed;
    }

    private static bool RestoreComparators(Cell[] cells)
    {
        bool changed = false;
        var valueCols = cells.Where(c => c.RowSpan == 1 && FormVocabulary.IsIndicatorValueHeader(c.Text))
            .Select(c => (c.Row, c.Col, c.ColSpan)).ToList();
        for (int i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            if (c.Source != CellSource.Ocr || !valueCols.Any(h => h.Row < c.Row && h.Col == c.Col && h.ColSpan == c.ColSpan)) continue;
            if (RestoreComparator(c.Text) is { } fixedText)
            {
                cells[i] = c.Corrected(fixedText);
                changed = true;
            }
        }
        return changed;
    }

    // Ordinal (0 = 一) of the run's first header: from the ordinals that were read, when they agree; else from what
    // the columns under the headers hold (产出指标 … under 一级指标, 数量指标 … under 二级指标); else the run ends at
    // 三级指标. Null when what was read contradicts itself.
    private static int? StartOf(List<Cell> run, Cell[] cells)
    {
        int? start = null;
        for (int k = 0; k < run.Count; k++)
        {
            var text = TextNorm.Normalize(run[k].Text);
            int o = "一二三".IndexOf(text[0]);
            if (o < 0 || text.Length != 4) continue;
            if (start is { } s && s != o - k) return null;
            start = o - k;
        }
        for (int k = 0; k < run.Count && start is null; k++)
            if (BodyLevel(run[k], cells) is { } level) start = level - k;
        start ??= 3 - run.Count;
        return start >= 0 && start + run.Count <= 3 ? start : null;
    }

    /// <summary>
    /// Which level (0 = 一级, 1 = 二级) the cells under a header are, by the national indicator vocabulary: at least
    /// two of them and more than of the other level. Null when the column says neither.
    /// </summary>
    private static int? BodyLevel(Cell header, Cell[] cells)
    {
        int first = 0, second = 0;
        foreach (var c in cells)
        {
            if (c.Col != header.Col || c.Row <= header.Row) continue;
            var t = TextNorm.StripPointsNote(TextNorm.Normalize(c.Text));
            if (FirstLevelValue().IsMatch(t)) first++;
            else if (SecondLevelValue().IsMatch(t)) second++;
        }
        return first >= 2 && first > second ? 0 : second >= 2 && second > first ? 1 : null;
    }

    [GeneratedRegex(@"^(产出|效益|满意度)指标$")]
    private static partial Regex FirstLevelValue();

    [GeneratedRegex(@"^(数量|质量|时效|经济效益|社会效益|生态效益|可持续|服务对象满意度)")]
    private static partial Regex SecondLevelValue();

    /// <summary>
    /// Whether a header (one level of a column path) is made of the forms' header words, once years, numbers and
    /// brackets are set aside. An OCR'd header that is not (人金额, “般公共预算) names its column wrongly.
    /// </summary>
    /// <summary>
    /// A reading with the glyphs chi_sim splits in two joined again: 合 is read 人台 on scans (本年支出人台计,
    /// 资金使用人台规率), a change the edit distance prices as a character added and one misread.
    /// </summary>
    public static string JoinSplitGlyphs(string reading) => reading.Replace("人台", "合", StringComparison.Ordinal);

    /// <summary>The forms' fixed phrases (<see cref="FormVocabulary.Phrases"/>), normalized once.</summary>
    public static readonly IReadOnlySet<string> FormPhrases = FormVocabulary.Phrases.Select(TextNorm.Normalize).ToHashSet(StringComparer.Ordinal);

    /// <summary>A normalized text the forms print: one of their phrases, or (two characters or more) made of header words.</summary>
    public static bool IsFormWord(string text) => FormPhrases.Contains(text) || text.Length >= 2 && IsHeaderVocabulary(text);

    /// <summary>A reading without the Latin letters and marks at its ends (specks, rules, seal edges).</summary>
    public static string WithoutEndDebris(string reading) => EndDebris().Replace(reading, "");

    public static bool IsHeaderVocabulary(string? header) => IsMadeOf(header, FormVocabulary.HeaderWords);

    /// <summary>Whether the text, years and numbers set aside, splits into the given words.</summary>
    public static bool IsMadeOf(string? text, IReadOnlyList<string> words)
    {
        var t = NonWord().Replace(TextNorm.Normalize(text), "");
        if (t.Length == 0) return true;
        // Word break by dynamic programming: can[i] = the first i characters split into words.
        var can = new bool[t.Length + 1];
        can[0] = true;
        for (int i = 0; i < t.Length; i++)
        {
            if (!can[i]) continue;
            foreach (var w in words)
                if (i + w.Length <= t.Length && string.CompareOrdinal(t, i, w, 0, w.Length) == 0) can[i + w.Length] = true;
        }
        return can[t.Length];
    }

    [GeneratedRegex(@"\d{4}年度?|[0-9.,%()、:：;；\-—]")]
    private static partial Regex NonWord();

    /// <summary>
    /// Edits from a reading to a phrase: a mark read for a character or a dropped mark costs 1, a Chinese character
    /// read as another 2, a Chinese character dropped or added 4, i.e. never
    /// within the allowance (a reading longer or shorter by a whole word is another phrase: 项目预算金额 is not 预算金额,
    /// 四、公共安全支出 not 公共安全支出).
    /// </summary>
    public static int Distance(string reading, string phrase) => TextNorm.EditDistance(reading, phrase, Gap, Sub);

    private static readonly Func<char, int> Gap = c => TextNorm.IsCjk(c) ? 4 : 1;
    private static readonly Func<char, char, int> Sub = (a, b) => a == b ? 0 : TextNorm.IsCjk(a) && TextNorm.IsCjk(b) ? 2 : 1;

    [GeneratedRegex(@"^(\p{IsCJKUnifiedIdeographs}{0,6}(?:日期|时间|电话|负责人|经办人|联系人|填报人|审核人))[，,；;](?=[\d\p{IsCJKUnifiedIdeographs}])")]
    private static partial Regex LabelComma();

    [GeneratedRegex(@"^其中[，,；;](?=[\p{IsCJKUnifiedIdeographs}（）()]{2,12}$)")]
    private static partial Regex ItemComma();

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}[、.．]$")]
    private static partial Regex OrdinalItem();

    [GeneratedRegex(@"^[27](\d{1,3}(?:\.\d+)?)%$")]
    private static partial Regex PercentAfterTwo();


    [GeneratedRegex(@"^(\d{2,4}(年度?|年)?|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[①-⑳])")]
    private static partial Regex LeadingNumber();

    // Non-Chinese marks at either end: Latin letters, ASCII punctuation, quotes; brackets and % belong to phrases.
    [GeneratedRegex(@"^[A-Za-z|\\/{}\[\]=<>.,;'""“”‘’`~^_!?*+\-]+|[A-Za-z|\\/{}\[\]=<>.,;'""“”‘’`~^_!?*+\-]+$")]
    private static partial Regex EndDebris();

    // What follows the last Chinese character when it is only letters, marks and spaces.
    [GeneratedRegex(@"[A-Za-z|\\/{}\[\]=<>.,:;'""“”‘’`~^_!?*+\-—&$#@，、\s]+$")]
    private static partial Regex TrailingDebris();

    [GeneratedRegex(@"^[A-Z]{3,5}$")]
    private static partial Regex Acronym();

    // A header ending 指标 whose ordinal is garbled with digits or marks ("33和指标", "3级指标").
    [GeneratedRegex(@"^(?=.*[^\u3400-\u9FFF]).{1,3}指标$")]
    private static partial Regex GarbledLevelHeader();

    // A level header whose ordinal may be misread: one leading mark or character, then 级指标.
    [GeneratedRegex(@"^.?级指标$")]
    private static partial Regex LevelHeader();
}
