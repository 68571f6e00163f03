using System.Runtime.InteropServices;
using System.Text;

namespace Extractor.Interop;

/// <summary>GLib and GObject: memory, errors, byte buffers, reference counting.</summary>
internal static partial class GLibNative
{
    static GLibNative() => NativeEnvironment.Initialize();

    [StructLayout(LayoutKind.Sequential)]
    internal struct GError
    {
        public uint Domain;
        public int Code;
        public IntPtr Message;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct GList
    {
        public IntPtr Data;
        public IntPtr Next;
        public IntPtr Prev;
    }

    [LibraryImport(NativeEnvironment.GLib)]
    internal static partial void g_free(IntPtr mem);

    [LibraryImport(NativeEnvironment.GLib)]
    internal static partial void g_error_free(IntPtr error);

    [LibraryImport(NativeEnvironment.GLib)]
    internal static partial uint g_file_error_quark();

    [LibraryImport(NativeEnvironment.GLib)]
    internal static unsafe partial IntPtr g_bytes_new(byte* data, nuint size);

    [LibraryImport(NativeEnvironment.GLib)]
    internal static partial void g_bytes_unref(IntPtr bytes);

    [LibraryImport(NativeEnvironment.GLib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr g_filename_to_uri(string filename, IntPtr hostname, out IntPtr error);

    [LibraryImport(NativeEnvironment.GObject)]
    internal static partial void g_object_unref(IntPtr obj);

    /// <summary>Reads a UTF-8 C string without taking ownership.</summary>
    internal static string? PtrToString(IntPtr p) => p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);

    /// <summary>Reads a UTF-8 C string allocated by GLib and frees it with g_free.</summary>
    internal static string? TakeString(IntPtr p)
    {
        if (p == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(p); }
        finally { g_free(p); }
    }

    /// <summary>Reads and frees a GError (domain, code, message); null when none.</summary>
    internal static (uint Domain, int Code, string Message)? TakeError(IntPtr error)
    {
        if (error == IntPtr.Zero) return null;
        var e = Marshal.PtrToStructure<GError>(error);
        string msg = PtrToString(e.Message) ?? "";
        g_error_free(error);
        return (e.Domain, e.Code, msg);
    }
}

/// <summary>A GObject reference (PopplerDocument, PopplerPage), released with g_object_unref.</summary>
internal sealed class GObjectHandle : SafeHandle
{
    public GObjectHandle() : base(IntPtr.Zero, true) { }
    public GObjectHandle(IntPtr p) : base(IntPtr.Zero, true) => SetHandle(p);
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { GLibNative.g_object_unref(handle); return true; }
}
