using Extractor.Domain;

namespace Extractor.Forms;

/// <summary>Document-level repairs of scanned cells: the page with each OCR'd cell's text replaced where one is given.</summary>
internal static class OcrCellMending
{
    /// <summary>The page with each OCR'd cell for which <paramref name="mended"/> gives a text corrected to it.</summary>
    public static ClassifiedPage Mend(ClassifiedPage page, Func<Cell, string?> mended)
    {
        var tables = page.Content.Tables;
        List<Table>? changed = null;
        for (int t = 0; t < tables.Count; t++)
        {
            Cell[]? cells = null;
            var source = tables[t].Cells;
            for (int i = 0; i < source.Count; i++)
                if (source[i].Source == CellSource.Ocr && mended(source[i]) is { } text && text != source[i].Text)
                {
                    cells ??= source.ToArray();
                    cells[i] = source[i].Corrected(text);
                }
            if (cells is null) continue;
            changed ??= tables.ToList();
            changed[t] = tables[t].WithCells(cells);
        }
        return changed is null ? page : page with { Content = page.Content.WithTables(changed) };
    }
}
