using Extractor.Domain;

namespace Extractor.Pdf;

/// <summary>One code point of a page's text layer with its box in points (top-left origin of the displayed page).</summary>
public sealed record Glyph(string Text, Box Box);
