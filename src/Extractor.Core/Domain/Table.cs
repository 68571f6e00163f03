namespace Extractor.Domain;

/// <summary>Where a cell's text came from.</summary>
public enum CellSource { TextLayer = 0, Ocr = 1, Correction = 2 }

/// <summary>
/// One cell of a ruled table: its place in the lattice (with spans for merged cells), its box on the page,
/// its text as printed and how sure the reader is of it.
/// </summary>
public sealed record Cell(int Row, int Col, int RowSpan, int ColSpan, Box Box, string Text, double Confidence, CellSource Source)
{
    public int LastRow => Row + RowSpan - 1;
    public int LastCol => Col + ColSpan - 1;
    public bool Covers(int row, int col) => row >= Row && row <= LastRow && col >= Col && col <= LastCol;
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);
    /// <summary>What the OCR engine read, when post-correction changed it into <see cref="Text"/>; null otherwise.</summary>
    public string? OcrText { get; init; }

    /// <summary>The cell with its text corrected; it keeps what the engine first read.</summary>
    public Cell Corrected(string text) => this with { Text = text, OcrText = OcrText ?? Text };
}

/// <summary>
/// A table on one page (or joined across pages, see <see cref="Pages"/>). Cells cover the lattice exactly once;
/// a merged cell appears once, at its top-left position.
/// </summary>
public sealed class Table
{
    public required int Page { get; init; }            // 1-based page the table starts on
    public required int Index { get; init; }           // 0-based index of the table on that page
    public required int RowCount { get; init; }
    public required int ColCount { get; init; }
    public required IReadOnlyList<Cell> Cells { get; init; }
    public Box Box { get; init; }
    /// <summary>1-based page of each row (a continued table spans several pages).</summary>
    public IReadOnlyList<int>? RowPages { get; init; }
    /// <summary>True when this table is the continuation of the previous page's last table.</summary>
    public bool ContinuesPrevious { get; init; }
    /// <summary>
    /// Columns (top-left column of the cell) of the last row whose text runs to the cell's right edge on its last
    /// line, as a row a page break cut in the middle of a wrapped label would (text layer only; null when unknown).
    /// </summary>
    public IReadOnlyList<int>? LastRowFullCols { get; init; }

    /// <summary>The same table with other cells (texts or confidences changed, lattice unchanged).</summary>
    public Table WithCells(IReadOnlyList<Cell> cells) => new()
    {
        Page = Page, Index = Index, RowCount = RowCount, ColCount = ColCount, Cells = cells, Box = Box, RowPages = RowPages,
        ContinuesPrevious = ContinuesPrevious, LastRowFullCols = LastRowFullCols,
    };

    public int PageOfRow(int row) => RowPages is { } rp && row < rp.Count ? rp[row] : Page;

    public Cell? At(int row, int col)
    {
        foreach (var c in Cells) if (c.Covers(row, col)) return c;
        return null;
    }

    /// <summary>Text at (row, col), following merges; empty when nothing covers it.</summary>
    public string Text(int row, int col) => At(row, col)?.Text ?? "";

    /// <summary>A plain grid of strings (merged cells repeated over their span): handy for interpreters and tests.</summary>
    public string[][] ToGrid()
    {
        var g = new string[RowCount][];
        for (int r = 0; r < RowCount; r++) { g[r] = new string[ColCount]; Array.Fill(g[r], ""); }
        foreach (var c in Cells)
            for (int r = c.Row; r <= c.LastRow && r < RowCount; r++)
                for (int k = c.Col; k <= c.LastCol && k < ColCount; k++) g[r][k] = c.Text;
        return g;
    }

    /// <summary>Builds a table from a plain grid with no merges (tests, text dumps).</summary>
    public static Table FromGrid(string[][] rows, int page = 1, int index = 0)
    {
        int cols = rows.Length == 0 ? 0 : rows.Max(r => r.Length);
        var cells = new List<Cell>();
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < cols; c++)
                cells.Add(new Cell(r, c, 1, 1, new Box(c * 80, r * 20, 80, 20), c < rows[r].Length ? rows[r][c] : "", 1.0, CellSource.TextLayer));
        return new Table { Page = page, Index = index, RowCount = rows.Length, ColCount = cols, Cells = cells };
    }
}
