using Extractor.Domain;

namespace Extractor.Tests.Forms;

/// <summary>
/// Builds test tables from a compact text: one row per line, cells separated by '|', "&lt;" merges a cell into
/// the one on its left, "^" into the one above (so merged headers and category cells look as on paper).
/// </summary>
public static class TableSpec
{
    public static Table Parse(string spec, int page = 1, int index = 0, IReadOnlyList<int>? rowPages = null)
    {
        var rows = spec.Replace("\r", "").Split('\n').Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToArray();
        int nr = rows.Length, nc = rows.Max(r => r.Length);
        string At(int r, int c) => c < rows[r].Length ? rows[r][c] : "";
        var owner = new (int R, int C)[nr, nc];
        var cells = new List<Cell>();
        for (int r = 0; r < nr; r++)
            for (int c = 0; c < nc; c++)
            {
                var t = At(r, c);
                if (t == "<" && c > 0) owner[r, c] = owner[r, c - 1];
                else if (t == "^" && r > 0) owner[r, c] = owner[r - 1, c];
                else owner[r, c] = (r, c);
            }
        for (int r = 0; r < nr; r++)
            for (int c = 0; c < nc; c++)
            {
                if (owner[r, c] != (r, c)) continue;
                int lastR = r, lastC = c;
                while (lastC + 1 < nc && owner[r, lastC + 1] == (r, c)) lastC++;
                while (lastR + 1 < nr && owner[lastR + 1, c] == (r, c)) lastR++;
                cells.Add(new Cell(r, c, lastR - r + 1, lastC - c + 1, new Box(c * 60, r * 18, (lastC - c + 1) * 60, (lastR - r + 1) * 18),
                    At(r, c), 0.95, CellSource.TextLayer));
            }
        return new Table { Page = page, Index = index, RowCount = nr, ColCount = nc, Cells = cells, RowPages = rowPages, Box = new Box(0, 100, nc * 60, nr * 18) };
    }

    public static ClassifiedPage Page(int number, FormType form, params string[] lines) =>
        new(new PageContent
        {
            PageNumber = number, RawText = string.Join("\n", lines),
            Lines = lines.Select((l, i) => new TextLine(l, new Box(0, i * 20, 400, 18), 1.0)).ToList(),
        }, form, 0.9);
}
