using System.Buffers.Binary;
using System.IO.Compression;

namespace Extractor.Imaging;

/// <summary>Minimal PNG encoder for 8-bit gray images (review cell crops, debug output). Kept out of hot paths.</summary>
public static class PngWriter
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static void Write(GrayImage image, string path) => File.WriteAllBytes(path, Encode(image));

    public static byte[] Encode(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var ms = new MemoryStream();
        ms.Write(Signature);

        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], image.Height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 0;  // colour type: grayscale
        ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // deflate, adaptive filtering, no interlace
        WriteChunk(ms, "IHDR"u8, ihdr);

        if (image.Dpi > 0)
        {
            Span<byte> phys = stackalloc byte[9];
            int ppm = (int)Math.Round(image.Dpi / 0.0254);
            BinaryPrimitives.WriteInt32BigEndian(phys, ppm);
            BinaryPrimitives.WriteInt32BigEndian(phys[4..], ppm);
            phys[8] = 1; // metre
            WriteChunk(ms, "pHYs"u8, phys);
        }

        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            {
                // Filter "Up" (2) on every row but the first: cheap and compresses scans and renders well.
                var row = new byte[image.Width + 1];
                for (int y = 0; y < image.Height; y++)
                {
                    var cur = image.Pixels.AsSpan(y * image.Width, image.Width);
                    if (y == 0) { row[0] = 0; cur.CopyTo(row.AsSpan(1)); }
                    else
                    {
                        row[0] = 2;
                        var prev = image.Pixels.AsSpan((y - 1) * image.Width, image.Width);
                        for (int x = 0; x < cur.Length; x++) row[x + 1] = (byte)(cur[x] - prev[x]);
                    }
                    z.Write(row);
                }
            }
            WriteChunk(ms, "IDAT"u8, raw.GetBuffer().AsSpan(0, (int)raw.Length));
        }
        WriteChunk(ms, "IEND"u8, []);
        return ms.ToArray();
    }

    private static void WriteChunk(Stream s, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        s.Write(type);
        s.Write(data);
        var crc = new Crc32Png();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(len, crc.Value);
        s.Write(len);
    }

    /// <summary>CRC-32 (ISO-HDLC polynomial) as PNG chunks need it; System.IO.Hashing is not in the base library.</summary>
    private struct Crc32Png
    {
        private static readonly uint[] Table = BuildTable();
        private uint _crc;
        public Crc32Png() => _crc = 0xFFFFFFFFu;
        public uint Value => _crc ^ 0xFFFFFFFFu;

        public void Append(ReadOnlySpan<byte> data)
        {
            uint c = _crc;
            foreach (byte b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
            _crc = c;
        }

        private static uint[] BuildTable()
        {
            var t = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                t[n] = c;
            }
            return t;
        }
    }
}
