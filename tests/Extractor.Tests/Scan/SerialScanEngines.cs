namespace Extractor.Tests.Scan;

/// <summary>
/// Tests that load Tesseract models (chi_sim+eng plus the scan reader's second chi_sim instance: ~200 MB) and the
/// native leak test, which measures the process's RSS, run one at a time after the parallel tests: models loaded by a
/// neighbouring test read as RSS growth in the leak test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialScanEngines
{
    public const string Name = "native engines (serial)";
}
