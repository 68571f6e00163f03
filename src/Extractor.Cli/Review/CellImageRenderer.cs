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
        PngWriter.Write(img, path);
        return path;
    }

    private GrayImage UprightPage(ReviewItem item)
    {
        if (_cachedKey == (item.Path, item.Page) && _cachedPage is not null) return _cachedPage;
        using var pdf = PdfDocument.Open(item.Path);
        using var p = pdf.GetPage(item.Page - 1);
        var img = p.Render(dpi);
        // Cell boxes of scans are in the upright, deskewed page's points: turn and straighten the render the way
        // the reader did (SkewDegrees is the skew it measured, Deskew.FindSkewDegrees' sign; straightening undoes it).
        if (item.Scanned)
        {
            if (item.Rotation % 360 != 0) img = Rotation.Rotate90(img, item.Rotation / 90);
            if (Math.Abs(item.Skew) > 0.01) img = Deskew.Rotate(img, -item.Skew);
        }
        _cachedKey = (item.Path, item.Page);
        _cachedPage = img;
        return img;
    }
}
