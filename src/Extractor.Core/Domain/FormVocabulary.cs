using System.Text.RegularExpressions;

namespace Extractor.Domain;

/// <summary>
/// The words and phrases the national templates print in headers and fixed labels (财政部 部门预算/决算公开 forms and
/// the 绩效目标/自评 forms). Used to judge OCR'd text (a header not made of these words is misread) and to correct it
/// (Facts.OcrLexicon). Domain knowledge of the forms, not of any one document.
/// </summary>
public static partial class FormVocabulary
{
    /// <summary>A header of performance indicator values (指标值 / 完成值 / 目标值): numbers with units and comparators.</summary>
    public static bool IsIndicatorValueHeader(string? header) => IndicatorValueHeader().IsMatch(Compact(header));

    /// <summary>Header of a 绩效 score column (分值 / 权重 / 得分 / 自评得分): its cells hold numbers only.</summary>
    public static bool IsScoreHeader(string? header) => ScoreHeader().IsMatch(Compact(header));

    // A header cell's text without the spaces and line breaks a scan or a wrapped cell puts in it.
    private static string Compact(string? header) => Regex.Replace(header ?? "", @"\s+", "");

    [GeneratedRegex("^(指标)?(分值|权重|得分|自评得分|评分)(（分）|\\(分\\))?$")]
    private static partial Regex ScoreHeader();

    // A short header ending in 标值 and a stray mark is 指标值 scanned ("司脂标值之").
    [GeneratedRegex("(指标值|完成值|目标值)$|^.{0,3}标值.?$")]
    private static partial Regex IndicatorValueHeader();

    // The national 绩效指标 framework: each 二级指标 word with its 一级 (the 2021 成本 split included; 成本 alone is
    // also the older 二级 under 产出).
    private static readonly (string Level2, string Level1)[] Framework =
    [
        ("数量", "产出"), ("质量", "产出"), ("时效", "产出"), ("成本", "产出"),
        ("经济效益", "效益"), ("社会效益", "效益"), ("生态效益", "效益"), ("可持续影响", "效益"),
        ("服务对象满意度", "满意度"),
        ("经济成本", "成本"), ("社会成本", "成本"), ("生态环境成本", "成本"),
    ];

    /// <summary>
    /// The levels of the national 绩效指标 framework as the forms print them: every word with 指标, the longer ones
    /// also without it (经济效益, 可持续影响).
    /// </summary>
    public static readonly IReadOnlySet<string> IndicatorLevels = new HashSet<string>(
        Framework.SelectMany(f => new[] { f.Level1, f.Level2 }).Distinct()
            .SelectMany(w => new[] { w + "指标" }.Concat(w.Length > 2 ? [w] : Array.Empty<string>())));

    /// <summary>The 二级指标 words (数量, 经济效益 …, without 指标) the national framework puts under a 一级指标.</summary>
    public static IEnumerable<string> ChildLevels(string level1)
    {
        var w = level1.EndsWith("指标") ? level1[..^2] : level1;
        return Framework.Where(f => f.Level1 == w).Select(f => f.Level2);
    }

    /// <summary>The 一级指标 a 二级指标 belongs to in the national framework; null for levels that are not 二级.</summary>
    public static string? ParentLevel(string level2)
    {
        var w = level2.EndsWith("指标") ? level2[..^2] : level2;
        foreach (var (l2, l1) in Framework) if (l2 == w) return l1 + "指标";
        return null;
    }

    /// <summary>Words column headers are made of (any combination, years and numbers aside).</summary>
    public static readonly IReadOnlyList<string> HeaderWords =
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

    /// <summary>Words of 一级/二级 performance indicators (绩效目标 framework; 整体 self-evaluations add 履职/管理 words).</summary>
    public static readonly IReadOnlyList<string> IndicatorLevelWords =
    [
        "产出", "效益", "满意度", "成本", "数量", "质量", "时效", "经济", "社会", "生态", "环境", "可持续", "影响", "服务对象",
        "指标", "项目", "执行", "情况", "预算", "资金", "管理", "财务", "绩效", "目标", "完成", "履职", "效能", "运行",
        "投入", "过程", "决策", "效果", "公众", "群众", "部门", "整体", "分", "和", "及", "其他",
        "性", "效率", "公平", "有效", "合规", "规范", "产品", "服务", "对象", "持续", "收益", "职责", "单位",
    ];

    /// <summary>Whole cell texts the templates print as headers and fixed labels.</summary>
    public static readonly IReadOnlyList<string> Phrases =
    [
        // budget and final-account headers
        "科目编码", "科目代码", "科目名称", "功能分类科目", "经济分类科目", "收入科目编码", "支出功能分类科目", "功能分类科目编码",
        "经济分类科目编码", "部门经济分类", "政府经济分类", "项目", "金额", "合计", "总计", "小计", "本年收入合计", "本年支出合计",
        "收入总计", "支出总计", "收入合计", "支出合计", "本年收入", "本年支出", "收入", "支出", "单位名称", "部门名称", "部门（单位）名称", "单位编码", "项目名称", "项目类别",
        "年初结转和结余", "年末结转和结余", "上年结转", "结转下年", "预算数", "决算数", "执行数", "年初预算数", "全年预算数",
        "全年执行数", "执行率", "基本支出", "项目支出", "人员经费", "公用经费", "一般公共预算", "政府性基金预算", "国有资本经营预算",
        "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "财政拨款", "财政拨款收入", "财政拨款支出",
        "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出", "其他支出", "事业收入", "经营收入", "其他收入",
        "因公出国（境）费", "公务接待费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行维护费", "机关运行经费",
        // performance forms
        "主管部门", "主管部门及代码", "实施单位", "项目属性", "项目期", "项目资金", "项目资金（万元）", "项目资金（元）",
        "实施期资金总额", "年度资金总额", "其中：中央财政资金", "其中：财政拨款", "地方资金", "其他资金", "总体目标", "绩效目标",
        "实施期目标", "年度目标", "绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "年度指标值", "全年完成值",
        "实际完成值", "预期目标", "实际完成情况", "分值", "权重", "得分", "自评得分", "总分", "偏差原因分析及改进措施",
        "未完成原因和改进措施", "未完成原因分析", "项目负责人", "联系电话", "项目起止时间", "预算执行率", "项目预算金额",
        "实际到位金额", "预算金额（万元）", "负责人", "经办人", "填报日期", "备注", "说明", "已完成", "未完成", "无",
        "产出指标", "效益指标", "满意度指标", "成本指标", "数量指标", "质量指标", "时效指标", "经济效益指标", "社会效益指标",
        "生态效益指标", "可持续影响指标", "服务对象满意度指标", "经济效益", "社会效益", "生态效益", "可持续影响",
        "服务对象满意度", "经济成本指标", "社会成本指标", "生态环境成本指标", "项目执行情况", "自评结论及结果分析",
    ];
}
