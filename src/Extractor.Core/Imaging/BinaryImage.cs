namespace Extractor.Imaging;

/// <summary>
/// A two-level image: one byte per pixel, 1 = ink, 0 = paper, rows packed (stride = width).
/// The morphology and line detection work on this plain buffer.
/// </summary>
public sealed class BinaryImage
{
    public int Width { get; }
    public int Height { get; }
    public byte[] Bits { get; }

    public BinaryImage(int width, int height, byte[]? bits = null)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "image must be non-empty");
        Width = width; Height = height;
        Bits = bits ?? new byte[width * height];
        if (Bits.Length != width * height) throw new ArgumentException("bit buffer size does not match width*height", nameof(bits));
    }

    public bool this[int x, int y]
    {
        get => Bits[y * Width + x] != 0;
        set => Bits[y * Width + x] = value ? (byte)1 : (byte)0;
    }

    public BinaryImage Clone() => new(Width, Height, (byte[])Bits.Clone());

    /// <summary>Number of ink pixels inside a rectangle (clipped to the image).</summary>
    public int CountInk(PixelRect r)
    {
        var c = r.ClipTo(Width, Height);
        int n = 0;
        for (int y = c.Y; y < c.Bottom; y++)
        {
            int o = y * Width;
            for (int x = c.X; x < c.Right; x++) n += Bits[o + x];
        }
        return n;
    }

    /// <summary>Pixel-wise a AND NOT b (same size).</summary>
    public BinaryImage Minus(BinaryImage b)
    {
        if (b.Width != Width || b.Height != Height) throw new ArgumentException("images differ in size", nameof(b));
        var r = new BinaryImage(Width, Height);
        Combine(Bits, b.Bits, r.Bits, orOp: false);
        return r;
    }

    /// <summary>Pixel-wise OR (same size).</summary>
    public BinaryImage Or(BinaryImage b)
    {
        if (b.Width != Width || b.Height != Height) throw new ArgumentException("images differ in size", nameof(b));
        var r = new BinaryImage(Width, Height);
        Combine(Bits, b.Bits, r.Bits, orOp: true);
        return r;
    }

    // a|b or a&~b over 0/1 bytes, a vector at a time.
    private static void Combine(byte[] a, byte[] b, byte[] r, bool orOp)
    {
        int i = 0, n = a.Length, vn = System.Numerics.Vector<byte>.Count;
        for (; i + vn <= n; i += vn)
        {
            var va = new System.Numerics.Vector<byte>(a, i); var vb = new System.Numerics.Vector<byte>(b, i);
            (orOp ? va | vb : System.Numerics.Vector.AndNot(va, vb)).CopyTo(r, i);
        }
        for (; i < n; i++) r[i] = (byte)(orOp ? a[i] | b[i] : a[i] & (b[i] ^ 1));
    }

    /// <summary>Ink black on white as a gray image (debug output).</summary>
    public GrayImage ToGray(double dpi)
    {
        var g = new GrayImage(Width, Height, dpi);
        for (int i = 0; i < Bits.Length; i++) g.Pixels[i] = Bits[i] != 0 ? (byte)0 : (byte)255;
        return g;
    }
}
