using Extractor.Domain;
using Extractor.Pdf;

namespace Extractor.Tables;

/// <summary>
/// The text path: lattices found on a render, glyphs of the text layer binned into cells by their centres
/// (exact on exported tables), everything else gathered into text lines.
/// </summary>
public static class TextTableReader
{
    public sealed record Result(List<Table> Tables, List<TextLine> Lines, string RawText);

    public static Result Read(IReadOnlyList<Lattice> lattices, IReadOnlyList<Glyph> glyphs, int pageNumber)
    {
        var perCell = lattices.Select(l => new List<Glyph>[l.Cells.Count]).ToArray();
        var outside = new List<Glyph>();
        foreach (var g in glyphs)
        {
            bool placed = false;
            for (int t = 0; t < lattices.Count && !placed; t++)
            {
                int idx = CellAt(lattices[t], g.Box.CenterX, g.Box.CenterY);
                if (idx < 0) continue;
                (perCell[t][idx] ??= []).Add(g);
                placed = true;
            }
            if (!placed) outside.Add(g);
        }

        var tables = new List<Table>();
        for (int t = 0; t < lattices.Count; t++)
        {
            var lat = lattices[t];
            var cells = new List<Cell>(lat.Cells.Count);
            for (int i = 0; i < lat.Cells.Count; i++)
            {
                var lc = lat.Cells[i];
                string text = perCell[t][i] is { } gs ? GlyphText.Join(gs) : "";
                cells.Add(new Cell(lc.Row, lc.Col, lc.RowSpan, lc.ColSpan, lat.ToPoints(lc.Rect), text, 1.0, CellSource.TextLayer));
            }
            tables.Add(new Table
            {
                Page = pageNumber, Index = t, RowCount = lat.Rows, ColCount = lat.Cols, Cells = cells,
                Box = lat.ToPoints(lat.Bounds), LastRowFullCols = FullLastRowCols(cells, perCell[t], lat.Rows),
            });
        }

        var lines = new List<TextLine>();
        foreach (var line in GlyphText.Lines(outside))
            foreach (var part in GlyphText.SplitWide(line))
            {
                var text = GlyphText.Normalize(string.Concat(part.Select(g => g.Text)));
                if (text.Length > 0) lines.Add(new TextLine(text, GlyphText.Bounds(part), 1.0));
            }
        return new Result(tables, lines, PageText.Compose(lines, tables));
    }

    /// <summary>
    /// Cells of the last row whose last text line leaves no room for one more glyph before the cell's right edge
    /// (the cell padding is the table's smallest left gap between a cell edge and its text): a label that was
    /// wrapping there when the page ended. Cells are in lattice order, as <paramref name="glyphs"/>.
    /// </summary>
    public static List<int> FullLastRowCols(IReadOnlyList<Cell> cells, List<Glyph>?[] glyphs, int rows)
    {
        var leftGaps = new List<double>();
        for (int i = 0; i < cells.Count; i++)
            if (glyphs[i] is { } gs)
                foreach (var line in GlyphText.Lines(gs.Where(g => !string.IsNullOrWhiteSpace(g.Text))))
                    leftGaps.Add(line[0].Box.X - cells[i].Box.X);
        var full = new List<int>();
        if (leftGaps.Count == 0) return full;
        leftGaps.Sort();
        double padding = Math.Max(0, leftGaps[leftGaps.Count / 10]);
        for (int i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (c.LastRow != rows - 1 || glyphs[i] is not { } gs) continue;
            var lines = GlyphText.Lines(gs.Where(g => !string.IsNullOrWhiteSpace(g.Text)));
            if (lines.Count == 0) continue;
            var last = lines[^1];
            double glyphWidth = last.Select(g => g.Box.Width).Order().ElementAt(last.Count / 2);
            if (c.Box.Right - last.Max(g => g.Box.Right) < padding + glyphWidth) full.Add(c.Col);
        }
        return full;
    }

    /// <summary>Index into <see cref="Lattice.Cells"/> of the cell holding a point given in points; -1 outside.</summary>
    public static int CellAt(Lattice lat, double xPt, double yPt)
    {
        double x = xPt * lat.Dpi / 72.0, y = yPt * lat.Dpi / 72.0;
        int col = Slot(lat.Xs, x), row = Slot(lat.Ys, y);
        if (col < 0 || row < 0) return -1;
        var cells = lat.Cells;
        for (int i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (row >= c.Row && row < c.Row + c.RowSpan && col >= c.Col && col < c.Col + c.ColSpan) return i;
        }
        return -1;
    }

    private static int Slot(double[] bounds, double v)
    {
        if (v < bounds[0] || v >= bounds[^1]) return -1;
        int i = Array.BinarySearch(bounds, v);
        if (i < 0) i = ~i - 1;
        return Math.Min(i, bounds.Length - 2);
    }
}

/// <summary>The page's text in reading order for the classifier: lines and table rows (cells tab-separated) top to bottom.</summary>
public static class PageText
{
    public static string Compose(IReadOnlyList<TextLine> lines, IReadOnlyList<Table> tables)
    {
        var items = new List<(double Y, double X, string Text)>();
        foreach (var l in lines) items.Add((l.Box.Y, l.Box.X, l.Text));
        foreach (var t in tables)
        {
            var rows = new List<string>();
            for (int r = 0; r < t.RowCount; r++)
            {
                // a merged cell is printed once, at its top-left; the positions it covers stay empty
                var parts = new List<string>();
                for (int c = 0; c < t.ColCount; c++)
                {
                    var cell = t.At(r, c);
                    if (cell is null) parts.Add("");
                    else if (cell.Col == c) parts.Add(cell.Row == r ? cell.Text : "");
                }
                rows.Add(string.Join('\t', parts));
            }
            items.Add((t.Box.Y, t.Box.X, string.Join('\n', rows)));
        }
        items.Sort((a, b) => a.Y.CompareTo(b.Y));
        // Items on the same band (部门 … 单位) read left to right.
        for (int i = 0; i < items.Count;)
        {
            int j = i + 1;
            while (j < items.Count && items[j].Y - items[i].Y < 2) j++;
            items.Sort(i, j - i, Comparer<(double Y, double X, string Text)>.Create((a, b) => a.X.CompareTo(b.X)));
            i = j;
        }
        return string.Join('\n', items.Select(i => i.Text));
    }
}
