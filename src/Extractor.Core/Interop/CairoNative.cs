using System.Runtime.InteropServices;

namespace Extractor.Interop;

/// <summary>cairo (libcairo.so.2): image surfaces for rendering, PDF surfaces for writing image-only PDFs.</summary>
internal static partial class CairoNative
{
    static CairoNative() => NativeEnvironment.Initialize();

    internal const int FormatArgb32 = 0, FormatRgb24 = 1, FormatA8 = 2;
    internal const int StatusSuccess = 0;

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial CairoSurfaceHandle cairo_image_surface_create(int format, int width, int height);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial CairoSurfaceHandle cairo_image_surface_create_for_data(IntPtr data, int format, int width, int height, int stride);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial int cairo_format_stride_for_width(int format, int width);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial IntPtr cairo_image_surface_get_data(CairoSurfaceHandle surface);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial int cairo_image_surface_get_stride(CairoSurfaceHandle surface);

    [LibraryImport(NativeEnvironment.Cairo, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial CairoSurfaceHandle cairo_pdf_surface_create(string filename, double widthPt, double heightPt);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_pdf_surface_set_size(CairoSurfaceHandle surface, double widthPt, double heightPt);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial int cairo_surface_status(CairoSurfaceHandle surface);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_surface_flush(CairoSurfaceHandle surface);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_surface_mark_dirty(CairoSurfaceHandle surface);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_surface_finish(CairoSurfaceHandle surface);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_surface_destroy(IntPtr surface);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial CairoContextHandle cairo_create(CairoSurfaceHandle surface);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_destroy(IntPtr cr);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial int cairo_status(CairoContextHandle cr);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_set_source_rgb(CairoContextHandle cr, double r, double g, double b);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_set_source_surface(CairoContextHandle cr, CairoSurfaceHandle surface, double x, double y);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_paint(CairoContextHandle cr);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_scale(CairoContextHandle cr, double sx, double sy);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_save(CairoContextHandle cr);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_restore(CairoContextHandle cr);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial void cairo_show_page(CairoContextHandle cr);

    [LibraryImport(NativeEnvironment.Cairo)]
    internal static partial IntPtr cairo_status_to_string(int status);
}

internal sealed class CairoSurfaceHandle : SafeHandle
{
    public CairoSurfaceHandle() : base(IntPtr.Zero, true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { CairoNative.cairo_surface_destroy(handle); return true; }
}

internal sealed class CairoContextHandle : SafeHandle
{
    public CairoContextHandle() : base(IntPtr.Zero, true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { CairoNative.cairo_destroy(handle); return true; }
}
