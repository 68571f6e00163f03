using Extractor.Domain;
using Extractor.Imaging;

namespace Extractor.Tables;

/// <summary>A straight piece of ruling line in pixels: <see cref="Pos"/> is y for a horizontal rule (x for a vertical one), it runs from Start to End along its axis.</summary>
public sealed record RuleSegment(bool Horizontal, double Pos, int Start, int End, double Thickness)
{
    public int Length => End - Start;
}

/// <summary>A cell of a lattice: its place (with spans) and its box in pixels, rules included at the edges.</summary>
public readonly record struct LatticeCell(int Row, int Col, int RowSpan, int ColSpan, PixelRect Rect);

/// <summary>
/// One ruled table found on an image: column boundaries <see cref="Xs"/> and row boundaries <see cref="Ys"/> (pixels),
/// which boundary pieces carry a rule, and the cells that follow from the missing rules (merged cells).
/// </summary>
public sealed class Lattice
{
    public required double[] Xs { get; init; }
    public required double[] Ys { get; init; }
    /// <summary>HRule[i, j]: a rule runs along row boundary i over column j.</summary>
    public required bool[,] HRule { get; init; }
    /// <summary>VRule[i, j]: a rule runs along column boundary i over row j.</summary>
    public required bool[,] VRule { get; init; }
    public required double Dpi { get; init; }
    /// <summary>Typical rule thickness in pixels (for insetting cells past the rule).</summary>
    public double RuleThickness { get; init; } = 1;
    public int Rows => Ys.Length - 1;
    public int Cols => Xs.Length - 1;

    public PixelRect Bounds => Rect(0, 0, Rows, Cols);

    public PixelRect Rect(int row, int col, int rowSpan, int colSpan)
    {
        int x0 = (int)Math.Round(Xs[col]), x1 = (int)Math.Round(Xs[col + colSpan]);
        int y0 = (int)Math.Round(Ys[row]), y1 = (int)Math.Round(Ys[row + rowSpan]);
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    private List<LatticeCell>? _cells;

    /// <summary>
    /// The lattice without inner boundaries that no cell starts at: a stray rule piece (a scan's edge, a stroke) can make
    /// a boundary every row's cells span across, which shifts every column index after it (a 基本支出决算明细表 read as
    /// 14 columns for 12). Cells keep their boxes; a boundary piece over merged rows or columns carries a rule when any
    /// piece it stands for did, so the cells come out the same.
    /// </summary>
    public Lattice WithoutIdleBoundaries()
    {
        var colStarts = Cells.Select(c => c.Col).ToHashSet();
        var rowStarts = Cells.Select(c => c.Row).ToHashSet();
        var keepX = Enumerable.Range(0, Xs.Length).Where(i => i == 0 || i == Xs.Length - 1 || colStarts.Contains(i)).ToArray();
        var keepY = Enumerable.Range(0, Ys.Length).Where(i => i == 0 || i == Ys.Length - 1 || rowStarts.Contains(i)).ToArray();
        if (keepX.Length == Xs.Length && keepY.Length == Ys.Length) return this;
        var h = new bool[keepY.Length, keepX.Length - 1];
        for (int i = 0; i < keepY.Length; i++)
            for (int j = 0; j + 1 < keepX.Length; j++)
                for (int k = keepX[j]; k < keepX[j + 1] && !h[i, j]; k++) h[i, j] = HRule[keepY[i], k];
        var v = new bool[keepX.Length, keepY.Length - 1];
        for (int i = 0; i < keepX.Length; i++)
            for (int j = 0; j + 1 < keepY.Length; j++)
                for (int k = keepY[j]; k < keepY[j + 1] && !v[i, j]; k++) v[i, j] = VRule[keepX[i], k];
        return new Lattice
        {
            Xs = keepX.Select(i => Xs[i]).ToArray(), Ys = keepY.Select(i => Ys[i]).ToArray(), HRule = h, VRule = v,
            Dpi = Dpi, RuleThickness = RuleThickness,
        };
    }

    /// <summary>
    /// Cells covering the lattice exactly once: from each free position, span right while no vertical rule
    /// separates, then down while no horizontal rule (and no inner vertical rule) separates the whole span.
    /// </summary>
    public IReadOnlyList<LatticeCell> Cells => _cells ??= BuildCells();

    private List<LatticeCell> BuildCells()
    {
        int rows = Rows, cols = Cols;
        var covered = new bool[rows, cols];
        var cells = new List<LatticeCell>();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                if (covered[r, c]) continue;
                int cs = 1;
                while (c + cs < cols && !VRule[c + cs, r] && !covered[r, c + cs]) cs++;
                int rs = 1;
                while (r + rs < rows)
                {
                    bool open = true;
                    for (int k = c; k < c + cs && open; k++)
                        if (HRule[r + rs, k] || covered[r + rs, k]) open = false;
                    for (int k = c + 1; k < c + cs && open; k++)
                        if (VRule[k, r + rs]) open = false;
                    // the row below must not reach past the span (a neighbour continuing under it)
                    if (open && c + cs < cols && !VRule[c + cs, r + rs]) open = false;
                    if (!open) break;
                    rs++;
                }
                for (int i = r; i < r + rs; i++) for (int k = c; k < c + cs; k++) covered[i, k] = true;
                cells.Add(new LatticeCell(r, c, rs, cs, Rect(r, c, rs, cs)));
            }
        return cells;
    }

    /// <summary>Points of the image this lattice was found on (pt = px · 72 / dpi).</summary>
    public Box ToPoints(PixelRect r) =>
        new(r.X * 72.0 / Dpi, r.Y * 72.0 / Dpi, r.Width * 72.0 / Dpi, r.Height * 72.0 / Dpi);
}
