using System.Runtime.InteropServices;

namespace Extractor.Interop;

/// <summary>Poppler's GLib API (libpoppler-glib.so.8). Returned strings and arrays are g_free'd by the caller.</summary>
internal static partial class PopplerNative
{
    static PopplerNative() => NativeEnvironment.Initialize();

    // PopplerError codes (poppler-glib)
    internal const int ErrorInvalid = 0, ErrorEncrypted = 1, ErrorOpenFile = 2, ErrorBadCatalog = 3, ErrorDamaged = 4;

    [StructLayout(LayoutKind.Sequential)]
    internal struct PopplerRectangle { public double X1, Y1, X2, Y2; }

    [StructLayout(LayoutKind.Sequential)]
    internal struct PopplerImageMapping { public PopplerRectangle Area; public int ImageId; }

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial uint poppler_error_quark();

    [LibraryImport(NativeEnvironment.PopplerGlib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr poppler_document_new_from_file(string uri, string? password, out IntPtr error);

    [LibraryImport(NativeEnvironment.PopplerGlib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr poppler_document_new_from_bytes(IntPtr gbytes, string? password, out IntPtr error);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial int poppler_document_get_n_pages(GObjectHandle doc);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial IntPtr poppler_document_get_producer(GObjectHandle doc);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial IntPtr poppler_document_get_creator(GObjectHandle doc);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial IntPtr poppler_document_get_page(GObjectHandle doc, int index);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial void poppler_page_get_size(GObjectHandle page, out double width, out double height);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial void poppler_page_get_crop_box(GObjectHandle page, out PopplerRectangle rect);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial IntPtr poppler_page_get_text(GObjectHandle page);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool poppler_page_get_text_layout(GObjectHandle page, out IntPtr rectangles, out uint count);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial void poppler_page_render(GObjectHandle page, CairoContextHandle cairo);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial IntPtr poppler_page_get_image_mapping(GObjectHandle page);

    [LibraryImport(NativeEnvironment.PopplerGlib)]
    internal static partial void poppler_page_free_image_mapping(IntPtr list);
}
