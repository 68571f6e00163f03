namespace Extractor.Domain;

/// <summary>
/// The page labels researchers query by. 预算 and 决算 versions of a form share a label;
/// the document's kind (<see cref="DocumentKind"/>) is kept apart.
/// </summary>
public enum FormType
{
    Other = 0,                        // 其他
    Cover,                            // 封面目录
    Narrative,                        // 文字说明
    IncomeExpenditureSummary,         // 收支总表 (收入支出决算总表, 收支预算总表)
    IncomeSummary,                    // 收入总表
    ExpenditureSummary,               // 支出总表
    FiscalAppropriationSummary,       // 财政拨款收支总表
    GeneralBudgetExpenditure,         // 一般公共预算支出表
    GeneralBudgetBasicExpenditure,    // 一般公共预算基本支出表 (基本支出经济科目表, 基本支出决算明细表)
    GovernmentFund,                   // 政府性基金预算表
    StateCapitalOperation,            // 国有资本经营预算表
    ThreePublicExpenses,              // 三公经费表
    OperatingExpenses,                // 机关运行经费表
    ProjectExpenditure,               // 项目支出表
    PerformanceTarget,                // 绩效目标表
    PerformanceSelfEvaluation,        // 绩效自评表
    OverallPerformanceSelfEvaluation, // 整体绩效自评表
    PerformanceBaseData,              // 绩效基础数据表
}

public static class FormTypes
{
    private static readonly (FormType Type, string Label)[] Labels =
    [
        (FormType.Other, "其他"),
        (FormType.Cover, "封面目录"),
        (FormType.Narrative, "文字说明"),
        (FormType.IncomeExpenditureSummary, "收支总表"),
        (FormType.IncomeSummary, "收入总表"),
        (FormType.ExpenditureSummary, "支出总表"),
        (FormType.FiscalAppropriationSummary, "财政拨款收支总表"),
        (FormType.GeneralBudgetExpenditure, "一般公共预算支出表"),
        (FormType.GeneralBudgetBasicExpenditure, "一般公共预算基本支出表"),
        (FormType.GovernmentFund, "政府性基金预算表"),
        (FormType.StateCapitalOperation, "国有资本经营预算表"),
        (FormType.ThreePublicExpenses, "三公经费表"),
        (FormType.OperatingExpenses, "机关运行经费表"),
        (FormType.ProjectExpenditure, "项目支出表"),
        (FormType.PerformanceTarget, "绩效目标表"),
        (FormType.PerformanceSelfEvaluation, "绩效自评表"),
        (FormType.OverallPerformanceSelfEvaluation, "整体绩效自评表"),
        (FormType.PerformanceBaseData, "绩效基础数据表"),
    ];

    public static IReadOnlyList<FormType> All { get; } = Labels.Select(l => l.Type).ToArray();

    /// <summary>The label as researchers and the JSONL export see it.</summary>
    public static string Label(this FormType type) => Labels.First(l => l.Type == type).Label;

    public static bool TryParse(string label, out FormType type)
    {
        foreach (var (t, l) in Labels)
        {
            if (l == label || string.Equals(t.ToString(), label, StringComparison.OrdinalIgnoreCase)) { type = t; return true; }
        }
        type = FormType.Other;
        return false;
    }

    public static FormType Parse(string label) =>
        TryParse(label, out var t) ? t : throw new ArgumentException($"unknown form type '{label}'", nameof(label));

    /// <summary>Forms that carry budget lines (subject code, name, amounts).</summary>
    public static bool IsBudgetForm(this FormType t) => t is FormType.IncomeExpenditureSummary or FormType.IncomeSummary
        or FormType.ExpenditureSummary or FormType.FiscalAppropriationSummary or FormType.GeneralBudgetExpenditure
        or FormType.GeneralBudgetBasicExpenditure or FormType.GovernmentFund or FormType.StateCapitalOperation
        or FormType.ThreePublicExpenses or FormType.OperatingExpenses or FormType.ProjectExpenditure;

    /// <summary>Forms that carry performance indicators.</summary>
    public static bool IsPerformanceForm(this FormType t) => t is FormType.PerformanceTarget
        or FormType.PerformanceSelfEvaluation or FormType.OverallPerformanceSelfEvaluation;
}
