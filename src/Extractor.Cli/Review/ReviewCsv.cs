using System.Globalization;
using CsvHelper;
using Extractor.Storage;

namespace Extractor.Cli.Review;

/// <summary>`review --export` writes the queue as CSV; a reviewer fills `new_value` in a spreadsheet; `review --apply` stores those.</summary>
public static class ReviewCsv
{
    public static readonly string[] Columns =
        ["kind", "file", "path", "page", "form_type", "table", "row", "col", "row_header", "column_header", "text", "confidence", "amount", "suggestion", "failed_checks", "new_value"];

    public static int Export(IReadOnlyList<ReviewItem> queue, TextWriter output)
    {
        using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        foreach (var c in Columns) csv.WriteField(c);
        csv.EndRecord();
        foreach (var q in queue)
        {
            string[] row =
            [
                q.Kind == ReviewKind.Cell ? "cell" : "page", q.File, q.Path, q.Page.ToString(CultureInfo.InvariantCulture), q.FormType,
                q.Kind == ReviewKind.Cell ? q.TableIndex.ToString(CultureInfo.InvariantCulture) : "",
                q.Kind == ReviewKind.Cell ? q.Row.ToString(CultureInfo.InvariantCulture) : "",
                q.Kind == ReviewKind.Cell ? q.Col.ToString(CultureInfo.InvariantCulture) : "",
                q.RowHeader, q.ColumnHeader, q.Text, q.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
                q.Amount?.ToString(CultureInfo.InvariantCulture) ?? "", q.Suggestion ?? "", string.Join(" | ", q.FailedChecks), "",
            ];
            csv.WriteRecord(row);
        }
        csv.Flush();
        return queue.Count;
    }

    public sealed record ApplyOutcome(int Applied, int Confirmed, int Unchanged, List<string> Errors);

    /// <summary>Stores every row with a `new_value` (same as the text = confirmed). Rows without one are left alone.</summary>
    public static ApplyOutcome Apply(IExtractorStore store, TextReader input, string reviewer)
    {
        int applied = 0, confirmed = 0, unchanged = 0;
        var errors = new List<string>();
        using var csv = CsvReader.Create(input, null, leaveOpen: true);
        int line = 1;
        while (csv.Read())
        {
            line++;
            string Get(string name) => csv.GetFieldIndex(name) >= 0 ? csv.GetString(name) ?? "" : "";
            var newValue = Get("new_value").Trim();
            if (newValue.Length == 0) { unchanged++; continue; }
            try
            {
                bool isPage = Get("kind") == "page";
                var text = Get("text");
                var action = newValue == text.Trim() ? CorrectionAction.Confirm : CorrectionAction.Apply;
                store.ApplyCorrection(new CorrectionRequest
                {
                    Path = Get("path"), Page = int.Parse(Get("page"), CultureInfo.InvariantCulture),
                    TableIndex = isPage ? -1 : int.Parse(Get("table"), CultureInfo.InvariantCulture),
                    Row = isPage ? -1 : int.Parse(Get("row"), CultureInfo.InvariantCulture),
                    Col = isPage ? -1 : int.Parse(Get("col"), CultureInfo.InvariantCulture),
                    NewValue = newValue, Action = action, By = reviewer,
                });
                if (action == CorrectionAction.Confirm) confirmed++; else applied++;
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                errors.Add($"line {line}: {ex.Message}");
            }
        }
        return new ApplyOutcome(applied, confirmed, unchanged, errors);
    }
}
