namespace Extractor.Imaging;

/// <summary>A rectangle in image pixels (origin top-left).</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;

    /// <summary>This rectangle clipped to an image of the given size (may become empty).</summary>
    public PixelRect ClipTo(int width, int height)
    {
        int l = Math.Clamp(X, 0, width), t = Math.Clamp(Y, 0, height);
        int r = Math.Clamp(Right, l, width), b = Math.Clamp(Bottom, t, height);
        return new PixelRect(l, t, r - l, b - t);
    }

    public PixelRect Inflate(int d) => new(X - d, Y - d, Width + 2 * d, Height + 2 * d);
}
