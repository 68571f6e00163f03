using System.Runtime.InteropServices;

namespace Extractor.Interop;

/// <summary>Tesseract 5 C API (libtesseract.so.5). Text it returns is freed with TessDeleteText, never g_free/free.</summary>
internal static partial class TesseractNative
{
    static TesseractNative() => NativeEnvironment.Initialize();

    internal const int OemTesseractOnly = 0, OemLstmOnly = 1, OemDefault = 3;
    internal const int RilBlock = 0, RilPara = 1, RilTextline = 2, RilWord = 3, RilSymbol = 4;

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial TessApiHandle TessBaseAPICreate();

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial void TessBaseAPIEnd(IntPtr handle);

    [LibraryImport(NativeEnvironment.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit2(TessApiHandle handle, string? datapath, string language, int oem);

    [LibraryImport(NativeEnvironment.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPISetVariable(TessApiHandle handle, string name, string value);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial void TessBaseAPISetPageSegMode(TessApiHandle handle, int mode);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static unsafe partial void TessBaseAPISetImage(TessApiHandle handle, byte* data, int width, int height, int bytesPerPixel, int bytesPerLine);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial void TessBaseAPISetSourceResolution(TessApiHandle handle, int ppi);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial void TessBaseAPISetRectangle(TessApiHandle handle, int left, int top, int width, int height);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial int TessBaseAPIRecognize(TessApiHandle handle, IntPtr monitor);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial IntPtr TessBaseAPIGetUTF8Text(TessApiHandle handle);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial int TessBaseAPIMeanTextConf(TessApiHandle handle);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial void TessBaseAPIClear(TessApiHandle handle);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial void TessDeleteText(IntPtr text);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial TessResultIteratorHandle TessBaseAPIGetIterator(TessApiHandle handle);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial void TessResultIteratorDelete(IntPtr it);

    [LibraryImport(NativeEnvironment.Tesseract)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool TessResultIteratorNext(TessResultIteratorHandle it, int level);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial IntPtr TessResultIteratorGetUTF8Text(TessResultIteratorHandle it, int level);

    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial float TessResultIteratorConfidence(TessResultIteratorHandle it, int level);

    /// <summary>The page iterator view of a result iterator; not owned (do not delete).</summary>
    [LibraryImport(NativeEnvironment.Tesseract)]
    internal static partial IntPtr TessResultIteratorGetPageIterator(TessResultIteratorHandle it);

    [LibraryImport(NativeEnvironment.Tesseract)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool TessPageIteratorBoundingBox(IntPtr pageIterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(NativeEnvironment.Tesseract)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool TessBaseAPIDetectOrientationScript(TessApiHandle handle, out int orientDeg, out float orientConf, out IntPtr scriptName, out float scriptConf);

    /// <summary>Reads and frees text returned by Tesseract.</summary>
    internal static string? TakeText(IntPtr p)
    {
        if (p == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(p); }
        finally { TessDeleteText(p); }
    }
}

/// <summary>A TessBaseAPI; End then Delete on release.</summary>
internal sealed class TessApiHandle : SafeHandle
{
    public TessApiHandle() : base(IntPtr.Zero, true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        TesseractNative.TessBaseAPIEnd(handle);
        TesseractNative.TessBaseAPIDelete(handle);
        return true;
    }
}

internal sealed class TessResultIteratorHandle : SafeHandle
{
    public TessResultIteratorHandle() : base(IntPtr.Zero, true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { TesseractNative.TessResultIteratorDelete(handle); return true; }
}
