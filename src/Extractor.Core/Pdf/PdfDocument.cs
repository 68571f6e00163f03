using System.Text;
using Extractor.Interop;

namespace Extractor.Pdf;

/// <summary>
/// A PDF opened with Poppler. NOT thread-safe: use one PdfDocument per thread (Poppler crashes when two threads
/// share a document); several threads may each open the same file.
/// </summary>
public sealed class PdfDocument : IDisposable
{
    private readonly GObjectHandle _doc;
    private readonly string _name;

    static PdfDocument() => NativeEnvironment.Initialize();

    private PdfDocument(GObjectHandle doc, string name)
    {
        _doc = doc;
        _name = name;
        PageCount = PopplerNative.poppler_document_get_n_pages(doc);
        Producer = GLibNative.TakeString(PopplerNative.poppler_document_get_producer(doc));
        Creator = GLibNative.TakeString(PopplerNative.poppler_document_get_creator(doc));
    }

    public int PageCount { get; }
    public string? Producer { get; }
    public string? Creator { get; }
    /// <summary>File name (or "&lt;bytes&gt;") used in error messages.</summary>
    public string Name => _name;

    internal GObjectHandle Handle => _doc;

    public static PdfDocument Open(string path, string? password = null)
    {
        NativeEnvironment.RequirePdf();
        string name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new PdfException(PdfErrorKind.NotFound, $"{name}: file not found ({path})");
        byte[] head;
        using (var fs = File.OpenRead(path))
        {
            if (fs.Length == 0) throw new PdfException(PdfErrorKind.Empty, $"{name}: the file is empty (0 bytes)");
            head = new byte[Math.Min(1024, fs.Length)];
            fs.ReadExactly(head);
        }
        CheckHeader(head, name);
        IntPtr uri = GLibNative.g_filename_to_uri(Path.GetFullPath(path), IntPtr.Zero, out var uriErr);
        if (uri == IntPtr.Zero)
        {
            var e = GLibNative.TakeError(uriErr);
            throw new PdfException(PdfErrorKind.Unknown, $"{name}: cannot build a file URI ({e?.Message})");
        }
        string uriText = GLibNative.TakeString(uri)!;
        IntPtr doc = PopplerNative.poppler_document_new_from_file(uriText, password, out var err);
        return Wrap(doc, err, name, password);
    }

    public static unsafe PdfDocument Open(byte[] data, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        NativeEnvironment.RequirePdf();
        const string name = "<bytes>";
        if (data.Length == 0) throw new PdfException(PdfErrorKind.Empty, $"{name}: the data is empty (0 bytes)");
        CheckHeader(data.AsSpan(0, Math.Min(1024, data.Length)), name);
        IntPtr bytes;
        fixed (byte* p = data) bytes = GLibNative.g_bytes_new(p, (nuint)data.Length); // copies; the document keeps its own ref
        try
        {
            IntPtr doc = PopplerNative.poppler_document_new_from_bytes(bytes, password, out var err);
            return Wrap(doc, err, name, password);
        }
        finally { GLibNative.g_bytes_unref(bytes); }
    }

    private static void CheckHeader(ReadOnlySpan<byte> head, string name)
    {
        if (head.IndexOf("%PDF-"u8) < 0)
            throw new PdfException(PdfErrorKind.NotPdf, $"{name}: not a PDF (no %PDF- header in the first 1024 bytes)");
    }

    private static PdfDocument Wrap(IntPtr doc, IntPtr error, string name, string? password)
    {
        var e = GLibNative.TakeError(error);
        if (doc != IntPtr.Zero) return new PdfDocument(new GObjectHandle(doc), name);
        if (e is not { } ge) throw new PdfException(PdfErrorKind.Unknown, $"{name}: Poppler could not open the document");
        if (ge.Domain == PopplerNative.poppler_error_quark())
        {
            switch (ge.Code)
            {
                case PopplerNative.ErrorEncrypted when string.IsNullOrEmpty(password):
                    throw new PdfException(PdfErrorKind.Encrypted, $"{name}: the PDF is encrypted and needs a password ({ge.Message})");
                case PopplerNative.ErrorEncrypted:
                    throw new PdfException(PdfErrorKind.WrongPassword, $"{name}: wrong password for the encrypted PDF ({ge.Message})");
                case PopplerNative.ErrorDamaged:
                case PopplerNative.ErrorBadCatalog:
                case PopplerNative.ErrorInvalid:
                    throw new PdfException(PdfErrorKind.Damaged, $"{name}: the PDF is damaged ({ge.Message})");
                case PopplerNative.ErrorOpenFile:
                    throw new PdfException(PdfErrorKind.NotFound, $"{name}: cannot open the file ({ge.Message})");
            }
        }
        else if (ge.Domain == GLibNative.g_file_error_quark())
        {
            throw new PdfException(PdfErrorKind.NotFound, $"{name}: cannot open the file ({ge.Message})");
        }
        throw new PdfException(PdfErrorKind.Unknown, $"{name}: Poppler error {ge.Domain}/{ge.Code}: {ge.Message}");
    }

    /// <summary>Page by 0-based index. Dispose it when done (it holds a native reference).</summary>
    public PdfPage GetPage(int index)
    {
        ObjectDisposedException.ThrowIf(_doc.IsClosed, this);
        if (index < 0 || index >= PageCount)
            throw new ArgumentOutOfRangeException(nameof(index), $"{_name}: page index {index} outside 0..{PageCount - 1}");
        IntPtr page = PopplerNative.poppler_document_get_page(_doc, index);
        if (page == IntPtr.Zero) throw new PdfException(PdfErrorKind.Damaged, $"{_name}: page {index + 1} cannot be read");
        return new PdfPage(this, new GObjectHandle(page), index);
    }

    public void Dispose() => _doc.Dispose();
}
