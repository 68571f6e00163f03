namespace Extractor.Domain;

/// <summary>
/// An axis-aligned box in PDF points (1/72 inch), origin top-left of the upright page
/// (after rotation and deskew for scans). Independent of render resolution.
/// </summary>
public readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
    public double CenterX => X + Width / 2;
    public double CenterY => Y + Height / 2;
    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    public static Box FromEdges(double left, double top, double right, double bottom) =>
        new(left, top, right - left, bottom - top);

    public bool Contains(double x, double y) => x >= X && x <= Right && y >= Y && y <= Bottom;

    public Box Intersect(Box o)
    {
        double l = Math.Max(X, o.X), t = Math.Max(Y, o.Y), r = Math.Min(Right, o.Right), b = Math.Min(Bottom, o.Bottom);
        return r <= l || b <= t ? default : FromEdges(l, t, r, b);
    }

    public Box Union(Box o) => Area == 0 ? o : o.Area == 0 ? this :
        FromEdges(Math.Min(X, o.X), Math.Min(Y, o.Y), Math.Max(Right, o.Right), Math.Max(Bottom, o.Bottom));

    public Box Scale(double factor) => new(X * factor, Y * factor, Width * factor, Height * factor);

    public override string ToString() => FormattableString.Invariant($"[{X:0.#},{Y:0.#} {Width:0.#}x{Height:0.#}]");
}
