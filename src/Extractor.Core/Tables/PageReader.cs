using Extractor.Domain;
using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pdf;
using Extractor.Pipeline;

namespace Extractor.Tables;

/// <summary>
/// Turns one PDF page into <see cref="PageContent"/>: the text path when the text layer is real text
/// (rules from a low-dpi render with the glyphs blanked, glyphs assigned to cells), the OCR path otherwise
/// (<see cref="ScanPageReader"/>: orientation, deskew, grid, OCR per inked cell).
/// </summary>
public sealed class PageReader(PipelineOptions options)
{
    private readonly ScanPageReader _scan = new(options);

    public PageContent Read(PdfPage page, int pageNumber, Func<OcrEngine> ocr, IDictionary<string, double>? stageSeconds = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var glyphs = page.GetGlyphs();
        var verdict = TextLayer.Assess(glyphs, page.WidthPt, page.HeightPt);
        if (!verdict.Usable)
        {
            var image = page.Render(options.ScanDpi, dropRed: true);
            Add(stageSeconds, "render", clock);
            return _scan.Read(image, pageNumber, page.WidthPt, page.HeightPt, ocr(), stageSeconds);
        }

        var render = page.Render(options.TextDpi);
        Add(stageSeconds, "render", clock);
        double scale = render.Dpi / 72.0;
        var boxes = InkBoxes(glyphs, scale);
        var lattices = LatticeDetector.Detect(render, boxes).Select(l => l.WithoutIdleBoundaries()).ToList();
        Add(stageSeconds, "grid", clock);
        var read = TextTableReader.Read(lattices, glyphs, pageNumber);
        Add(stageSeconds, "cells", clock);
        return new PageContent
        {
            PageNumber = pageNumber, WidthPt = page.WidthPt, HeightPt = page.HeightPt, Rotation = page.Rotation,
            Scanned = false, TextLayerUsable = true, RawText = read.RawText, Lines = read.Lines, Tables = read.Tables,
        };
    }

    /// <summary>
    /// Pixel boxes to blank before rule finding (grown by a pixel) so strokes of characters never pass for rules.
    /// Spaces have no ink: their boxes (padding between a number and the next cell's rule) could only erase a rule.
    /// </summary>
    public static IEnumerable<PixelRect> InkBoxes(IEnumerable<Glyph> glyphs, double scale) =>
        glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Text)).Select(g => new PixelRect((int)(g.Box.X * scale) - 1, (int)(g.Box.Y * scale) - 1,
            (int)Math.Ceiling(g.Box.Width * scale) + 2, (int)Math.Ceiling(g.Box.Height * scale) + 2));

    private static void Add(IDictionary<string, double>? s, string stage, System.Diagnostics.Stopwatch clock)
    {
        if (s is not null) s[stage] = s.TryGetValue(stage, out var v) ? v + clock.Elapsed.TotalSeconds : clock.Elapsed.TotalSeconds;
        clock.Restart();
    }
}
