using System.Text.RegularExpressions;
using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Validation;

/// <summary>
/// Checks of how a fact was read rather than of the forms' arithmetic. OCR is often confidently wrong on headers
/// (人金额 for 金额: plausible characters, wrong words) and on codes (a code no classification has), and a page the
/// classifier was unsure of may put all its facts under the wrong form; the arithmetic cannot see either when
/// the amounts themselves are right. Labels with debris or Latin glued to them are DocumentValidator's
/// misread-label rule. Header words and codes are checked on OCR'd pages only (the text layer is exact).
/// </summary>
public static partial class ReadingPlausibility
{
    public const string UnknownHeader = "ocr-unknown-header";
    public const string UnknownCode = "ocr-unknown-code";
    public const string LabelDebris = "ocr-label-debris";
    public const string NoColumn = "ocr-no-column";
    public const string UnknownIndicatorLevel = "ocr-unknown-indicator-level";
    public const string UnsurePage = "unsure-page-class";
    public const string IndicatorTarget = "ocr-indicator-target";
    public const string IndicatorDebris = "ocr-indicator-debris";

    /// <summary>Below this the page's form label is a guess, and so is every fact read under it.</summary>
    public const double UnsurePageConfidence = 0.35;

    public static List<ValidationIssue> Check(DocumentResult doc, SubjectCodeDictionary dict)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(dict);
        var pages = doc.Pages.GroupBy(p => p.Content.PageNumber).ToDictionary(g => g.Key, g => g.First());
        bool Ocr(int page) => pages.TryGetValue(page, out var p) && !p.Content.TextLayerUsable;
        var issues = new List<ValidationIssue>();

        static string Key(string name) => new(TextNorm.Normalize(name).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());
        // The document's cell texts of four characters or more, for names one character off another cell's (once).
        List<string>? cellTexts = null;
        List<string> CellTexts() => cellTexts ??= doc.Tables.SelectMany(t => t.Cells).Select(c => Key(c.Text)).Where(t => t.Length >= 4).ToList();

        // Tables whose codes are mostly of a classification level's length (3, 5, 7 digits).
        var codeLengthsOk = doc.BudgetLines.Where(l => l.Code is not null).GroupBy(l => l.Cell.Table)
            .Where(g => g.Count(l => l.Code!.Length is 3 or 5 or 7) >= 0.8 * g.Count()).Select(g => g.Key).ToHashSet();
        foreach (var l in doc.BudgetLines)
        {
            if (pages.TryGetValue(l.Cell.Page, out var page) && page.Confidence < UnsurePageConfidence)
                issues.Add(Issue(UnsurePage, $"{l.Form.Label()} p{l.Cell.Page}: 本页表格类型不确定 ({page.Confidence:0.00})", l.Cell));
            if (!Ocr(l.Cell.Page)) continue;
            // Row labels of budget forms are subject names and totals: OCR debris glued to their end (水费7, 租赁费SA)
            // is no printed text. (misread-label leaves upper-case Latin alone: text-layer forms do print it.)
            if (LabelDebrisPattern().IsMatch(TextNorm.Normalize(l.Name)))
                issues.Add(Issue(LabelDebris, $"{l.Form.Label()} p{l.Cell.Page}: 「{l.Name}」末尾有识别残片", l.Cell));
            var name = TextNorm.Normalize(l.Name);
            // A label that begins with a mark ("-六" for 六、): its first glyph was misread. (An empty one is printed:
            // the wide 三公经费表 has one row of amounts under its column headers and no row label.)
            if (l.Code is null && LeadingMark().IsMatch(name))
                issues.Add(Issue(LabelDebris, $"{l.Form.Label()} p{l.Cell.Page}: 名称「{l.Name}」识别可疑", l.Cell));
            // An amount where the row's label belongs ("0.331.83"): the label column was lost to a merge or a missed rule.
            else if (l.Code is null && AmountAsLabel().IsMatch(name))
                issues.Add(Issue(LabelDebris, $"{l.Form.Label()} p{l.Cell.Page}: 名称「{l.Name}」是数字 (表格结构可疑)", l.Cell));
            // Brackets the forms print come in pairs (因公出国（境）费); one lost ("因公出国境)费") took a glyph with it.
            else if (UnpairedBrackets(name))
                issues.Add(Issue(LabelDebris, $"{l.Form.Label()} p{l.Cell.Page}: 名称「{l.Name}」的括号不成对 (识别可疑)", l.Cell));
            // A label one character off a fixed label of the forms ("汪计" for 合计, "台公务用车购置费") is that label misread.
            else if (l.Code is null && !dict.ContainsName(name) && NearFixedLabel(name) is { } label)
                issues.Add(Issue(LabelDebris, $"{l.Form.Label()} p{l.Cell.Page}: 「{l.Name}」像是「{label}」的误识", l.Cell));
            // A short label no form prints and no subject is called ("澡评", "全证", "和" read for 合计): a total or a
            // subject name past reading. Longer unknown labels are unit and project names.
            else if (l.Code is null && name.Length is > 0 and <= 3 && name.Any(TextNorm.IsCjk) && !dict.ContainsName(name)
                     && !OcrLexicon.IsFormWord(name))
                issues.Add(Issue(LabelDebris, $"{l.Form.Label()} p{l.Cell.Page}: 名称「{l.Name}」不是表内名称", l.Cell));
            // A row label numbered in the forms' way (八、社会保障和就业支出) whose number is no numeral ("怀、") or
            // whose subject is one character from a subject the classification names ("…就业世出"): misread.
            else if (l.Code is null && OrdinalLead().Match(name) is { Success: true } lead &&
                     (lead.Groups[1].Success || dict.OneCharacterFrom(name[lead.Length..]) is not null))
                issues.Add(Issue(LabelDebris, $"{l.Form.Label()} p{l.Cell.Page}: 名称「{l.Name}」识别可疑 (序号或科目名称)", l.Cell));
            // A scanned 项目支出表 project held by no other cell but one character from another cell's text (its
            // 绩效目标表's 职业病鉴定经费 beside 职业病览定经费): one of the two is misread.
            else if (l.Form == FormType.ProjectExpenditure && OneCharacterFromElsewhere(Key(l.Name), CellTexts()))
                issues.Add(Issue(LabelDebris, $"{l.Form.Label()} p{l.Cell.Page}: 项目「{l.Name}」与表内另一处文字只差一字 (识别可疑)", l.Cell));
            // No classification numbers anything from 0 ("0206" for 30206): its first digit was lost.
            if (l.Code is ['0', ..] lost)
                issues.Add(Issue(UnknownCode, $"{l.Form.Label()} p{l.Cell.Page}: 科目编码 {lost} 以 0 开头 (识别可疑)", l.Cell));
            // A code of a length no classification level has, in a table whose other codes have one: a digit lost or added.
            else if (l.Code is { Length: not (3 or 5 or 7) } odd && codeLengthsOk.Contains(l.Cell.Table))
                issues.Add(Issue(UnknownCode, $"{l.Form.Label()} p{l.Cell.Page}: 科目编码 {odd} 位数不对", l.Cell));
            // An amount with no header above it: the header row was not read, so the column is unknown.
            if (string.IsNullOrEmpty(l.Column))
                issues.Add(Issue(NoColumn, $"{l.Form.Label()} p{l.Cell.Page}: 「{l.Name}」的金额没有读到表头", l.Cell));
            // A digit glued to a header word ("支出7"): the words pass once digits are set aside (years and 栏次 are
            // printed), but no header ends a word with one digit; a rule's end or a speck was read there.
            // A header of one Chinese character no form prints alone ("和" read for 收入) is a header read as one of its
            // joining words.
            if (l.Column.Split('/').FirstOrDefault(h => !OcrLexicon.IsHeaderVocabulary(h) || TextNorm.Normalize(h) is var n &&
                    (HeaderDigitDebris().IsMatch(n) || n is [var one] && TextNorm.IsCjk(one) && !OcrLexicon.FormPhrases.Contains(n))) is { } header)
                issues.Add(Issue(UnknownHeader, $"{l.Form.Label()} p{l.Cell.Page}: 表头「{header}」不是表头用语 (识别可疑)", l.Cell));
            // Functional (2xx) and economic (3xx) codes only: other numbering (e.g. project codes) is not ours to judge.
            if (l.Code is { Length: 3 or 5 or 7 } code && code[0] is '2' or '3' && dict.Count > 0 && !dict.Contains(code) && !dict.Contains(code[..3]))
                issues.Add(Issue(UnknownCode, $"{l.Form.Label()} p{l.Cell.Page}: 科目编码 {code} 不在分类科目中", l.Cell));
        }
        var targeted = doc.Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Target)).Select(i => i.Project).ToHashSet();
        // A project's 分值 add up to 100 at most: over that, the weights big enough to account for the excess lost a
        // decimal point or gained a digit (75 for 7.5).
        var weightSums = doc.Indicators.Where(i => i.Weight is not null).GroupBy(i => (i.Form, i.Project)).ToDictionary(g => g.Key, g => g.Sum(i => i.Weight!.Value));
        var weighted = doc.Indicators.Where(i => i.Weight is not null).Select(i => i.Project).ToHashSet();
        var periodic = doc.Indicators.Where(i => !string.IsNullOrEmpty(i.Period)).Select(i => i.Form).ToHashSet();
        // Projects the document's 项目支出表 lists: a 绩效 page's project is one of them when the document has that table.
        var listed = doc.BudgetLines.Where(l => l.Form == FormType.ProjectExpenditure).Select(l => Key(l.Name))
            .Concat(doc.Projects.Where(p => p.Form == FormType.ProjectExpenditure).Select(p => Key(p.Name))).ToHashSet(StringComparer.Ordinal);
        var scannedProjects = doc.Indicators.Where(i => Ocr(i.Cell.Page)).Select(i => i.Project).Distinct().ToList();
        var projectOneOff = scannedProjects.Where(p => OneCharacterFromElsewhere(Key(p), CellTexts())).ToHashSet(StringComparer.Ordinal);
        foreach (var i in doc.Indicators)
        {
            if (pages.TryGetValue(i.Cell.Page, out var page) && page.Confidence < UnsurePageConfidence)
                issues.Add(Issue(UnsurePage, $"{i.Form.Label()} p{i.Cell.Page}: 本页表格类型不确定 ({page.Confidence:0.00})", i.Cell));
            // 一级/二级指标 are a fixed national vocabulary (产出指标/数量指标 …): an OCR'd level outside it is misread.
            if (Ocr(i.Cell.Page) && new[] { i.Level1, i.Level2 }.FirstOrDefault(v => !OcrLexicon.IsMadeOf(v, FormVocabulary.IndicatorLevelWords)) is { } level)
                issues.Add(Issue(UnknownIndicatorLevel, $"{i.Form.Label()} p{i.Cell.Page}: 指标级别「{level}」不是绩效指标用语 (识别可疑)", i.Cell));
            if (!Ocr(i.Cell.Page)) continue;
            // Every indicator of a 绩效目标表 has a target, and of a self-evaluation too when its other rows have one:
            // none read means the value column was lost (a header misread, cells merged).
            if (string.IsNullOrWhiteSpace(i.Target) && (i.Form == FormType.PerformanceTarget || targeted.Contains(i.Project)))
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 「{i.Name}」没有读到指标值", i.Cell));
            else if (i.Target is { Length: > 0 } target && !PlausibleValue(target))
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 指标值「{target}」不像指标值 (识别可疑)", i.Cell));
            // What was achieved reads like a value too ("46台(#)" for 46台（套）).
            else if (i.Actual is { Length: > 0 } done && !PlausibleValue(done))
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 完成值「{done}」不像指标值 (识别可疑)", i.Cell));
            // What was achieved is counted in the target's unit (≥350人 → 368人); a unit lost or changed is misread.
            if (i.TargetParsed is { Value: not null } tp && i.Actual is { Length: > 0 } actual &&
                TargetParser.Parse(actual) is { Value: not null } ap && (tp.Unit ?? "") != (ap.Unit ?? "") &&
                (tp.Unit ?? "").Length <= 3 && (ap.Unit ?? "").Length <= 3)
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 指标值「{i.Target}」与完成值「{actual}」单位不同 (识别可疑)", i.Cell));
            // What a name counts sets its target's unit: a 率 is a percentage, 次数 counts 次, 人数 counts 人
            // ("开展培训次数" | "≥11%"): another unit is a misread of the unit or of the name.
            if (UnitFitsName(i.Name, i.TargetParsed) is false)
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 指标值「{i.Target}」的单位与指标「{i.Name}」不符 (识别可疑)", i.Cell));
            // A target with no comparator that begins with 2, far above what was achieved, while the rest of it is
            // close to that ("24次" | 5次): ≥ read as a 2 (neither model has ≥).
            if (LostComparator(i.TargetParsed, i.Actual))
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 指标值「{i.Target}」的 ≥ 可能被识别为 2 (完成值「{i.Actual}」)", i.Cell));
            // A worded target is met in its own words (长期 | 长期): the two one character apart read one of them wrong.
            if (WordedValuesOneApart(i.Target, i.Actual))
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 指标值「{i.Target}」与完成值「{i.Actual}」只差一字 (识别可疑)", i.Cell));
            // The document's other 绩效目标表 split their indicators into 实施期 and 年度 blocks: one whose block was not
            // found lost a header (a seal over 年度目标), and its columns may be taken for another block's.
            if (string.IsNullOrEmpty(i.Period) && periodic.Contains(i.Form))
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 「{i.Name}」没有读到实施期/年度 (表头识别可疑)", i.Cell));
            // An indicator scores at most its 分值 (a lost point: 7.5 read 75).
            if (i.Score is { } sc && (sc > 100 || i.Weight is { } w && sc > w) || i.Weight > 100)
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 「{i.Name}」得分 {i.Score} 超过分值 {i.Weight} (识别可疑)", i.Cell));
            else if (i.Weight is { } wt && weightSums.TryGetValue((i.Form, i.Project), out var total) && total > 100.5m && wt >= total - 100)
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 「{i.Name}」分值 {wt} 使项目分值合计 {total} 超过 100 (识别可疑)", i.Cell));
            // A 分值 missing where the project's other rows have one (得分 may be merged over a group, 分值 is not).
            if (i.Form.IsPerformanceForm() && i.Weight is null && weighted.Contains(i.Project))
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 「{i.Name}」缺分值", i.Cell));
            // Project and indicator names are Chinese phrases: Latin letters or stray marks in them are misread glyphs.
            // So in what the engine read for the name, before the lexicon took marks off its end ("知晓率nj"): a
            // glyph misread as those marks may have taken a printed character with it.
            if (new[] { i.Project, i.Name, i.Actual ?? "", EngineReading(doc, i.Cell) ?? "" }.FirstOrDefault(t => TextDebrisPattern().IsMatch(QuotedWord().Replace(TextNorm.Normalize(t), "$1"))) is { } debris)
                issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 「{debris}」含识别残片", i.Cell));
            // A name led by a mark, or with a book-title mark left open ("《染病监测项目" for 传染病…): its first glyph
            // was misread, and every indicator of the project carries the wrong name.
            else if (new[] { i.Project, i.Name }.FirstOrDefault(t => MisreadMarks(TextNorm.Normalize(t))) is { } marked)
                issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 「{marked}」的标点可疑", i.Cell));
            // A scanned project name the 项目支出表 does not list ("才染病监测项目" for 传染病监测项目): misread, and
            // every indicator of the project with it.
            else if (listed.Count > 0 && i.Project.Length > 0 && !listed.Contains(Key(i.Project)))
                issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 项目「{i.Project}」不在项目支出表中 (识别可疑)", i.Cell));
            // A scanned project name no other cell holds, one character from a text another cell holds (its indicator
            // "健康教育宣传经费覆盖…" beside the project read "健康教育宜传经费"): one of the two is misread, and every
            // indicator of the project carries the name.
            else if (projectOneOff.Contains(i.Project))
                issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 项目「{i.Project}」与表内另一处文字只差一字 (识别可疑)", i.Cell));
            // A 整体 self-evaluation's project is the unit: a reading one misread character from the document's unit name
            // is one of the two misread (which one, the document could not tell).
            else if (i.Form == FormType.OverallPerformanceSelfEvaluation && doc.Info.UnitName is { Length: >= 4 } unit &&
                     i.Project.Length == unit.Length && i.Project != unit && OcrLexicon.Distance(i.Project, unit) <= 2)
                issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 项目「{i.Project}」与单位名称「{unit}」只差一字 (识别可疑)", i.Cell));
            // Every indicator belongs to a project (the unit itself on a 整体 form): none read means the 项目名称 cell was lost.
            else if (i.Project.Length == 0)
                issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 「{i.Name}」没有读到项目名称", i.Cell));
            // 合 split into 人台 ("资金使用人台规率") where no other reading of the name was there to join it (个人台账 is a word).
            else if (new[] { i.Project, i.Name }.FirstOrDefault(t => SplitGlyph().IsMatch(t)) is { } split)
                issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 「{split}」中的「人台」像是「合」的误识", i.Cell));
            // A digit glued to the end of a Chinese name ("健康教育宣传经费2") is a speck or a stroke read as one.
            else if (new[] { i.Project, i.Name }.FirstOrDefault(t => DigitAfterName().IsMatch(TextNorm.Normalize(t))) is { } digit)
                issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 「{digit}」末尾的数字可疑", i.Cell));
            // A mark after an indicator name ("社会公众知晓率:", "持续发挥作用-二", "开展培训次数一") is the cell's rule or a
            // speck read as one; names print none (none of 220 corpus names or the seeds' indicators end so).
            else if (TrailingMark(TextNorm.Normalize(i.Name)))
                issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 「{i.Name}」末尾的符号可疑", i.Cell));
            // An indicator name is words: one read as no Chinese at all ("8") came from another column or a speck.
            else if (!i.Name.Any(TextNorm.IsCjk))
                issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 指标名称「{i.Name}」没有文字 (识别可疑)", i.Cell));
        }
        // The 实施期 and 年度 targets of one row count the same thing: a unit or comparator that differs between them
        // ("25%" | "25年", "2项" | "专项", "790%" | "≥90%") is one of them misread.
        foreach (var pair in doc.Indicators.Where(i => i.Period is "实施期" or "年度" && Ocr(i.Cell.Page)).GroupBy(i => (i.Cell.Table, i.Cell.Row)))
        {
            var both = pair.ToList();
            if (both.Count != 2) continue;
            // Both blocks print one indicator name; readings the document's consensus could not reconcile are one misread.
            if (PairNamesDisagree(both[0].Name, both[1].Name))
                foreach (var i in both)
                    issues.Add(Issue(IndicatorDebris, $"{i.Form.Label()} p{i.Cell.Page}: 实施期「{both[0].Name}」与年度「{both[1].Name}」的指标名称不同 (识别可疑)", i.Cell));
            if (both[0].Target is not { Length: > 0 } a || both[1].Target is not { Length: > 0 } b || a == b) continue;
            if (NonDigits(a) == NonDigits(b)) continue;
            foreach (var i in both)
                issues.Add(Issue(IndicatorTarget, $"{i.Form.Label()} p{i.Cell.Page}: 「{i.Name}」实施期指标值「{a}」与年度指标值「{b}」的单位或符号不同 (识别可疑)", i.Cell));
        }
        return issues;
    }

    /// <summary>
    /// Whether a name (four characters or more) is held by no text but its own cells', while some other text holds a
    /// stretch of its length, or of its length less its last character, that differs from it in one Chinese character,
    /// neither the stretch's first nor its last. Texts equal to the name are its own cells.
    /// </summary>
    public static bool OneCharacterFromElsewhere(string name, IReadOnlyList<string> texts)
    {
        if (name.Length < 4 || !name.All(TextNorm.IsCjk)) return false;
        bool near = false;
        foreach (var t in texts)
        {
            if (t == name || t.Length < name.Length) continue;
            if (t.Contains(name, StringComparison.Ordinal)) return false;
            // Inside the name only: a text that goes on past the name's start or end differs there by its own
            // words (数字图书馆运维经费 beside the indicator 数字图书馆运维经覆盖读者人数).
            near = near || OneOff(t, name) || name.Length >= 5 && OneOff(t, name[..^1]);
        }
        return near;
        // The name's stem (all but its last character, 经费 → 经) is checked too: indicators that begin with the
        // project's name go on past its stem in their own words ("数字图攻馆运维经费" beside 数字图书馆运维经验收合格率).
        static bool OneOff(string text, string stem) =>
            TextNorm.OneOffWindows(text, stem).Any(w => w.At > 0 && w.At < stem.Length - 1 && TextNorm.IsCjk(text[w.Start + w.At]));
    }

    /// <summary>
    /// Whether a target read without comparator as "2" + digits is more likely ≥ + digits: what was achieved, in the
    /// same unit, is under half the target as read and at least half of it without its leading 2.
    /// </summary>
    public static bool LostComparator(IndicatorValue? target, string? actual)
    {
        if (target is not { Value: { } t, Comparator: Comparator.None } || !target.Raw.TrimStart().StartsWith('2') || string.IsNullOrEmpty(actual)) return false;
        var a = TargetParser.Parse(actual);
        if (a.Value is not { } done || (a.Unit ?? "") != (target.Unit ?? "")) return false;
        var rest = TextNorm.Normalize(target.Raw).TrimStart()[1..];
        var without = TargetParser.Parse(rest);
        return without.Value is { } w && w > 0 && done < t / 2 && done >= w / 2;
    }

    /// <summary>
    /// Whether a worded target and what was achieved (no digits) are the same length and differ in one character
    /// ("长其" | "长期"). Measured on the generated corpora's truth: of 1046 indicators with both, none does; a worded
    /// actual either repeats the target or says something else (达标, 已完成).
    /// </summary>
    public static bool WordedValuesOneApart(string? target, string? actual)
    {
        if (string.IsNullOrEmpty(target) || string.IsNullOrEmpty(actual)) return false;
        string t = TextNorm.Normalize(target), a = TextNorm.Normalize(actual);
        if (t.Length < 2 || t.Any(char.IsAsciiDigit) || a.Any(char.IsAsciiDigit)) return false;
        return TextNorm.SingleDifference(t, a) >= 0;
    }

    /// <summary>
    /// Whether the names of a row's 实施期 and 年度 blocks read as one name misread: they differ but share two
    /// characters or more in a row. A name cut short where its cell wraps (the seeds print "急救车司机工资及社保费" under
    /// 年度 for …发放准确率) and two unrelated indicators are not.
    /// </summary>
    public static bool PairNamesDisagree(string a, string b)
    {
        if (a == b || a.Length == 0 || b.Length == 0 || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)) return false;
        for (int k = 0; k + 1 < a.Length; k++)
            if (b.Contains(a.AsSpan(k, 2), StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Whether a label's round brackets do not pair up (full-width or not).</summary>
    public static bool UnpairedBrackets(string label) =>
        label.Count(c => c is '(' or '（') != label.Count(c => c is ')' or '）');

    /// <summary>A name led by a mark (a balanced 《…》 aside) or whose 《 》 do not pair up.</summary>
    public static bool MisreadMarks(string name) =>
        name.Length > 0 && (LeadingMark().IsMatch(name) && !(name[0] == '《' && name.Contains('》')) ||
                            name.Count(c => c == '《') != name.Count(c => c == '》'));

    private static string NonDigits(string t) => new(TextNorm.Normalize(t).Where(c => !char.IsAsciiDigit(c) && c != '.').ToArray());

    /// <summary>
    /// The fixed label of the forms (<see cref="FormVocabulary.Phrases"/>) a label is one misread character away from:
    /// one Chinese character changed, added or dropped, or in a label of five or more one read as two. Null when the
    /// label is one of them, or near none.
    /// </summary>
    public static string? NearFixedLabel(string label)
    {
        if (label.Length < 2 || OcrLexicon.FormPhrases.Contains(label) || OrdinalLabel().IsMatch(label)) return null;
        foreach (var p in OcrLexicon.FormPhrases)
        {
            // One character misread (or two marks), or one character more at either end.
            if (p.Length == label.Length && OcrLexicon.Distance(label, p) <= 2) return p;
            if (label.Length == p.Length + 1 && p.Length >= 3 && (label[1..] == p || label[..^1] == p)) return p;
            // One character read as two ("合计" → "人台计"): one more character and one changed, in a longer label.
            if (label.Length == p.Length + 1 && p.Length >= 5 && OcrLexicon.Distance(label, p) <= 6) return p;
        }
        return null;
    }


    // The engine's reading of a cell the OCR lexicon corrected; null when it was kept as read.
    private static string? EngineReading(DocumentResult doc, CellRef c) =>
        c.Table >= 0 && c.Table < doc.Tables.Count ? doc.Tables[c.Table].Cells.FirstOrDefault(x => x.Row == c.Row && x.Col == c.Col)?.OcrText : null;

    /// <summary>
    /// Whether a quantitative target's unit is the one its indicator's name counts in: 率 → %, 次数 → 次, 人数 → 人
    /// (人次 too). Null when the name says nothing of a unit or the target is worded.
    /// </summary>
    public static bool? UnitFitsName(string name, IndicatorValue? target)
    {
        if (target is not { Value: not null } t) return null;
        var unit = t.Unit ?? "";
        return TargetParser.UnitNamedBy(name) switch
        {
            "%" => unit == "%",
            { } counted => unit.Contains(counted, StringComparison.Ordinal),
            null => null,
        };
    }

    private static ValidationIssue Issue(string rule, string message, CellRef cell) =>
        new() { Rule = rule, Message = message, Cells = [cell] };


    /// <summary>
    /// Whether an indicator value reads like one: a number with an optional comparator before it and a short unit
    /// after it (≥95%, ≤2.74万元, 46台(套), 2024年12月底前), or a Chinese phrase (有效提高). A number glued after Chinese
    /// ("私2.74万元"), Latin letters ("≥o%") or stray marks ("≥100}") are misreadings, and so is a rate above 100 %
    /// ("295%", "790%": ≥ read as a digit; the forms' rates are shares of a whole).
    /// </summary>
    public static bool PlausibleValue(string value)
    {
        var t = TextNorm.Normalize(value).Replace(" ", "");
        if (t.Length == 0) return true;
        // No printed number starts with a 0 before another digit ("≤023年12月": 2 read as 0, or a digit lost).
        if (LeadingZero().IsMatch(t)) return false;
        // A month that is a character ("2022年这月底前"): its digits were misread. A bracket after a unit holds a word
        // (台(套)), not a number ("13台(4)").
        if (WordMonth().IsMatch(t) || NumberInUnitBracket().IsMatch(t)) return false;
        // Five digits or more with no unit ("2024412" for 2024年12月): a count that large is printed with its unit.
        if (LongBareNumber().IsMatch(t)) return false;
        // A month or day of three digits or more ("20244512月底前": 年 read as 45) is digits run together.
        if (LongMonthOrDay().IsMatch(t)) return false;
        // A deadline ends 月底前 (or 月底止): another character there ("2022年12月底丽") is 前 misread.
        if (DeadlineEnd().IsMatch(t)) return false;
        // A Chinese character twice in a row ("有有所提升"): a glyph read twice where the line wrapped or a seal crossed.
        if (DoubledCharacter(t)) return false;
        if (NumericValue().Match(t) is { Success: true } m)
            return !(t.EndsWith('%') && decimal.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.Number,
                System.Globalization.CultureInfo.InvariantCulture, out var pct) && pct > 100);
        return QualitativeValue().IsMatch(t);
    }

    [GeneratedRegex(@"[\u3400-\u9FFF]\d$")]
    private static partial Regex HeaderDigitDebris();

    [GeneratedRegex(@"(?<![\d.])0\d")]
    private static partial Regex LeadingZero();

    [GeneratedRegex(@"^[≥≤><=]?\d{5,}$")]
    private static partial Regex LongBareNumber();

    [GeneratedRegex(@"月底(?![前止])[\u3400-\u9FFF]$")]
    private static partial Regex DeadlineEnd();

    [GeneratedRegex(@"\d{3,}[月日]")]
    private static partial Regex LongMonthOrDay();

    // Reduplicated words values do print (人人参与, 逐年, 层层落实, 常常 …).
    private const string Reduplicated = "人常天年月日时处家户个层事项步各次种样";

    /// <summary>Whether a Chinese character follows itself in the text, other than the reduplications values print.</summary>
    private static bool DoubledCharacter(string text)
    {
        for (int k = 1; k < text.Length; k++)
            if (text[k] == text[k - 1] && TextNorm.IsCjk(text[k]) && !Reduplicated.Contains(text[k])) return true;
        return false;
    }

    [GeneratedRegex(@"[\u4E00-\u9FFF][(（]\d+[)）]")]
    private static partial Regex NumberInUnitBracket();

    // A year, then one Chinese character where the month's number belongs (not 每月, 半月, 当月 …).
    [GeneratedRegex(@"\d{4}年(?![每个半各当本次上下同首末])[\u4E00-\u9FFF]月")]
    private static partial Regex WordMonth();

    // A comparator, a number, then a unit of Chinese characters, %, ‰ or a per-unit (元/人, 台(套), 个/年).
    // The unit begins with a word, not a bracket: "298(套)" is 29台(套) with 台 read as a digit.
    [GeneratedRegex(@"^[≥≤><=]?(\d+(?:\.\d+)?)(?!\d)(?:%|‰|(?:[\u4E00-\u9FFF/][\u4E00-\u9FFF()（）/]{0,7}(?:\d+[\u4E00-\u9FFF()（）/]{1,8})*)?)$")]
    private static partial Regex NumericValue();

    // A Chinese phrase, with Chinese punctuation and brackets. A number right after its first character only after
    // words that take one (第1季度, 约5次): "过4年" and "私2.74万元" are ≥ and ≤ misread as a character.
    [GeneratedRegex(@"^(?:[第约每不少超达低高大小共近][0-9]|[\u4E00-\u9FFF](?![0-9]))[\u4E00-\u9FFF0-9.%()（）、，。；：/\-—]*$")]
    private static partial Regex QualitativeValue();

    // Latin letters or marks that do not occur in these names (|, quotes, angle brackets, ^ _ ~ ` ! ? ;).
    [GeneratedRegex(@"[A-Za-z|""'“”‘’<>_^~`!?;{}\[\]]")]
    private static partial Regex TextDebrisPattern();

    // A word in Chinese quotes ("“三公”经费控制率"): printed, not debris.
    [GeneratedRegex(@"[“""]([\u4E00-\u9FFF]{1,8})[”""]")]
    private static partial Regex QuotedWord();

    // A label beginning with a mark or Latin letter (not a digit, Chinese, a circled number or an opening bracket).
    [GeneratedRegex(@"^[^\u4E00-\u9FFF0-9①-⑳（(【\[“]")]
    private static partial Regex LeadingMark();

    // A label led by a Chinese or circled ordinal (一、 / （一） / ②): the template's numbering, not a fixed label.
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|[①-⑳])")]
    private static partial Regex OrdinalLabel();

    // A label's ordinal: a numeral and 、, or (group 1) one other Chinese character in its place.
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+|([\u4E00-\u9FFF]))、")]
    private static partial Regex OrdinalLead();

    // Digits with a decimal point and nothing else.
    [GeneratedRegex(@"^[0-9,]*\.[0-9.,]+$")]
    private static partial Regex AmountAsLabel();

    [GeneratedRegex(@"(?<!个)人台")]
    private static partial Regex SplitGlyph();

    // A name of three Chinese characters or more ending in one digit.
    [GeneratedRegex(@"[\u4E00-\u9FFF]{3}[0-9]$")]
    private static partial Regex DigitAfterName();

    /// <summary>A name that ends in a mark, or in 一/二/三 set off by a dash or glued to a word that takes no numeral after it.</summary>
    public static bool TrailingMark(string name) => name.Length >= 3 && TrailingMarkPattern().IsMatch(name);

    [GeneratedRegex(@"([:;,\-—_|~、]|[\-—_~][一二三]|[\u4E00-\u9FFF](?<![统唯第之万不合专])一)$")]
    private static partial Regex TrailingMarkPattern();

    // Chinese followed by Latin letters, or by digits ending the label.
    [GeneratedRegex(@"[\u4E00-\u9FFF)][A-Za-z]|[\u4E00-\u9FFF)][0-9]+$")]
    private static partial Regex LabelDebrisPattern();
}
