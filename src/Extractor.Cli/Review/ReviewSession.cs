using System.Globalization;
using Extractor.Storage;

namespace Extractor.Cli.Review;

/// <summary>
/// The interactive review loop. Reads one answer per line from <paramref name="input"/> so scripts and tests can
/// drive it: [a]ccept suggestion, [t]ype a value (next line), [c]onfirm, [s]kip, [b]ack, [q]uit.
/// </summary>
public sealed class ReviewSession(IExtractorStore store, TextReader input, TextWriter output, string reviewer, CellImageRenderer? images)
{
    public sealed record Outcome(int Accepted, int Typed, int Confirmed, int Skipped, int Remaining);

    public Outcome Run(IReadOnlyList<ReviewItem> queue)
    {
        int accepted = 0, typed = 0, confirmed = 0, skipped = 0;
        int i = 0;
        if (queue.Count == 0)
        {
            output.WriteLine("nothing awaits review (没有待复核的项目)");
            return new Outcome(0, 0, 0, 0, 0);
        }
        while (i < queue.Count)
        {
            var item = queue[i];
            Show(item, i, queue.Count);
            output.Write(item.Kind == ReviewKind.Cell
                ? "[a]ccept suggestion  [t]ype value  [c]onfirm  [s]kip  [b]ack  [q]uit > "
                : "[t]ype form type  [c]onfirm  [s]kip  [b]ack  [q]uit > ");
            output.Flush();
            var line = input.ReadLine();
            if (line is null) { output.WriteLine(); break; }
            var key = line.Trim().ToLowerInvariant();
            switch (key.Length == 0 ? ' ' : key[0])
            {
                case 'a':
                    if (item.Kind != ReviewKind.Cell || item.Suggestion is null) { output.WriteLine("no suggestion for this item (没有建议值)"); continue; }
                    if (!Apply(item, item.Suggestion, CorrectionAction.Accept)) continue;
                    accepted++; i++;
                    break;
                case 't':
                    output.Write(item.Kind == ReviewKind.Cell ? "value (数值)> " : "form type (表格类型)> ");
                    output.Flush();
                    var value = input.ReadLine();
                    if (value is null) { output.WriteLine(); i = queue.Count; break; }
                    if (string.IsNullOrWhiteSpace(value) && item.Kind == ReviewKind.Page) { output.WriteLine("empty: nothing changed"); continue; }
                    if (!Apply(item, value.Trim(), CorrectionAction.Type)) continue;
                    typed++; i++;
                    break;
                case 'c':
                    if (!Apply(item, null, CorrectionAction.Confirm)) continue;
                    confirmed++; i++;
                    break;
                case 's':
                    skipped++; i++;
                    break;
                case 'b':
                    if (i == 0) output.WriteLine("already at the first item");
                    i = Math.Max(0, i - 1);
                    break;
                case 'q':
                    output.WriteLine("quit (退出)");
                    return Done(accepted, typed, confirmed, skipped, queue.Count - i);
                default:
                    output.WriteLine("keys: a = accept suggestion, t = type a value, c = confirm as correct, s = skip, b = back, q = quit");
                    break;
            }
        }
        return Done(accepted, typed, confirmed, skipped, Math.Max(0, queue.Count - i));
    }

    private Outcome Done(int accepted, int typed, int confirmed, int skipped, int remaining)
    {
        output.WriteLine($"review: {accepted} accepted, {typed} typed, {confirmed} confirmed, {skipped} skipped; {remaining} left in this queue");
        return new Outcome(accepted, typed, confirmed, skipped, remaining);
    }

    private bool Apply(ReviewItem item, string? value, CorrectionAction action)
    {
        try
        {
            store.ApplyCorrection(new CorrectionRequest
            {
                Path = item.Path, Page = item.Page, TableIndex = item.Kind == ReviewKind.Cell ? item.TableIndex : -1,
                Row = item.Kind == ReviewKind.Cell ? item.Row : -1, Col = item.Kind == ReviewKind.Cell ? item.Col : -1,
                NewValue = value, Action = action, By = reviewer,
            });
            output.WriteLine(action switch
            {
                CorrectionAction.Confirm => "confirmed (已确认)",
                _ => $"saved: {(item.Kind == ReviewKind.Cell ? item.Text : item.FormType)} → {value} (已更正)",
            });
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            output.WriteLine($"not saved: {ex.Message}");
            return false;
        }
    }

    private void Show(ReviewItem item, int index, int count)
    {
        output.WriteLine();
        if (item.Kind == ReviewKind.Cell)
        {
            output.WriteLine($"[{index + 1}/{count}] {item.File}  page {item.Page} ({item.FormType})  table {item.TableIndex} row {item.Row} col {item.Col}");
            output.WriteLine($"  row (行):       {item.RowHeader}");
            output.WriteLine($"  column (列):    {item.ColumnHeader}");
            output.WriteLine($"  read (识别):    {item.Text}   (confidence {item.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})");
            if (item.Suggestion is not null) output.WriteLine($"  suggestion (建议): {item.Suggestion}");
            if (item.FailedChecks.Count > 0)
            {
                output.WriteLine("  failed checks (未通过校验):");
                foreach (var c in item.FailedChecks) output.WriteLine($"    - {c}");
            }
        }
        else
        {
            output.WriteLine($"[{index + 1}/{count}] {item.File}  page {item.Page}: form type {item.FormType}? (confidence {item.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})");
        }
        if (images is not null)
        {
            try { output.WriteLine($"  image (图像):   {images.Render(item)}"); }
            catch (Exception ex) { output.WriteLine($"  image unavailable: {ex.Message}"); }
        }
    }
}
