using System.Runtime.InteropServices;

namespace Extractor.Interop;

/// <summary>libc: only setenv, to reach the native environment that libgomp reads.</summary>
internal static partial class LibCNative
{
    [LibraryImport(NativeEnvironment.LibC, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int setenv(string name, string value, int overwrite);

    /// <summary>Returns a pointer into the environment block; never free it.</summary>
    [LibraryImport(NativeEnvironment.LibC, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr getenv(string name);
}
