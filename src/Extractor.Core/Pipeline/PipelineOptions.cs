namespace Extractor.Pipeline;

/// <summary>Settings of one pipeline run; defaults are what the figures in docs/ACCURACY.md favour.</summary>
public sealed record PipelineOptions
{
    /// <summary>Resolution for rendering pages that need OCR.</summary>
    public double ScanDpi { get; init; } = 200;
    /// <summary>Resolution for rendering text-layer pages (grid detection only).</summary>
    public double TextDpi { get; init; } = 100;
    /// <summary>Folder of tessdata; null = Debian's /usr/share/tesseract-ocr/5/tessdata.</summary>
    public string? TessdataPath { get; init; }
    /// <summary>Page classifier model file; null = models/page-classifier.json next to the app or in the repo.</summary>
    public string? ClassifierModelPath { get; init; }
    /// <summary>Pages whose classification confidence falls below this go to review.</summary>
    public double ReviewConfidence { get; init; } = 0.6;
    public string? Password { get; init; }
}
