namespace Extractor.Pdf;

public enum PdfErrorKind { NotFound, Empty, NotPdf, Damaged, Encrypted, WrongPassword, Unknown }

/// <summary>A PDF could not be opened or read; <see cref="Kind"/> says why, the message names the file.</summary>
public sealed class PdfException(PdfErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public PdfErrorKind Kind { get; } = kind;
}
