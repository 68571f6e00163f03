namespace CorpusGen;

/// <summary>
/// A small baseline JPEG encoder (standard Annex K tables, 4:4:4), so scans carry the 8×8 block quantisation of
/// phone-scan PDFs and stay small. Gray (1 channel) or RGB (3 channels, stored as YCbCr).
/// </summary>
public static class Jpeg
{
    static readonly int[] Zig =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];
    static readonly int[] QLum =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];
    static readonly int[] QChr =
    [
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    ];
    static readonly byte[] DcLumBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    static readonly byte[] DcChrBits = [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    static readonly byte[] DcVals = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    static readonly byte[] AcLumBits = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
    static readonly byte[] AcLumVals =
    [
        0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08,
        0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
        0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59,
        0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
        0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6,
        0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
        0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
    ];
    static readonly byte[] AcChrBits = [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77];
    static readonly byte[] AcChrVals =
    [
        0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91,
        0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26,
        0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58,
        0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87,
        0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4,
        0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda,
        0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
    ];

    static readonly float[,] Cos = BuildCos();
    static float[,] BuildCos()
    {
        var c = new float[8, 8];
        for (int u = 0; u < 8; u++)
            for (int x = 0; x < 8; x++)
                c[u, x] = (float)((u == 0 ? Math.Sqrt(0.125) : 0.5) * Math.Cos((2 * x + 1) * u * Math.PI / 16));
        return c;
    }

    static (int Code, int Len)[] Huff(byte[] bits, byte[] vals)
    {
        var t = new (int, int)[256];
        int code = 0, k = 0;
        for (int len = 1; len <= 16; len++)
        {
            for (int i = 0; i < bits[len - 1]; i++) t[vals[k++]] = (code++, len);
            code <<= 1;
        }
        return t;
    }

    sealed class BitWriter(Stream s)
    {
        int acc, n;
        public void Put(int code, int len)
        {
            for (int i = len - 1; i >= 0; i--)
            {
                acc = (acc << 1) | ((code >> i) & 1);
                if (++n == 8) { s.WriteByte((byte)acc); if (acc == 0xFF) s.WriteByte(0); acc = 0; n = 0; }
            }
        }
        public void Flush() { while (n != 0) Put(1, 1); }
    }

    static int[] Scale(int[] q, int quality)
    {
        int s = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        return q.Select(v => Math.Clamp((v * s + 50) / 100, 1, 255)).ToArray();
    }

    /// <summary>Encodes interleaved 8-bit samples (1 = gray, 3 = RGB).</summary>
    public static byte[] Encode(byte[] px, int w, int h, int channels, int quality)
    {
        var ql = Scale(QLum, quality); var qc = Scale(QChr, quality);
        var ms = new MemoryStream();
        void W16(int v) { ms.WriteByte((byte)(v >> 8)); ms.WriteByte((byte)v); }
        ms.Write([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        foreach (var (q, id) in channels == 1 ? new[] { (ql, 0) } : [(ql, 0), (qc, 1)])
        {
            ms.Write([0xFF, 0xDB]); W16(67); ms.WriteByte((byte)id);
            for (int i = 0; i < 64; i++) ms.WriteByte((byte)q[Zig[i]]);
        }
        ms.Write([0xFF, 0xC0]); W16(8 + 3 * channels); ms.WriteByte(8); W16(h); W16(w); ms.WriteByte((byte)channels);
        for (int c = 0; c < channels; c++) { ms.WriteByte((byte)(c + 1)); ms.WriteByte(0x11); ms.WriteByte((byte)(c == 0 ? 0 : 1)); }
        void Dht(int cls, int id, byte[] bits, byte[] vals)
        {
            ms.Write([0xFF, 0xC4]); W16(3 + 16 + vals.Length); ms.WriteByte((byte)(cls << 4 | id)); ms.Write(bits); ms.Write(vals);
        }
        Dht(0, 0, DcLumBits, DcVals); Dht(1, 0, AcLumBits, AcLumVals);
        if (channels == 3) { Dht(0, 1, DcChrBits, DcVals); Dht(1, 1, AcChrBits, AcChrVals); }
        ms.Write([0xFF, 0xDA]); W16(6 + 2 * channels); ms.WriteByte((byte)channels);
        for (int c = 0; c < channels; c++) { ms.WriteByte((byte)(c + 1)); ms.WriteByte((byte)(c == 0 ? 0x00 : 0x11)); }
        ms.Write([0, 63, 0]);

        var dcL = Huff(DcLumBits, DcVals); var acL = Huff(AcLumBits, AcLumVals);
        var dcC = Huff(DcChrBits, DcVals); var acC = Huff(AcChrBits, AcChrVals);
        // Planes (Y, Cb, Cr) first, then DCT + quantisation of every block in parallel, then sequential entropy coding.
        var planes = new float[channels][];
        for (int c = 0; c < channels; c++) planes[c] = new float[w * h];
        Parallel.For(0, h, y =>
        {
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                if (channels == 1) { planes[0][i] = px[i] - 128; continue; }
                float r = px[i * 3], g = px[i * 3 + 1], b = px[i * 3 + 2];
                planes[0][i] = 0.299f * r + 0.587f * g + 0.114f * b - 128;
                planes[1][i] = -0.168736f * r - 0.331264f * g + 0.5f * b;
                planes[2][i] = 0.5f * r - 0.418688f * g - 0.081312f * b;
            }
        });
        int bw8 = (w + 7) / 8, bh8 = (h + 7) / 8;
        var coefs = new short[bh8 * bw8 * channels * 64];
        var cosf = new float[64];
        for (int u = 0; u < 8; u++) for (int x = 0; x < 8; x++) cosf[u * 8 + x] = Cos[u, x];
        Parallel.For(0, bh8, byi =>
        {
            var blk = new float[64]; var tmp = new float[64];
            for (int bxi = 0; bxi < bw8; bxi++)
                for (int c = 0; c < channels; c++)
                {
                    var plane = planes[c];
                    for (int y = 0; y < 8; y++)
                    {
                        int sy = Math.Min(byi * 8 + y, h - 1);
                        for (int x = 0; x < 8; x++) blk[y * 8 + x] = plane[sy * w + Math.Min(bxi * 8 + x, w - 1)];
                    }
                    for (int y = 0; y < 8; y++)
                        for (int u = 0; u < 8; u++)
                        {
                            float s = 0;
                            for (int x = 0; x < 8; x++) s += cosf[u * 8 + x] * blk[y * 8 + x];
                            tmp[y * 8 + u] = s;
                        }
                    var q = c == 0 ? ql : qc;
                    int baseIdx = ((byi * bw8 + bxi) * channels + c) * 64;
                    for (int v = 0; v < 8; v++)
                        for (int u = 0; u < 8; u++)
                        {
                            float s = 0;
                            for (int y = 0; y < 8; y++) s += cosf[v * 8 + y] * tmp[y * 8 + u];
                            coefs[baseIdx + v * 8 + u] = (short)MathF.Round(s / q[v * 8 + u]);
                        }
                }
        });
        var bw = new BitWriter(ms);
        var prev = new int[channels];
        for (int blkIdx = 0; blkIdx < bh8 * bw8; blkIdx++)
            for (int c = 0; c < channels; c++)
            {
                int baseIdx = (blkIdx * channels + c) * 64;
                var dc = c == 0 ? dcL : dcC; var ac = c == 0 ? acL : acC;
                int diff = coefs[baseIdx] - prev[c]; prev[c] = coefs[baseIdx];
                PutValue(bw, dc, 0, diff);
                int run = 0;
                for (int i = 1; i < 64; i++)
                {
                    int a = coefs[baseIdx + Zig[i]];
                    if (a == 0) { run++; continue; }
                    while (run > 15) { bw.Put(ac[0xF0].Code, ac[0xF0].Len); run -= 16; }
                    PutValue(bw, ac, run << 4, a);
                    run = 0;
                }
                if (run > 0) bw.Put(ac[0].Code, ac[0].Len);
            }
        bw.Flush();
        ms.Write([0xFF, 0xD9]);
        return ms.ToArray();
    }

    static void PutValue(BitWriter bw, (int Code, int Len)[] table, int runBits, int v)
    {
        int a = Math.Abs(v), cat = 0;
        while (a > 0) { cat++; a >>= 1; }
        var (code, len) = table[runBits | cat];
        bw.Put(code, len);
        if (cat > 0) bw.Put(v < 0 ? v + (1 << cat) - 1 : v, cat);
    }
}
