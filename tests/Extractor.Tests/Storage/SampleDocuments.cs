using Extractor.Domain;

namespace Extractor.Tests.Storage;

/// <summary>Small hand-built pipeline results for store and CLI tests (no PDF needed).</summary>
internal static class SampleDocuments
{
    /// <summary>
    /// A 支出总表 page (header rows, 3 data rows, 合计) whose 合计 disagrees with its rows by 0.90:
    /// the 2080501 基本支出 cell was misread as 96.17 where 97.07 is printed; the validator flagged it with a suggestion.
    /// </summary>
    public static DocumentResult Budget(string path, string sha, string misread = "96.17", double misreadConfidence = 0.55, string unit = "某某市财政局")
    {
        string[][] grid =
        [
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "合计", "367.07", "267.07", "100.00"],
            ["208", "社会保障和就业支出", "167.07", "167.07", "0"],
            ["2080501", "行政单位离退休", misread, misread, "-"],
            ["2130101", "行政运行", "100.00", "0.00", "100.00"],
        ];
        var cells = new List<Cell>();
        for (int r = 0; r < grid.Length; r++)
            for (int c = 0; c < grid[r].Length; c++)
            {
                bool low = r == 3 && (c == 2 || c == 3);
                cells.Add(new Cell(r, c, 1, 1, new Box(50 + c * 90, 100 + r * 24, 90, 24), grid[r][c], low ? misreadConfidence : 0.97, CellSource.Ocr));
            }
        var table = new Table { Page = 2, Index = 0, RowCount = grid.Length, ColCount = 5, Cells = cells, Box = new Box(50, 100, 450, 120) };
        var doc = new DocumentResult { FilePath = path, Sha256 = sha, SizeBytes = 1234, PageCount = 2, Producer = "test" };
        doc.Info = new DocumentInfo { UnitName = unit, Year = 2024, Kind = DocumentKind.Budget, Level = DocumentLevel.Department };
        doc.Pages.Add(new ClassifiedPage(new PageContent { PageNumber = 1, WidthPt = 595, HeightPt = 842, RawText = "目录" }, FormType.Cover, 0.45));
        doc.Pages.Add(new ClassifiedPage(new PageContent
        {
            PageNumber = 2, WidthPt = 595, HeightPt = 842, Scanned = true, Rotation = 0, SkewDegrees = 0.4, RawText = "支出总表", Tables = [table],
            TextConfidence = 0.9,
        }, FormType.ExpenditureSummary, 0.93));
        string[] columns = ["合计", "基本支出", "项目支出"];
        for (int r = 1; r < grid.Length; r++)
            for (int c = 2; c < 5; c++)
            {
                var raw = grid[r][c];
                if (raw is "" or "-") continue;
                var amount = decimal.Parse(raw, System.Globalization.CultureInfo.InvariantCulture);
                bool flagged = r == 3 && (c == 2 || c == 3);
                doc.BudgetLines.Add(new BudgetLine
                {
                    Form = FormType.ExpenditureSummary, Code = grid[r][0] == "" ? null : grid[r][0], Name = grid[r][1],
                    Level = new SubjectCode(grid[r][0]).Level, Column = columns[c - 2], RawText = raw, AmountAsPrinted = amount, AmountWan = amount,
                    Cell = new CellRef(2, 0, r, c), Confidence = flagged ? misreadConfidence : 0.97, Flagged = flagged,
                });
            }
        doc.Issues.Add(new ValidationIssue
        {
            Rule = "class-sum", Message = "类 208 ≠ 其下各项之和 (167.07 vs 96.17)", Cells = [new CellRef(2, 0, 2, 3), new CellRef(2, 0, 3, 3)],
            Expected = 167.07m, Actual = 96.17m, SuggestionCell = new CellRef(2, 0, 3, 3), SuggestedValue = "167.07",
        });
        return doc;
    }

    /// <summary>A 绩效目标表 with two indicators, one flagged.</summary>
    public static DocumentResult Performance(string path, string sha)
    {
        string[][] grid =
        [
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人次", "≥500人次"],
            ["效益指标", "社会效益指标", "群众满意度", "≥9O%"],
        ];
        var table = Table.FromGrid(grid, page: 1);
        var doc = new DocumentResult { FilePath = path, Sha256 = sha, SizeBytes = 99, PageCount = 1 };
        doc.Info = new DocumentInfo { UnitName = "某某县教育局", Year = 2025, Kind = DocumentKind.Budget, Level = DocumentLevel.Unit };
        doc.Pages.Add(new ClassifiedPage(new PageContent { PageNumber = 1, WidthPt = 842, HeightPt = 595, Tables = [table] }, FormType.PerformanceTarget, 0.9));
        doc.Projects.Add(new Project { Name = "教师培训项目", FirstPage = 1, Form = FormType.PerformanceTarget, TotalFundsWan = 50m });
        doc.Indicators.Add(new Indicator
        {
            Form = FormType.PerformanceTarget, Project = "教师培训项目", Period = "年度", Level1 = "产出指标", Level2 = "数量指标", Name = "培训人次",
            Target = "≥500人次", TargetParsed = new IndicatorValue("≥500人次", Comparator.GreaterOrEqual, 500, "人次"), Cell = new CellRef(1, 0, 1, 2), RawText = "培训人次",
        });
        doc.Indicators.Add(new Indicator
        {
            Form = FormType.PerformanceTarget, Project = "教师培训项目", Period = "年度", Level1 = "效益指标", Level2 = "社会效益指标", Name = "群众满意度",
            Target = "≥9O%", Cell = new CellRef(1, 0, 2, 2), RawText = "群众满意度", Confidence = 0.5, Flagged = true,
        });
        return doc;
    }
}
