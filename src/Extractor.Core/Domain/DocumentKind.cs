namespace Extractor.Domain;

/// <summary>What a disclosure is: 预算 (budget), 决算 (final accounts) or 绩效评价 (performance evaluation).</summary>
public enum DocumentKind { Unknown = 0, Budget, FinalAccount, PerformanceEvaluation }

/// <summary>部门 (department, consolidated) or 单位 (a single unit).</summary>
public enum DocumentLevel { Unknown = 0, Department, Unit }

public static class DocumentKinds
{
    public static string Label(this DocumentKind k) => k switch
    {
        DocumentKind.Budget => "预算",
        DocumentKind.FinalAccount => "决算",
        DocumentKind.PerformanceEvaluation => "绩效评价",
        _ => "未知",
    };

    public static string Label(this DocumentLevel l) => l switch
    {
        DocumentLevel.Department => "部门",
        DocumentLevel.Unit => "单位",
        _ => "未知",
    };
}
