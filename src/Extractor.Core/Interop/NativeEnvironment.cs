using System.Reflection;
using System.Runtime.InteropServices;

namespace Extractor.Interop;

/// <summary>
/// One-time set-up of the native side: OpenMP limit for libtesseract, and the mapping from the short library
/// names used in our bindings to Debian's versioned sonames (the unversioned .so links only come with -dev packages).
/// </summary>
public static class NativeEnvironment
{
    internal const string LibC = "c";
    internal const string GLib = "glib-2.0";
    internal const string GObject = "gobject-2.0";
    internal const string PopplerGlib = "poppler-glib";
    internal const string Cairo = "cairo";
    internal const string Tesseract = "tesseract";
    internal const string Leptonica = "lept";

    /// <summary>Short name → (soname, Debian package that provides it).</summary>
    private static readonly Dictionary<string, (string Soname, string Package)> Libraries = new()
    {
        [LibC] = ("libc.so.6", "libc6"),
        [GLib] = ("libglib-2.0.so.0", "libglib2.0-0"),
        [GObject] = ("libgobject-2.0.so.0", "libglib2.0-0"),
        [PopplerGlib] = ("libpoppler-glib.so.8", "libpoppler-glib8"),
        [Cairo] = ("libcairo.so.2", "libcairo2"),
        [Tesseract] = ("libtesseract.so.5", "libtesseract5"),
        [Leptonica] = ("liblept.so.5", "liblept5"),
    };

    public const string DebianTessdata = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>
    /// Tesseract's own convention first (TESSDATA_PREFIX names the folder of *.traineddata, e.g. to try other
    /// chi_sim models), else Debian's folder.
    /// </summary>
    public static string DefaultTessdata =>
        Environment.GetEnvironmentVariable("TESSDATA_PREFIX") is { Length: > 0 } prefix && Directory.Exists(prefix) ? prefix : DebianTessdata;

    private static readonly object Gate = new();
    private static volatile bool _initialized;
    private static readonly HashSet<string> Verified = [];

    /// <summary>Idempotent. Call before anything touches native code (PdfDocument and OcrEngine do it themselves).</summary>
    public static void Initialize()
    {
        if (_initialized) return;
        lock (Gate)
        {
            if (_initialized) return;
            // Register the resolver before the first LibraryImport call of this assembly (setenv below is one).
            NativeLibrary.SetDllImportResolver(typeof(NativeEnvironment).Assembly, Resolve);
            // Debian's libtesseract uses libgomp; unlimited OpenMP threads make OCR 5-7x slower on 2 cores.
            // libgomp reads the variable when it loads, and .NET's Environment.SetEnvironmentVariable does not
            // reach the C environment, so set it through libc. overwrite=0 keeps a value the launcher chose.
            LibCNative.setenv("OMP_THREAD_LIMIT", "1", 0);
            _initialized = true;
        }
    }

    /// <summary>A variable as native code sees it (libc getenv), e.g. to check OMP_THREAD_LIMIT.</summary>
    public static string? GetNativeVariable(string name)
    {
        Initialize();
        return GLibNative.PtrToString(LibCNative.getenv(name));
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (Libraries.TryGetValue(name, out var lib) && NativeLibrary.TryLoad(lib.Soname, out var handle))
            return handle;
        return IntPtr.Zero; // default probing; fails with DllNotFoundException, which Require() turns into a clear message
    }

    /// <summary>Throws <see cref="MissingEngineException"/> unless the library behind a short name loads.</summary>
    internal static void Require(string shortName)
    {
        Initialize();
        lock (Gate)
        {
            if (Verified.Contains(shortName)) return;
            var (soname, package) = Libraries[shortName];
            if (!NativeLibrary.TryLoad(soname, out _))
                throw new MissingEngineException($"native library {soname} not found; install it with `apt-get install {package}`", package);
            Verified.Add(shortName);
        }
    }

    /// <summary>Poppler, cairo and GLib for reading and rendering PDFs.</summary>
    public static void RequirePdf()
    {
        Require(GLib); Require(GObject); Require(Cairo); Require(PopplerGlib);
    }

    /// <summary>Tesseract, Leptonica and every language pack of <paramref name="languages"/> ("chi_sim+eng").</summary>
    public static void RequireOcr(string languages, string? tessdataPath = null)
    {
        Require(Leptonica); Require(Tesseract);
        string dir = tessdataPath ?? DefaultTessdata;
        foreach (var lang in languages.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (File.Exists(Path.Combine(dir, lang + ".traineddata"))) continue;
            string package = "tesseract-ocr-" + lang.Replace('_', '-').ToLowerInvariant();
            throw new MissingEngineException(
                $"Tesseract language pack '{lang}' not found in {dir}; install it with `apt-get install {package}`", package);
        }
    }
}

/// <summary>A native engine (library or Tesseract language pack) is not installed. The message names the apt package.</summary>
public sealed class MissingEngineException(string message, string package) : Exception(message)
{
    /// <summary>The Debian package that provides what is missing.</summary>
    public string Package { get; } = package;
}
