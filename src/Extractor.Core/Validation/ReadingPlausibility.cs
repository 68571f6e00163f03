using System.Text.RegularExpressions;
using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Validation;

/// <summary>
/// Checks of how a fact was read rather than of the forms' arithmetic. OCR is often confidently wrong on
/// labels and headers (Latin letters or stray symbols in Chinese text, a code that no classification has), and
/// a page the classifier was unsure of may put all its facts under the wrong form; the arithmetic cannot see
/// either when the amounts themselves are right. Text-layer pages are exact and are not checked here.
/// </summary>
public static partial class ReadingPlausibility
{
    public const string GarbledText = "ocr-garbled-text";
    public const string UnknownCode = "ocr-unknown-code";
    public const string UnsurePage = "unsure-page-class";

    /// <summary>Below this the page's form label is a guess, and so is every fact read under it.</summary>
    public const double UnsurePageConfidence = 0.5;

    public static List<ValidationIssue> Check(DocumentResult doc, SubjectCodeDictionary dict)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(dict);
        var pages = doc.Pages.GroupBy(p => p.Content.PageNumber).ToDictionary(g => g.Key, g => g.First());
        bool Ocr(int page) => pages.TryGetValue(page, out var p) && !p.Content.TextLayerUsable;
        var issues = new List<ValidationIssue>();

        foreach (var l in doc.BudgetLines)
        {
            if (pages.TryGetValue(l.Cell.Page, out var page) && page.Confidence < UnsurePageConfidence)
                issues.Add(Issue(UnsurePage, $"{l.Form.Label()} p{l.Cell.Page}: 本页表格类型不确定 ({page.Confidence:0.00})", l.Cell));
            if (!Ocr(l.Cell.Page)) continue;
            if (Garbled(l.Name) || l.Column.Split('/').Any(Garbled))
                issues.Add(Issue(GarbledText, $"{l.Form.Label()} p{l.Cell.Page}: 「{l.Name}」「{l.Column}」识别文字可疑", l.Cell));
            // Functional (2xx) and economic (3xx) codes only: other numbering (e.g. project codes) is not ours to judge.
            if (l.Code is { Length: 3 or 5 or 7 } code && code[0] is '2' or '3' && dict.Count > 0 && !dict.Contains(code) && !dict.Contains(code[..3]))
                issues.Add(Issue(UnknownCode, $"{l.Form.Label()} p{l.Cell.Page}: 科目编码 {code} 不在分类科目中", l.Cell));
        }
        foreach (var i in doc.Indicators)
        {
            if (pages.TryGetValue(i.Cell.Page, out var page) && page.Confidence < UnsurePageConfidence)
                issues.Add(Issue(UnsurePage, $"{i.Form.Label()} p{i.Cell.Page}: 本页表格类型不确定 ({page.Confidence:0.00})", i.Cell));
            // 一级/二级 headings are standard words; 三级 names may print acronyms and comparators (HIV, ≥, <).
            if (Ocr(i.Cell.Page) && new[] { i.Level1, i.Level2 }.Any(Garbled))
                issues.Add(Issue(GarbledText, $"{i.Form.Label()} p{i.Cell.Page}: 「{i.Name}」识别文字可疑", i.Cell));
        }
        return issues;
    }

    /// <summary>
    /// Chinese text with Latin letters touching it or symbols that the forms' subject names, headers and indicator
    /// headings never print (OCR of a seal, a rule or a smudge). Only for those fields: indicator names and
    /// narrative do print acronyms (ICU, HIV) and comparators.
    /// </summary>
    public static bool Garbled(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var t = TextNorm.Normalize(text);
        if (!t.Any(IsHan)) return false;
        return StraySymbol().IsMatch(t) || LetterTouchingHan().IsMatch(t);
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static ValidationIssue Issue(string rule, string message, CellRef cell) =>
        new() { Rule = rule, Message = message, Cells = [cell] };

    [GeneratedRegex(@"[|\\<>{}\[\]~`@#$^&*_=¥§¢£]")]
    private static partial Regex StraySymbol();

    [GeneratedRegex(@"[\u4E00-\u9FFF][A-Za-z]|[A-Za-z][\u4E00-\u9FFF]")]
    private static partial Regex LetterTouchingHan();
}
