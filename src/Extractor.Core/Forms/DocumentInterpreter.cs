using Extractor.Domain;

namespace Extractor.Forms;

/// <summary>Facts read from a document's tables and text.</summary>
public sealed class Interpretation
{
    public DocumentInfo Info { get; init; } = new();
    public List<BudgetLine> BudgetLines { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<Indicator> Indicators { get; } = [];
}

/// <summary>
/// Runs the interpreter of each table's form family. A table's form is that of its first page;
/// <see cref="CellRef.Table"/> of every fact is the table's index in <paramref name="tables"/>.
/// </summary>
public static class DocumentInterpreter
{
    public static Interpretation Interpret(IReadOnlyList<ClassifiedPage> pages, IReadOnlyList<Table> tables)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(tables);
        var info = DocumentInfoReader.Read(pages);
        var result = new Interpretation { Info = info };
        var byPage = new Dictionary<int, ClassifiedPage>();
        foreach (var p in pages) byPage.TryAdd(p.Content.PageNumber, p);

        for (int ti = 0; ti < tables.Count; ti++)
        {
            var table = tables[ti];
            if (table.RowCount == 0 || table.ColCount == 0) continue;
            var page = byPage.GetValueOrDefault(table.Page);
            var form = page?.FormType ?? FormType.Other;
            if (form.IsBudgetForm())
            {
                var layout = TableLayout.Analyze(table);
                var unit = UnitDetector.ForTable(table, layout, page?.Content);
                var lines = BudgetFormInterpreter.Read(layout, ti, form, unit);
                result.BudgetLines.AddRange(lines);
                if (form == FormType.ProjectExpenditure) result.Projects.AddRange(ProjectTableReader.Read(layout, lines, info));
            }
            else if (form.IsPerformanceForm())
            {
                var r = PerformanceFormInterpreter.Read(table, ti, form, info);
                result.Projects.AddRange(r.Projects);
                result.Indicators.AddRange(r.Indicators);
            }
        }
        ReadingConsensus.Apply(result, tables);
        return result;
    }
}
