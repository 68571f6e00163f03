namespace Extractor.Domain;

/// <summary>Where a fact was read: a cell of a table on a page.</summary>
public readonly record struct CellRef(int Page, int Table, int Row, int Col)
{
    public override string ToString() => $"p{Page}.t{Table}.r{Row}.c{Col}";
}

/// <summary>类 / 款 / 项 of a 政府收支分类科目 code, from its length (3 / 5 / 7 digits).</summary>
public enum SubjectLevel { Unknown = 0, Class = 1, Section = 2, Item = 3 }

/// <summary>A 政府收支分类科目 code such as 2080501 (类 208, 款 20805, 项 2080501).</summary>
public readonly record struct SubjectCode(string Value)
{
    public SubjectLevel Level => Value.Length switch { 3 => SubjectLevel.Class, 5 => SubjectLevel.Section, 7 => SubjectLevel.Item, _ => SubjectLevel.Unknown };
    public string? Parent => Value.Length switch { 5 => Value[..3], 7 => Value[..5], _ => null };
    public bool IsValid => Level != SubjectLevel.Unknown && Value.All(char.IsAsciiDigit);
    public override string ToString() => Value;

    public static string LevelLabel(SubjectLevel l) => l switch
    {
        SubjectLevel.Class => "类", SubjectLevel.Section => "款", SubjectLevel.Item => "项", _ => "",
    };
}

/// <summary>What the document says about itself.</summary>
public sealed record DocumentInfo
{
    public string? UnitName { get; init; }     // 单位名称 / 部门名称
    public int? Year { get; init; }
    public DocumentKind Kind { get; init; }
    public DocumentLevel Level { get; init; }
}

/// <summary>
/// One amount of a budget form: a row (subject code and/or name) crossed with a column (its header path).
/// </summary>
public sealed record BudgetLine
{
    public required FormType Form { get; init; }
    public string? Code { get; init; }                  // 科目编码, digits only; null for rows named only (合计, 基本支出 …)
    public required string Name { get; init; }          // 科目名称 or row label as printed (whitespace removed)
    public SubjectLevel Level { get; init; }
    public required string Column { get; init; }        // header path joined with '/', e.g. "一般公共预算/基本支出"
    public required string RawText { get; init; }       // the cell as printed
    public decimal? AmountAsPrinted { get; init; }
    public string UnitAsPrinted { get; init; } = "万元"; // 元 or 万元, from the table's 单位 note
    public decimal? AmountWan { get; init; }            // in 万元
    public required CellRef Cell { get; init; }
    public double Confidence { get; init; } = 1.0;
    public bool Flagged { get; init; }
}

/// <summary>A project (项目) of a 项目支出表 or a performance form.</summary>
public sealed record Project
{
    public required string Name { get; init; }          // 项目名称
    public string? Department { get; init; }            // 主管部门
    public string? ImplementingUnit { get; init; }      // 实施单位
    public string? Attribute { get; init; }             // 项目属性
    public string? Period { get; init; }                // 项目期 / 实施期 as printed
    public string? Manager { get; init; }               // 负责人
    public decimal? TotalFundsWan { get; init; }        // 资金总额 / 年度资金总额
    public IReadOnlyDictionary<string, decimal> FundsBySourceWan { get; init; } = new Dictionary<string, decimal>();
    public decimal? TotalScore { get; init; }           // 自评 总分
    public decimal? ExecutionScore { get; init; }       // 自评: score of 项目执行情况 / 预算执行率 (part of 总分)
    public string? Grade { get; init; }                 // 评价等级 (优/良/中/差)
    public int FirstPage { get; init; }
    public FormType Form { get; init; }
}

/// <summary>Comparator of a quantitative target: ≥ ≤ ＞ ＜ =.</summary>
public enum Comparator { None = 0, GreaterOrEqual, LessOrEqual, Greater, Less, Equal }

/// <summary>A target as parsed: quantitative (comparator, value, unit) or qualitative (有效提高).</summary>
public sealed record IndicatorValue(string Raw, Comparator Comparator, decimal? Value, string? Unit)
{
    public bool IsQualitative => Value is null;
}

/// <summary>A performance indicator row (一级 / 二级 / 三级指标).</summary>
public sealed record Indicator
{
    public required FormType Form { get; init; }
    public required string Project { get; init; }
    public string? Period { get; init; }                 // 实施期 / 年度 / null
    public required string Level1 { get; init; }         // 一级指标 (产出指标 …)
    public required string Level2 { get; init; }         // 二级指标 (数量指标 …)
    public required string Name { get; init; }           // 三级指标
    public string? Target { get; init; }                 // 指标值 / 年度指标值, as printed
    public IndicatorValue? TargetParsed { get; init; }
    public string? Actual { get; init; }                 // 全年完成值 / 实际完成值
    public decimal? Weight { get; init; }                // 分值 / 权重
    public decimal? Score { get; init; }                 // 得分 / 自评得分
    public string? DeviationReason { get; init; }
    public required CellRef Cell { get; init; }          // the name cell
    public string RawText { get; init; } = "";
    public double Confidence { get; init; } = 1.0;
    public bool Flagged { get; init; }
}

/// <summary>A failed check of the forms' own arithmetic or of code/name consistency.</summary>
public sealed record ValidationIssue
{
    public required string Rule { get; init; }           // e.g. "total-row", "class-sum", "basic-plus-project"
    public required string Message { get; init; }        // human-readable, Chinese terms as printed
    public required IReadOnlyList<CellRef> Cells { get; init; }
    public decimal? Expected { get; init; }
    public decimal? Actual { get; init; }
    /// <summary>When exactly one cell change restores every failed check: that cell and its value.</summary>
    public CellRef? SuggestionCell { get; init; }
    public string? SuggestedValue { get; init; }
}
