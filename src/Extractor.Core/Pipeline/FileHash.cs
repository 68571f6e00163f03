using System.Security.Cryptography;

namespace Extractor.Pipeline;

/// <summary>The identity of a file's content: ingest skips a file whose hash is already stored.</summary>
public static class FileHash
{
    public static string Sha256Of(string path)
    {
        using var fs = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }
}
