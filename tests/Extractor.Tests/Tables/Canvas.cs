using Extractor.Imaging;

namespace Extractor.Tests.Tables;

/// <summary>Draws synthetic pages (rules, text-like blobs, seal rings, noise) on a plain GrayImage.</summary>
internal sealed class Canvas
{
    public GrayImage Image { get; }
    private readonly Random _rng;

    public Canvas(int width, int height, double dpi = 100, int seed = 1)
    {
        Image = new GrayImage(width, height, dpi);
        _rng = new Random(seed);
    }

    public void Dot(int x, int y, byte v = 0)
    {
        if (x >= 0 && y >= 0 && x < Image.Width && y < Image.Height) Image[x, y] = Math.Min(Image[x, y], v);
    }

    public void Fill(int x, int y, int w, int h, byte v = 0)
    {
        for (int yy = y; yy < y + h; yy++) for (int xx = x; xx < x + w; xx++) Dot(xx, yy, v);
    }

    /// <summary>A horizontal rule from x0 to x1 at y; optional gaps (every gapEvery px a gap of gapLen) and wobble (amplitude in px over the length).</summary>
    public void HLine(int x0, int x1, int y, int thick = 1, byte v = 0, int gapEvery = 0, int gapLen = 0, double bow = 0)
    {
        for (int x = x0; x <= x1; x++)
        {
            if (gapEvery > 0 && (x - x0) % gapEvery >= gapEvery - gapLen) continue;
            double t = (x - x0) / (double)Math.Max(1, x1 - x0);
            int dy = (int)Math.Round(bow * 4 * t * (1 - t));
            for (int k = 0; k < thick; k++) Dot(x, y + dy + k, v);
        }
    }

    public void VLine(int x, int y0, int y1, int thick = 1, byte v = 0, int gapEvery = 0, int gapLen = 0, double bow = 0)
    {
        for (int y = y0; y <= y1; y++)
        {
            if (gapEvery > 0 && (y - y0) % gapEvery >= gapEvery - gapLen) continue;
            double t = (y - y0) / (double)Math.Max(1, y1 - y0);
            int dx = (int)Math.Round(bow * 4 * t * (1 - t));
            for (int k = 0; k < thick; k++) Dot(x + dx + k, y, v);
        }
    }

    /// <summary>A grid: column edges xs, row edges ys, all rules drawn except those the skip callbacks name.</summary>
    public void Grid(int[] xs, int[] ys, int thick = 1, Func<int, int, bool>? skipH = null, Func<int, int, bool>? skipV = null)
    {
        for (int i = 0; i < ys.Length; i++)
            for (int j = 0; j + 1 < xs.Length; j++)
                if (skipH?.Invoke(i, j) != true) HLine(xs[j], xs[j + 1] + thick - 1, ys[i], thick);
        for (int i = 0; i < xs.Length; i++)
            for (int j = 0; j + 1 < ys.Length; j++)
                if (skipV?.Invoke(i, j) != true) VLine(xs[i], ys[j], ys[j + 1] + thick - 1, thick);
    }

    /// <summary>Glyph-like strokes in a box: a few short horizontal and vertical strokes, like a CJK character.</summary>
    public void Glyph(int x, int y, int size)
    {
        int strokes = 3 + _rng.Next(3), t = Math.Max(1, size / 12), last = size - t;
        for (int s = 0; s < strokes; s++)
        {
            int a = _rng.Next(last + 1), b0 = _rng.Next(size / 3), b1 = Math.Min(last, b0 + size / 2 + _rng.Next(size / 2));
            if (_rng.Next(2) == 0) HLine(x + b0, x + b1, y + a, t);
            else VLine(x + a, y + b0, y + b1, t);
        }
        // strokes joined into one blob, as ideographs usually are
        HLine(x, x + last, y + size / 2, t);
    }

    /// <summary>A row of glyph blobs starting at (x, y).</summary>
    public void Text(int x, int y, int count, int size, int gap = 2)
    {
        for (int i = 0; i < count; i++) Glyph(x + i * (size + gap), y, size);
    }

    /// <summary>A ring (seal) of radius r and thickness t.</summary>
    public void Ring(int cx, int cy, int r, int t, byte v = 60)
    {
        for (int y = cy - r - t; y <= cy + r + t; y++)
            for (int x = cx - r - t; x <= cx + r + t; x++)
            {
                double d = Math.Sqrt((x - cx) * (double)(x - cx) + (y - cy) * (double)(y - cy));
                if (d >= r - t / 2.0 && d <= r + t / 2.0) Dot(x, y, v);
            }
    }

    /// <summary>Salt-and-pepper specks.</summary>
    public void Noise(double share, byte v = 0)
    {
        int n = (int)(Image.Width * Image.Height * share);
        for (int i = 0; i < n; i++) Dot(_rng.Next(Image.Width), _rng.Next(Image.Height), v);
    }
}
