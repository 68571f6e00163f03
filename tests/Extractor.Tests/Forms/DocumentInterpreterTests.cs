using Extractor.Domain;
using Extractor.Forms;

namespace Extractor.Tests.Forms;

public class DocumentInterpreterTests
{
    [Fact]
    public void InfoFromUnitBudgetCover()
    {
        var info = DocumentInfoReader.Read(["阳泉市紧急医疗救援中心", "2025年度单位预算公开", "目录", "单位名称：阳泉市紧急医疗救援中心", "单位：万元"]);
        Assert.Equal(("阳泉市紧急医疗救援中心", 2025, DocumentKind.Budget, DocumentLevel.Unit), (info.UnitName, info.Year, info.Kind, info.Level));
    }

    [Fact]
    public void InfoFromFinalAccountLabels()
    {
        var info = DocumentInfoReader.Read(["2024年度单位决算公开", "公开01表", "部门名称：阳泉市卫生健康委员会医事管理中心2024年度金额单位：万元"]);
        Assert.Equal(("阳泉市卫生健康委员会医事管理中心", 2024, DocumentKind.FinalAccount, DocumentLevel.Unit), (info.UnitName, info.Year, info.Kind, info.Level));
    }

    [Fact]
    public void InfoFromTitleWithUnitName()
    {
        var info = DocumentInfoReader.Read(["江苏省人民检察院2019年部门预算公开", "部门： 江苏省人民检察院 单位：万元"]);
        Assert.Equal(("江苏省人民检察院", 2019, DocumentKind.Budget, DocumentLevel.Department), (info.UnitName, info.Year, info.Kind, info.Level));
    }

    [Fact]
    public void A_scanned_units_name_is_the_reading_its_pages_give_most_often()
    {
        // The title gave a misread name; the pages' 主管部门/实施单位/填报单位 cells mostly read it right.
        var cells = new[] { "阳泉市紧急医疗救援中心", "阳泉市紧急医疗救援中心", "阳峡市紧急医疗救援中心", "填报单位:阳泉市紧急医疗救援中心单位:万元",
            "阳凡市紧急医疗救援中心", "阳市紧急医疗救援中心" };
        Assert.Equal("阳泉市紧急医疗救援中心", DocumentInfoReader.MostRead("阳凡市紧急医疗救援中心", cells));
        // The name read as often as any other reading of it, or another unit's name printed more often: kept.
        Assert.Null(DocumentInfoReader.MostRead("阳泉市紧急医疗救援中心", cells));
        Assert.Null(DocumentInfoReader.MostRead("阳凡市紧急医疗救援中心", ["阳泉市紧急医疗救援中心", "阳凡市紧急医疗救援中心"]));
        Assert.Null(DocumentInfoReader.MostRead("吕梁市水利局", ["吕梁市林业局", "吕梁市林业局", "吕梁市林业局"]));
    }

    [Fact]
    public void InfoFromSeedDumps()
    {
        var dir = SeedDir();
        var cases = new (string File, string Unit, int Year, DocumentKind Kind, DocumentLevel Level)[]
        {
            ("000_b64be4f5967b63e6.txt", "阳泉市紧急医疗救援中心", 2024, DocumentKind.FinalAccount, DocumentLevel.Department),
            ("001_0d2cc0d834baef69.txt", "阳泉市紧急医疗救援中心", 2025, DocumentKind.Budget, DocumentLevel.Unit),
            ("003_9f46298a1159504d.txt", "阳泉市卫生健康委员会", 2024, DocumentKind.Budget, DocumentLevel.Department),
            ("004_fd8141cd2170886d.txt", "阳泉市卫生健康委员会医事管理中心", 2024, DocumentKind.FinalAccount, DocumentLevel.Unit),
        };
        foreach (var c in cases)
        {
            var lines = File.ReadLines(Path.Combine(dir, c.File)).Select(Extractor.Facts.TextNorm.Normalize).Where(l => l.Length > 0).ToList();
            var info = DocumentInfoReader.Read(lines);
            Assert.Equal((c.Unit, c.Year, c.Kind, c.Level), (info.UnitName, info.Year!.Value, info.Kind, info.Level));
        }
    }

    internal static string SeedDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Extractor.slnx")))
            {
                var p = Path.Combine(d.FullName, "..", "shared", "seeds");
                return Directory.Exists(p) ? p : "/work/shared/seeds";
            }
        return "/work/shared/seeds";
    }

    [Fact]
    public void InterpretRunsEachFormFamilyAndIndexesTablesInTheDocument()
    {
        var pages = new List<ClassifiedPage>
        {
            TableSpec.Page(1, FormType.Cover, "阳泉市紧急医疗救援中心", "2025年度单位预算公开"),
            TableSpec.Page(3, FormType.ExpenditureSummary, "2025年预算支出总表", "单位名称：阳泉市紧急医疗救援中心", "单位：万元"),
            TableSpec.Page(4, FormType.ProjectExpenditure, "2025年项目支出预算表（本年预算）", "单位：元"),
            TableSpec.Page(9, FormType.PerformanceTarget, "阳泉市市级预算部门（单位）项目支出绩效目标表"),
        };
        var tables = new List<Table>
        {
            TableSpec.Parse(Fixtures.YqExpenditure, page: 3),
            TableSpec.Parse(Fixtures.YqProjects, page: 4),
            TableSpec.Parse(Fixtures.YqTarget, page: 9),
        };
        var r = DocumentInterpreter.Interpret(pages, tables);
        Assert.Equal(("阳泉市紧急医疗救援中心", 2025), (r.Info.UnitName, r.Info.Year!.Value));
        Assert.Equal(44, r.BudgetLines.Count(l => l.Form == FormType.ExpenditureSummary));
        Assert.All(r.BudgetLines.Where(l => l.Form == FormType.ExpenditureSummary), l => Assert.Equal((3, 0), (l.Cell.Page, l.Cell.Table)));
        // The page says 单位：元: 11.50 元 = 0.00115 万元.
        var driver = r.BudgetLines.First(l => l.Form == FormType.ProjectExpenditure && l.Name == "急救车司机工资及社保费");
        Assert.Equal(("元", 0.00115m, 1), (driver.UnitAsPrinted, driver.AmountWan!.Value, driver.Cell.Table));
        Assert.Contains(r.Projects, p => p.Form == FormType.PerformanceTarget && p.Name == "急救车司机工资及社保费");
        Assert.Contains(r.Projects, p => p.Form == FormType.ProjectExpenditure && p.Name == "急救设备更新、维护费");
        Assert.Equal(10, r.Indicators.Count);
        Assert.All(r.Indicators, i => Assert.Equal(2, i.Cell.Table));
    }
}
