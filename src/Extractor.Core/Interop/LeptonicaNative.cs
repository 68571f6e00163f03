using System.Runtime.InteropServices;

namespace Extractor.Interop;

/// <summary>Leptonica (liblept.so.5): what the skew comparison needs, and quiet for Tesseract's use of it. pixDestroy takes PIX**.</summary>
internal static partial class LeptonicaNative
{
    static LeptonicaNative() => NativeEnvironment.Initialize();

    [LibraryImport(NativeEnvironment.Leptonica)]
    internal static partial IntPtr pixCreate(int width, int height, int depth);

    [LibraryImport(NativeEnvironment.Leptonica)]
    internal static partial IntPtr pixGetData(PixHandle pix);

    [LibraryImport(NativeEnvironment.Leptonica)]
    internal static partial int pixGetWpl(PixHandle pix);

    [LibraryImport(NativeEnvironment.Leptonica)]
    internal static partial IntPtr pixConvertTo1(PixHandle pix, int threshold);

    [LibraryImport(NativeEnvironment.Leptonica)]
    internal static partial int pixFindSkew(PixHandle pix1bpp, out float angle, out float confidence);

    [LibraryImport(NativeEnvironment.Leptonica)]
    internal static partial void pixDestroy(ref IntPtr pix);

    // Process-wide severity of Leptonica's stderr messages; L_SEVERITY_NONE prints nothing.
    [LibraryImport(NativeEnvironment.Leptonica)]
    private static partial int setMsgSeverity(int newSeverity);

    private const int SeverityNone = 6;

    internal static void SilenceMessages() => setMsgSeverity(SeverityNone);
}

internal sealed class PixHandle : SafeHandle
{
    public PixHandle(IntPtr p) : base(IntPtr.Zero, true) => SetHandle(p);
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { IntPtr p = handle; LeptonicaNative.pixDestroy(ref p); return true; }
}
