using Extractor.Domain;

namespace Extractor.Forms;

/// <summary>O(1) lookup of the cell covering a lattice position (Table.At scans every cell).</summary>
public sealed class CellIndex
{
    private readonly Cell?[,] _at;
    public Table Table { get; }

    public CellIndex(Table table)
    {
        Table = table;
        _at = new Cell?[table.RowCount, table.ColCount];
        foreach (var c in table.Cells)
            for (int r = c.Row; r <= c.LastRow && r < table.RowCount; r++)
                for (int k = c.Col; k <= c.LastCol && k < table.ColCount; k++)
                    _at[r, k] ??= c;
    }

    public Cell? At(int row, int col) =>
        row >= 0 && col >= 0 && row < Table.RowCount && col < Table.ColCount ? _at[row, col] : null;

    public string Text(int row, int col) => At(row, col)?.Text ?? "";
}
