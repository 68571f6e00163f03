using Extractor.Imaging;

namespace Extractor.Ocr;

/// <summary>Tesseract's page segmentation modes (same numeric values).</summary>
public enum PageSegMode
{
    OsdOnly = 0, AutoOsd = 1, AutoOnly = 2, Auto = 3, SingleColumn = 4, SingleBlockVertText = 5,
    SingleBlock = 6, SingleLine = 7, SingleWord = 8, CircleWord = 9, SingleChar = 10,
    SparseText = 11, SparseTextOsd = 12, RawLine = 13,
}

/// <summary>A recognised word; Box in pixels of the whole image (not of the region).</summary>
public sealed record OcrWord(string Text, PixelRect Box, double Confidence);

/// <summary>A recognised text line; Box in pixels of the whole image.</summary>
public sealed record OcrLine(string Text, PixelRect Box, double Confidence);

/// <summary>Text (trimmed), mean confidence 0–1, and the words with their boxes.</summary>
public sealed record OcrResult(string Text, double Confidence, IReadOnlyList<OcrWord> Words)
{
    public static readonly OcrResult Empty = new("", 0, []);
}

/// <summary>Page orientation found by Tesseract's OSD: clockwise degrees the page is turned (0/90/180/270).</summary>
public sealed record OrientationResult(int Degrees, double Confidence, string Script, double ScriptConfidence);
