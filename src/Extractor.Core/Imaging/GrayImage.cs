namespace Extractor.Imaging;

/// <summary>
/// An 8-bit gray page image, one byte per pixel, rows packed (stride = width), 0 = black, 255 = white.
/// Every imaging and table algorithm works on this plain buffer so it can be tested without native code.
/// </summary>
public sealed class GrayImage
{
    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }
    /// <summary>Resolution the page was rendered or scanned at; maps pixels to PDF points (pt = px * 72 / dpi).</summary>
    public double Dpi { get; }

    public GrayImage(int width, int height, double dpi, byte[]? pixels = null)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "image must be non-empty");
        Width = width; Height = height; Dpi = dpi;
        Pixels = pixels ?? NewWhite(width * height);
        if (Pixels.Length != width * height) throw new ArgumentException("pixel buffer size does not match width*height", nameof(pixels));
    }

    private static byte[] NewWhite(int n) { var p = new byte[n]; Array.Fill(p, (byte)255); return p; }

    public byte this[int x, int y]
    {
        get => Pixels[y * Width + x];
        set => Pixels[y * Width + x] = value;
    }

    public double PxToPt(double px) => px * 72.0 / Dpi;
    public double PtToPx(double pt) => pt * Dpi / 72.0;

    /// <summary>A copy of a rectangle (clipped to the image).</summary>
    public GrayImage Crop(int x, int y, int w, int h)
    {
        int x0 = Math.Clamp(x, 0, Width - 1), y0 = Math.Clamp(y, 0, Height - 1);
        int x1 = Math.Clamp(x + w, x0 + 1, Width), y1 = Math.Clamp(y + h, y0 + 1, Height);
        var img = new GrayImage(x1 - x0, y1 - y0, Dpi);
        for (int r = 0; r < img.Height; r++)
            Buffer.BlockCopy(Pixels, (y0 + r) * Width + x0, img.Pixels, r * img.Width, img.Width);
        return img;
    }

    public GrayImage Clone() => new(Width, Height, Dpi, (byte[])Pixels.Clone());
}
