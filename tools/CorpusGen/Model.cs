using Extractor.Domain;

namespace CorpusGen;

/// <summary>One drawn cell of a generated table (lattice position, spans, text as printed).</summary>
public sealed class TCell
{
    public int Row, Col, RowSpan = 1, ColSpan = 1;
    public string Text = "";
    public bool Bold;
    public char Align = 'c';   // l, c, r
}

/// <summary>
/// A table as the generator draws it. A "logical" table (whole header + all data rows) is split into per-page
/// parts by <see cref="Paginator"/>; every part is itself a TTable with its own lattice.
/// </summary>
public sealed class TTable
{
    public int Rows, Cols;
    public List<TCell> Cells = [];
    public double[] Widths = [];            // relative column widths
    public int HeaderRows;                  // rows drawn as header at the top
    public double FontPt = 9;
    public string Unit = "万元";            // unit of the amounts: 万元 or 元
    /// <summary>Column path per column (from the logical header, by the conventions); null = no amounts.</summary>
    public string?[] ColumnPaths = [];
    /// <summary>Amount columns: column → (label column, code columns joined, empty when the form prints no code).</summary>
    public Dictionary<int, (int Label, int[] Code)> AmountCols = [];
    /// <summary>Rows whose amount cells are budget lines (logical rows; header and 栏次 rows excluded).</summary>
    public HashSet<int> DataRows = [];
    /// <summary>Indicators whose name cell sits in a row of this table (row index of the part).</summary>
    public List<(int Row, IndicatorTruth Ind)> Indicators = [];

    public TCell Add(int r, int c, string text, int rs = 1, int cs = 1, char align = 'c', bool bold = false)
    {
        var cell = new TCell { Row = r, Col = c, RowSpan = rs, ColSpan = cs, Text = text, Align = align, Bold = bold };
        Cells.Add(cell);
        Rows = Math.Max(Rows, r + rs);
        Cols = Math.Max(Cols, c + cs);
        return cell;
    }

    public TCell? At(int r, int c) => Cells.FirstOrDefault(x => r >= x.Row && r < x.Row + x.RowSpan && c >= x.Col && c < x.Col + x.ColSpan);

    /// <summary>Adds empty 1×1 cells at every lattice position nothing covers, so the grid is complete.</summary>
    public void Complete()
    {
        var covered = new bool[Rows, Cols];
        foreach (var c in Cells)
            for (int r = c.Row; r < c.Row + c.RowSpan; r++)
                for (int k = c.Col; k < c.Col + c.ColSpan; k++)
                {
                    if (covered[r, k]) throw new InvalidOperationException($"cell ({r},{k}) covered twice");
                    covered[r, k] = true;
                }
        for (int r = 0; r < Rows; r++)
            for (int k = 0; k < Cols; k++)
                if (!covered[r, k]) Cells.Add(new TCell { Row = r, Col = k });
        Cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Col.CompareTo(b.Col));
    }

    /// <summary>Column paths by the conventions from the header rows listed (栏次/unit rows left out by the caller).</summary>
    public void ComputePaths(IEnumerable<int> pathRows)
    {
        var rows = pathRows.ToArray();
        ColumnPaths = new string?[Cols];
        for (int c = 0; c < Cols; c++)
        {
            var parts = new List<string>();
            foreach (var r in rows)
            {
                var t = Norm.Text(At(r, c)?.Text ?? "");
                if (t.Length == 0 || Norm.IsMarker(t)) continue;
                if (parts.Count > 0 && parts[^1] == t) continue;
                parts.Add(t);
            }
            ColumnPaths[c] = string.Join('/', parts);
        }
    }
}

public abstract record Block;
public sealed record Para(string Text, string Style = "body") : Block;   // styles: title, sub, body, small, right, toc, cover1, cover2
public sealed record TableBlock(TTable Table) : Block;

/// <summary>One physical page of a generated document.</summary>
public sealed class PageSpec
{
    public FormType Form;
    public bool Landscape;
    public bool ContinuesPrevious;
    public List<Block> Blocks = [];
    public ScanSpec? Scan;                 // null = text page
    public IEnumerable<TTable> Tables => Blocks.OfType<TableBlock>().Select(b => b.Table);
}

public sealed record ScanSpec(int Dpi, bool Color, double SkewDeg, int Rotation, double Perspective, double Blur,
    double Noise, double Lighting, int JpegQuality, bool Seal, bool Watermark, int Seed);

public sealed class DocSpec
{
    public required string Name;
    public required string Template;       // template variant id (stratification key)
    public required string UnitName;
    public required int Year;
    public required DocumentKind Kind;
    public required DocumentLevel Level;
    public string SongFont = "Noto Serif CJK SC";
    public string HeiFont = "Noto Sans CJK SC";
    public string ScanMode = "text";       // text, scan, mixed
    public List<PageSpec> Pages = [];
}

public sealed record IndicatorTruth(string Project, string? Period, string Level1, string Level2, string Name,
    string? Target, string? Actual, decimal? Weight, decimal? Score);

public sealed record BudgetLineTruth(int Page, string FormType, string? Code, string Name, string Column,
    decimal Amount, string Unit, string AmountRaw);
