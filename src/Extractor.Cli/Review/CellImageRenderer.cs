using Extractor.Imaging;
using Extractor.Pdf;
using Extractor.Storage;

namespace Extractor.Cli.Review;

/// <summary>
/// Renders what a reviewer must look at: the cell cut from its page (150 dpi, a small margin around the box), or the
/// whole page for a page item, written as PNG into <paramref name="outDir"/> (next to the database).
/// </summary>
public sealed class CellImageRenderer(string outDir, double dpi = 150)
{
    private const double MarginPt = 6;
    private (string Path, int Page)? _cachedKey;
    private GrayImage? _cachedPage;

    public string Render(ReviewItem item)
    {
        var page = UprightPage(item);
        Directory.CreateDirectory(outDir);
        string stem = string.Concat(Path.GetFileNameWithoutExtension(item.File).Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ' ' ? '_' : c));
        GrayImage img;
        string name;
        if (item.Kind == ReviewKind.Page)
        {
            img = page;
            name = $"{stem}-p{item.Page}.png";
        }
        else
        {
            var b = item.Box;
            int x = (int)Math.Floor(page.PtToPx(b.X - MarginPt)), y = (int)Math.Floor(page.PtToPx(b.Y - MarginPt));
            int w = (int)Math.Ceiling(page.PtToPx(b.Width + 2 * MarginPt)), h = (int)Math.Ceiling(page.PtToPx(b.Height + 2 * MarginPt));
            img = page.Crop(x, y, Math.Max(1, w), Math.Max(1, h));
            name = $"{stem}-p{item.Page}-t{item.TableIndex}-r{item.Row}-c{item.Col}.png";
        }
        var path = Path.Combine(outDir, name);
        GrayPng.Write(img, path);
        return path;
    }

    private GrayImage UprightPage(ReviewItem item)
    {
        if (_cachedKey == (item.Path, item.Page) && _cachedPage is not null) return _cachedPage;
        using var pdf = PdfDocument.Open(item.Path);
        using var p = pdf.GetPage(item.Page - 1);
        var img = p.Render(dpi);
        // Cell boxes of scans are in the upright page's points: turn the render the way the reader turned it.
        // (Deskew by the stored angle follows when the engines' Deskew is merged; a fraction of a degree moves a
        // cell by a few pixels, which the margin absorbs.)
        if (item.Scanned && item.Rotation % 360 != 0) img = RotateQuarter(img, item.Rotation);
        _cachedKey = (item.Path, item.Page);
        _cachedPage = img;
        return img;
    }

    /// <summary>Clockwise rotation by 90, 180 or 270 degrees.</summary>
    internal static GrayImage RotateQuarter(GrayImage src, int degrees)
    {
        int turns = ((degrees / 90) % 4 + 4) % 4;
        if (turns == 0) return src;
        bool swap = turns % 2 == 1;
        var dst = new GrayImage(swap ? src.Height : src.Width, swap ? src.Width : src.Height, src.Dpi);
        for (int y = 0; y < src.Height; y++)
            for (int x = 0; x < src.Width; x++)
            {
                var (nx, ny) = turns switch
                {
                    1 => (src.Height - 1 - y, x),
                    2 => (src.Width - 1 - x, src.Height - 1 - y),
                    _ => (y, src.Width - 1 - x),
                };
                dst.Pixels[ny * dst.Width + nx] = src.Pixels[y * src.Width + x];
            }
        return dst;
    }
}
