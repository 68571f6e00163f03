using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>Projects of a 项目支出表: each named row with its total (合计) and amounts by source.</summary>
public static class ProjectTableReader
{
    public static List<Project> Read(TableLayout layout, List<BudgetLine> lines, DocumentInfo info)
    {
        var projects = new List<Project>();
        foreach (var row in lines.GroupBy(l => l.Cell.Row))
        {
            var name = row.First().Name;
            // Unit and total rows group projects; they are not projects themselves.
            if (name.Length == 0 || name.Contains("合计") || name.Contains("总计") || name == info.UnitName) continue;
            if (LooksLikeUnit(name) && !name.Contains("项目") && !name.Contains("费") && !name.Contains("经费")) continue;
            var total = row.FirstOrDefault(l => Last(l.Column) is "合计" or "小计" or "总计" || l.Column.EndsWith("合计"));
            var sources = row.Where(l => l != total && l.AmountWan is not null)
                .GroupBy(l => l.Column).ToDictionary(g => g.Key, g => g.First().AmountWan!.Value);
            projects.Add(new Project
            {
                Name = name, Form = FormType.ProjectExpenditure, FirstPage = row.First().Cell.Page,
                TotalFundsWan = total?.AmountWan ?? (sources.Count == 1 ? sources.Values.First() : null),
                FundsBySourceWan = sources,
            });
        }
        return projects;
    }

    private static string Last(string path) => path.Split('/')[^1];

    private static bool LooksLikeUnit(string name) =>
        name.EndsWith("中心") || name.EndsWith("委员会") || name.EndsWith("局") || name.EndsWith("厅") || name.EndsWith("院") || name.EndsWith("办公室");
}
