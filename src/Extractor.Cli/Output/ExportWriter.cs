using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Extractor.Storage;

namespace Extractor.Cli.Output;

/// <summary>
/// `export`: every page and fact with provenance. The JSONL field names are a contract (docs/CLI.md); a test pins them.
/// Per document (by path): its pages, then its budget lines, then its indicators.
/// </summary>
public static class ExportWriter
{
    public static readonly string[] PageFields = ["type", "file", "page", "form_type", "scanned", "confidence"];
    public static readonly string[] FactFields = ["type", "file", "page", "form_type", "unit_name", "year", "confidence", "flagged", "raw"];
    public static readonly string[] BudgetLineFields = [.. FactFields, "code", "name", "column", "amount"];
    public static readonly string[] IndicatorFields = [.. FactFields, "project", "period", "level1", "level2", "name", "target", "actual", "weight", "score"];

    public sealed record Counts(int Pages, int BudgetLines, int Indicators);

    private static IEnumerable<(string Type, object?[] Values)> Records(IExtractorStore store)
    {
        var lines = store.QueryBudgetLines(new BudgetLineQuery()).ToLookup(l => l.DocumentId);
        var indicators = store.QueryIndicators(new IndicatorQuery()).ToLookup(i => i.DocumentId);
        foreach (var doc in store.Pages().GroupBy(p => p.DocumentId))
        {
            foreach (var p in doc)
                yield return ("page", [p.File, p.Page, p.FormType, p.Scanned, p.Confidence]);
            foreach (var l in lines[doc.Key])
                yield return ("budget_line", [l.File, l.Page, l.Form, l.UnitName, l.Year, l.Confidence, l.Flagged, l.Raw, l.Code, l.Name, l.Column, l.Amount]);
            foreach (var i in indicators[doc.Key])
                yield return ("indicator", [i.File, i.Page, i.Form, i.UnitName, i.Year, i.Confidence, i.Flagged, i.Raw, i.Project, i.Period, i.Level1, i.Level2, i.Name, i.Target, i.Actual, i.Weight, i.Score]);
        }
    }

    private static string[] FieldsOf(string type) => type switch { "page" => PageFields, "budget_line" => BudgetLineFields, _ => IndicatorFields };

    public static Counts WriteJsonl(IExtractorStore store, TextWriter output)
    {
        int pages = 0, lines = 0, inds = 0;
        var buffer = new MemoryStream();
        foreach (var (type, values) in Records(store))
        {
            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer, Tabular.JsonOptions))
            {
                var fields = FieldsOf(type);
                w.WriteStartObject();
                w.WriteString("type", type);
                for (int k = 1; k < fields.Length; k++)
                {
                    w.WritePropertyName(fields[k]);
                    Tabular.WriteValue(w, values[k - 1]);
                }
                w.WriteEndObject();
            }
            output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            _ = type switch { "page" => pages++, "budget_line" => lines++, _ => inds++ };
        }
        output.Flush();
        return new Counts(pages, lines, inds);
    }

    /// <summary>One CSV for everything: the union of the JSONL fields, blank where a record type has none.</summary>
    public static Counts WriteCsv(IExtractorStore store, TextWriter output)
    {
        var columns = PageFields.Concat(BudgetLineFields).Concat(IndicatorFields).Distinct().ToArray();
        int pages = 0, lines = 0, inds = 0;
        using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        foreach (var c in columns) csv.WriteField(c);
        csv.EndRecord();
        foreach (var (type, values) in Records(store))
        {
            var fields = FieldsOf(type);
            var map = new Dictionary<string, object?> { ["type"] = type };
            for (int k = 1; k < fields.Length; k++) map[fields[k]] = values[k - 1];
            foreach (var c in columns) csv.WriteField(map.TryGetValue(c, out var v) ? Tabular.Format(v) : "");
            csv.EndRecord();
            _ = type switch { "page" => pages++, "budget_line" => lines++, _ => inds++ };
        }
        csv.Flush();
        return new Counts(pages, lines, inds);
    }
}
