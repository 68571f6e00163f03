using Extractor.Domain;
using Extractor.Pdf;

namespace Extractor.Classification;

/// <summary>Reads every page of a PDF into a <see cref="PageContent"/>.</summary>
public delegate IReadOnlyList<PageContent> DocumentReader(string pdfPath);

/// <summary>
/// A stand-in reading stage for developing and training the classifier before the real one (Extractor.Tables
/// PageReader) is wired: the text layer only, from the glyphs of <see cref="PdfPage.GetGlyphs"/>. Glyphs are
/// grouped into visual lines and split at wide gaps; runs of lines with three or more segments become a rough
/// table, the rest are text lines. No OCR: a page without a text layer comes back empty.
/// </summary>
public static class TextLayerPageReader
{
    public static IReadOnlyList<PageContent> ReadDocument(string pdfPath)
    {
        using var doc = PdfDocument.Open(pdfPath);
        var pages = new List<PageContent>(doc.PageCount);
        for (int i = 0; i < doc.PageCount; i++)
        {
            using var page = doc.GetPage(i);
            pages.Add(FromGlyphs(i + 1, page.WidthPt, page.HeightPt, page.GetGlyphs().Select(g => (g.Text, g.Box))));
        }
        return pages;
    }

    private sealed record Word(string Text, Box Box);

    /// <summary>Builds a page from positioned text pieces (glyphs or words); whitespace pieces are ignored.</summary>
    public static PageContent FromGlyphs(int pageNumber, double width, double height, IEnumerable<(string Text, Box Box)> pieces) =>
        Build(pageNumber, width, height, pieces.Where(p => !string.IsNullOrWhiteSpace(p.Text) && p.Box.Height > 0)
            .Select(p => new Word(p.Text.Trim(), p.Box)).ToList());

    private static PageContent Build(int pageNumber, double width, double height, List<Word> words)
    {
        // Visual lines: words whose vertical centres lie within half a line height of the line's first word.
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderBy(x => x.Box.CenterY).ThenBy(x => x.Box.X))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line[0].Box.CenterY - word.Box.CenterY) <= 0.5 * Math.Max(line[0].Box.Height, word.Box.Height))
                line.Add(word);
            else
                lines.Add([word]);
        }
        var segmented = lines.Select(l => Segments(l.OrderBy(x => x.Box.X).ToList())).ToList();

        var textLines = new List<TextLine>();
        var tables = new List<Table>();
        int i = 0;
        while (i < segmented.Count)
        {
            int j = i;
            while (j < segmented.Count && segmented[j].Count >= 3) j++;
            if (j - i >= 2)
            {
                tables.Add(MakeTable(segmented.GetRange(i, j - i), pageNumber, tables.Count));
                i = j;
                continue;
            }
            if (j == i) j = i + 1;
            for (int k = i; k < j; k++) textLines.Add(MakeLine(segmented[k]));
            i = j;
        }
        var raw = string.Join("\n", segmented.Select(s => string.Join(" ", s.Select(seg => seg.Text))));
        return new PageContent
        {
            PageNumber = pageNumber,
            WidthPt = width,
            HeightPt = height,
            RawText = raw,
            Lines = textLines,
            Tables = tables,
            TextLayerUsable = words.Count > 0,
            TextConfidence = 1.0,
        };
    }

    /// <summary>Splits a line at gaps wider than two character heights (column gaps, not word spaces).</summary>
    private static List<Word> Segments(List<Word> line)
    {
        var result = new List<Word>();
        foreach (var w in line)
        {
            if (result.Count > 0)
            {
                var last = result[^1];
                double gap = w.Box.X - last.Box.Right;
                if (gap < 2.0 * Math.Max(last.Box.Height, w.Box.Height) * 0.9)
                {
                    string sep = gap > 0.25 * w.Box.Height ? " " : "";
                    result[^1] = new Word(last.Text + sep + w.Text, last.Box.Union(w.Box));
                    continue;
                }
            }
            result.Add(w);
        }
        return result;
    }

    private static TextLine MakeLine(List<Word> segments)
    {
        var box = segments.Aggregate(default(Box), (b, s) => b.Union(s.Box));
        return new TextLine(string.Join(" ", segments.Select(s => s.Text)), box, 1.0);
    }

    private static Table MakeTable(List<List<Word>> rows, int page, int index)
    {
        int cols = rows.Max(r => r.Count);
        var cells = new List<Cell>();
        var box = default(Box);
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < rows[r].Count; c++)
            {
                var s = rows[r][c];
                // The last segment of a short row spans the rest, so the lattice is covered once.
                int span = c == rows[r].Count - 1 ? cols - c : 1;
                cells.Add(new Cell(r, c, 1, span, s.Box, s.Text, 1.0, CellSource.TextLayer));
                box = box.Union(s.Box);
            }
        return new Table { Page = page, Index = index, RowCount = rows.Count, ColCount = cols, Cells = cells, Box = box };
    }
}
