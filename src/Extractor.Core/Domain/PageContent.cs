namespace Extractor.Domain;

/// <summary>A line of text outside tables (titles, unit names, notes), with its box.</summary>
public sealed record TextLine(string Text, Box Box, double Confidence);

/// <summary>Everything the reading stages learned about one page, before classification.</summary>
public sealed class PageContent
{
    public required int PageNumber { get; init; }         // 1-based
    public double WidthPt { get; init; }
    public double HeightPt { get; init; }
    /// <summary>Rotation applied to make the page upright (0, 90, 180, 270), from the PDF or orientation detection.</summary>
    public int Rotation { get; init; }
    /// <summary>True when the text came from OCR of the page image (no usable text layer).</summary>
    public bool Scanned { get; init; }
    public bool TextLayerUsable { get; init; }
    /// <summary>Skew corrected before cutting cells, in degrees.</summary>
    public double SkewDegrees { get; init; }
    /// <summary>All text of the page in reading order (text layer or OCR).</summary>
    public string RawText { get; init; } = "";
    /// <summary>Text outside tables, top to bottom.</summary>
    public IReadOnlyList<TextLine> Lines { get; init; } = [];
    public IReadOnlyList<Table> Tables { get; init; } = [];
    /// <summary>Mean confidence of the page's text (1 for a text layer).</summary>
    public double TextConfidence { get; init; } = 1.0;

    /// <summary>The same page with other tables.</summary>
    public PageContent WithTables(IReadOnlyList<Table> tables) => new()
    {
        PageNumber = PageNumber, WidthPt = WidthPt, HeightPt = HeightPt, Rotation = Rotation, Scanned = Scanned,
        TextLayerUsable = TextLayerUsable, SkewDegrees = SkewDegrees, RawText = RawText, Lines = Lines, Tables = tables,
        TextConfidence = TextConfidence,
    };
}

/// <summary>A page with its label from the classifier.</summary>
public sealed record ClassifiedPage(PageContent Content, FormType FormType, double Confidence);
