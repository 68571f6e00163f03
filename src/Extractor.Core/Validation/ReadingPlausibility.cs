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

    /// <summary>Below this the page's form label is a guess, and so is every fact read under it.</summary>
    public const double UnsurePageConfidence = 0.35;

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
            // Row labels of budget forms are subject names and totals: OCR debris glued to their end (水费7, 租赁费SA)
            // is no printed text. (misread-label leaves upper-case Latin alone: text-layer forms do print it.)
            if (LabelDebrisPattern().IsMatch(TextNorm.Normalize(l.Name)))
                issues.Add(Issue(LabelDebris, $"{l.Form.Label()} p{l.Cell.Page}: 「{l.Name}」末尾有识别残片", l.Cell));
            // An amount with no header above it: the header row was not read, so the column is unknown.
            if (string.IsNullOrEmpty(l.Column))
                issues.Add(Issue(NoColumn, $"{l.Form.Label()} p{l.Cell.Page}: 「{l.Name}」的金额没有读到表头", l.Cell));
            if (l.Column.Split('/').FirstOrDefault(h => !IsHeaderVocabulary(h)) is { } header)
                issues.Add(Issue(UnknownHeader, $"{l.Form.Label()} p{l.Cell.Page}: 表头「{header}」不是表头用语 (识别可疑)", l.Cell));
            // Functional (2xx) and economic (3xx) codes only: other numbering (e.g. project codes) is not ours to judge.
            if (l.Code is { Length: 3 or 5 or 7 } code && code[0] is '2' or '3' && dict.Count > 0 && !dict.Contains(code) && !dict.Contains(code[..3]))
                issues.Add(Issue(UnknownCode, $"{l.Form.Label()} p{l.Cell.Page}: 科目编码 {code} 不在分类科目中", l.Cell));
        }
        foreach (var i in doc.Indicators)
        {
            if (pages.TryGetValue(i.Cell.Page, out var page) && page.Confidence < UnsurePageConfidence)
                issues.Add(Issue(UnsurePage, $"{i.Form.Label()} p{i.Cell.Page}: 本页表格类型不确定 ({page.Confidence:0.00})", i.Cell));
            // 一级/二级指标 are a fixed national vocabulary (产出指标/数量指标 …): an OCR'd level outside it is misread.
            if (Ocr(i.Cell.Page) && new[] { i.Level1, i.Level2 }.FirstOrDefault(v => !IsWords(v, IndicatorLevelWords)) is { } level)
                issues.Add(Issue(UnknownIndicatorLevel, $"{i.Form.Label()} p{i.Cell.Page}: 指标级别「{level}」不是绩效指标用语 (识别可疑)", i.Cell));
        }
        return issues;
    }

    private static ValidationIssue Issue(string rule, string message, CellRef cell) =>
        new() { Rule = rule, Message = message, Cells = [cell] };

    // Words of budget forms' column headers (the national 部门预算/决算 forms; province templates recombine them).
    private static readonly string[] HeaderWords =
    [
        "合计", "总计", "小计", "金额", "预算数", "决算数", "执行数", "调整", "预算", "决算", "年初", "年末", "本年", "上年", "全年",
        "当年", "基本支出", "项目支出", "人员经费", "公用经费", "一般公共预算", "政府性基金预算", "国有资本经营预算", "政府性基金",
        "国有资本经营", "财政拨款", "财政专户管理资金", "财政专户", "管理", "单位资金", "事业收入", "事业单位经营收入", "经营收入",
        "经营支出", "其他收入", "其他支出", "上级补助收入", "附属单位上缴收入", "对附属单位补助支出", "上缴上级支出",
        "用事业基金弥补收支差额", "结转和结余", "结转", "结余", "收入", "支出", "安排", "项目", "科目", "编码", "代码", "名称",
        "功能", "经济", "分类", "栏次", "行次", "其中", "比上年", "增减", "增长", "变动", "率", "拨款", "资金", "收支", "教育收费",
        "纳入", "专户", "非财政拨款", "非税收入", "补助", "专项", "中央", "省级", "市级", "县级", "本级", "部门", "单位", "公共",
        "一般", "基本", "提取", "分配", "使用", "数", "额", "年度", "和", "的", "及", "或", "类", "款", "项", "说明", "备注",
        "因公出国境费", "公务接待费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行维护费", "公务用车", "购置费",
        "运行维护费", "运行费", "购置", "三公经费", "机关运行经费", "用途", "来源", "按", "性质", "明细", "政府",
    ];

    /// <summary>
    /// Whether a header (one level of a column path) is made of the forms' header words, once years, numbers and
    /// brackets are set aside. An OCR'd header that is not (人金额, “般公共预算) names its column wrongly.
    /// </summary>
    public static bool IsHeaderVocabulary(string header) => IsWords(header, HeaderWords);

    // Words of 一级/二级 performance indicators (财政部 绩效目标 framework; 整体 self-evaluations add 履职/管理 words).
    private static readonly string[] IndicatorLevelWords =
    [
        "产出", "效益", "满意度", "成本", "数量", "质量", "时效", "经济", "社会", "生态", "环境", "可持续", "影响", "服务对象",
        "指标", "项目", "执行", "情况", "预算", "资金", "管理", "财务", "绩效", "目标", "完成", "履职", "效能", "运行",
        "投入", "过程", "决策", "效果", "公众", "群众", "部门", "整体", "分", "和", "及", "其他",
        "性", "效率", "公平", "有效", "合规", "规范", "产品", "服务", "对象", "持续", "收益", "职责", "单位",
    ];

    private static bool IsWords(string? text, string[] words)
    {
        var t = NonWord().Replace(TextNorm.Normalize(text), "");
        if (t.Length == 0) return true;
        // Word break by dynamic programming: can[i] = the first i characters split into header words.
        var can = new bool[t.Length + 1];
        can[0] = true;
        for (int i = 0; i < t.Length; i++)
        {
            if (!can[i]) continue;
            foreach (var w in words)
                if (string.CompareOrdinal(t, i, w, 0, w.Length) == 0 && i + w.Length <= t.Length) can[i + w.Length] = true;
        }
        return can[t.Length];
    }

    [GeneratedRegex(@"\d{4}年度?|[0-9.,%()、:：;；\-—]")]
    private static partial Regex NonWord();

    // Chinese followed by Latin letters, or by digits ending the label.
    [GeneratedRegex(@"[\u4E00-\u9FFF)][A-Za-z]|[\u4E00-\u9FFF)][0-9]+$")]
    private static partial Regex LabelDebrisPattern();
}
