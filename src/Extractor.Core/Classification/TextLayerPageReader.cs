using System.Diagnostics;
using System.Globalization;
using System.Xml;
using Extractor.Domain;

namespace Extractor.Classification;

/// <summary>Reads every page of a PDF into a <see cref="PageContent"/>.</summary>
public delegate IReadOnlyList<PageContent> DocumentReader(string pdfPath);

/// <summary>
/// A stand-in reading stage for developing and training the classifier before the real one (Extractor.Tables
/// PageReader) is wired: the text layer only, from poppler-utils' <c>pdftotext -bbox-layout</c>. Words are grouped
/// into visual lines; runs of lines split into three or more columns by wide gaps become a rough table, the rest
/// are text lines. No OCR: a page without a text layer comes back empty.
/// </summary>
public static class TextLayerPageReader
{
    public static IReadOnlyList<PageContent> ReadDocument(string pdfPath)
    {
        if (!File.Exists(pdfPath)) throw new FileNotFoundException($"PDF not found: {pdfPath}", pdfPath);
        var psi = new ProcessStartInfo("pdftotext")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        psi.ArgumentList.Add("-bbox-layout");
        psi.ArgumentList.Add(pdfPath);
        psi.ArgumentList.Add("-");
        using var proc = Process.Start(psi) ?? throw new InvalidOperationException("cannot start pdftotext (install poppler-utils)");
        var errTask = proc.StandardError.ReadToEndAsync();
        var xml = proc.StandardOutput.ReadToEnd();
        proc.WaitForExit();
        if (proc.ExitCode != 0) throw new InvalidDataException($"pdftotext failed on {pdfPath}: {errTask.Result.Trim()}");
        return Parse(xml);
    }

    private sealed record Word(string Text, Box Box);

    /// <summary>Parses pdftotext's -bbox-layout XHTML into pages.</summary>
    public static IReadOnlyList<PageContent> Parse(string xhtml)
    {
        var pages = new List<PageContent>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xhtml), settings);
        double w = 0, h = 0;
        List<Word>? words = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "page")
            {
                w = Attr(reader, "width");
                h = Attr(reader, "height");
                words = [];
                if (reader.IsEmptyElement) { pages.Add(Build(pages.Count + 1, w, h, words)); words = null; }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "word" && words is not null)
            {
                var box = Box.FromEdges(Attr(reader, "xMin"), Attr(reader, "yMin"), Attr(reader, "xMax"), Attr(reader, "yMax"));
                var text = reader.ReadElementContentAsString();
                if (!string.IsNullOrWhiteSpace(text)) words.Add(new Word(text.Trim(), box));
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "page" && words is not null)
            {
                pages.Add(Build(pages.Count + 1, w, h, words));
                words = null;
            }
        }
        return pages;
    }

    private static double Attr(XmlReader r, string name) =>
        double.TryParse(r.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

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
