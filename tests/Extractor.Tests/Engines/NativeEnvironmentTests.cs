using Extractor.Interop;
using Extractor.Ocr;

namespace Extractor.Tests.Engines;

public class NativeEnvironmentTests
{
    [Fact]
    public void InitializeIsIdempotentAndLimitsOpenMp()
    {
        NativeEnvironment.Initialize();
        NativeEnvironment.Initialize();
        // The value must be visible to native code (libgomp), not only to .NET.
        Assert.False(string.IsNullOrEmpty(NativeEnvironment.GetNativeVariable("OMP_THREAD_LIMIT")));
    }

    [Fact]
    public void MissingLanguagePackNamesTheAptPackage()
    {
        var ex = Assert.Throws<MissingEngineException>(() => new OcrEngine("chi_sim+kor"));
        Assert.Equal("tesseract-ocr-kor", ex.Package);
        Assert.Contains("apt-get install tesseract-ocr-kor", ex.Message);
        var ex2 = Assert.Throws<MissingEngineException>(() => new OcrEngine("eng", "/nonexistent/tessdata"));
        Assert.Contains("tesseract-ocr-eng", ex2.Message);
    }
}
