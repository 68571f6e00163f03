using Extractor.Imaging;
using Extractor.Interop;

namespace Extractor.Pdf;

/// <summary>
/// Writes image-only PDFs (no text layer) through cairo's PDF surface, one page per image, like a phone-scan app.
/// Each page gets the image's physical size from its dpi unless a page size is given (then the image is stretched
/// to fill it).
/// </summary>
public static class ImagePdfWriter
{
    static ImagePdfWriter() => NativeEnvironment.Initialize();

    public static unsafe void Write(string path, IEnumerable<GrayImage> pages, double? pageWidthPt = null, double? pageHeightPt = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        WriteCore(path, pages.Select(p => new Page(p.Width, p.Height, p.Dpi, (dst, stride) => CopyGray(p, dst, stride))),
            pageWidthPt, pageHeightPt);
    }

    /// <summary>RGB pages: 3 bytes per pixel (R, G, B), rows packed.</summary>
    public static unsafe void Write(string path, IEnumerable<(byte[] Rgb, int Width, int Height, double Dpi)> pages,
        double? pageWidthPt = null, double? pageHeightPt = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        WriteCore(path, pages.Select(p =>
        {
            if (p.Rgb.Length != p.Width * p.Height * 3) throw new ArgumentException("rgb buffer size must be width*height*3", nameof(pages));
            return new Page(p.Width, p.Height, p.Dpi, (dst, stride) => CopyRgb(p.Rgb, p.Width, p.Height, dst, stride));
        }), pageWidthPt, pageHeightPt);
    }

    private sealed record Page(int Width, int Height, double Dpi, CopyPixels Fill);
    private unsafe delegate void CopyPixels(byte* dst, int stride);

    private static unsafe void WriteCore(string path, IEnumerable<Page> pages, double? pageWidthPt, double? pageHeightPt)
    {
        NativeEnvironment.RequirePdf();
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        CairoSurfaceHandle? pdf = null;
        CairoContextHandle? cr = null;
        try
        {
            int n = 0;
            foreach (var page in pages)
            {
                if (page.Dpi <= 0) throw new ArgumentException("page images need a positive dpi", nameof(pages));
                double wPt = pageWidthPt ?? page.Width * 72.0 / page.Dpi;
                double hPt = pageHeightPt ?? (pageWidthPt is { } pw ? pw * page.Height / page.Width : page.Height * 72.0 / page.Dpi);
                if (pdf == null)
                {
                    pdf = CairoNative.cairo_pdf_surface_create(full, wPt, hPt);
                    Check(CairoNative.cairo_surface_status(pdf), full);
                    cr = CairoNative.cairo_create(pdf);
                }
                else CairoNative.cairo_pdf_surface_set_size(pdf, wPt, hPt); // must precede drawing on the new page

                // The image surface owns its pixels (cairo may keep a reference until the page or file is written).
                using var img = CairoNative.cairo_image_surface_create(CairoNative.FormatRgb24, page.Width, page.Height);
                Check(CairoNative.cairo_surface_status(img), full);
                CairoNative.cairo_surface_flush(img);
                page.Fill((byte*)CairoNative.cairo_image_surface_get_data(img), CairoNative.cairo_image_surface_get_stride(img));
                CairoNative.cairo_surface_mark_dirty(img);

                CairoNative.cairo_save(cr!);
                CairoNative.cairo_scale(cr!, wPt / page.Width, hPt / page.Height);
                CairoNative.cairo_set_source_surface(cr!, img, 0, 0);
                CairoNative.cairo_paint(cr!);
                CairoNative.cairo_restore(cr!);
                CairoNative.cairo_show_page(cr!);
                Check(CairoNative.cairo_status(cr!), full);
                n++;
            }
            if (pdf == null) throw new ArgumentException("at least one page is needed", nameof(pages));
            cr!.Dispose();
            CairoNative.cairo_surface_finish(pdf);
            Check(CairoNative.cairo_surface_status(pdf), full);
        }
        finally
        {
            cr?.Dispose();
            pdf?.Dispose();
        }
    }

    private static void Check(int status, string path)
    {
        if (status != CairoNative.StatusSuccess)
            throw new IOException($"{Path.GetFileName(path)}: cairo failed to write the PDF: " +
                                  (GLibNative.PtrToString(CairoNative.cairo_status_to_string(status)) ?? $"status {status}"));
    }

    private static unsafe void CopyGray(GrayImage img, byte* dst, int stride)
    {
        fixed (byte* src0 = img.Pixels)
            for (int y = 0; y < img.Height; y++)
            {
                byte* s = src0 + (long)y * img.Width;
                uint* d = (uint*)(dst + (long)y * stride);
                for (int x = 0; x < img.Width; x++) { uint v = s[x]; d[x] = 0xFF000000u | (v << 16) | (v << 8) | v; }
            }
    }

    private static unsafe void CopyRgb(byte[] rgb, int w, int h, byte* dst, int stride)
    {
        fixed (byte* src0 = rgb)
            for (int y = 0; y < h; y++)
            {
                byte* s = src0 + (long)y * w * 3;
                uint* d = (uint*)(dst + (long)y * stride);
                for (int x = 0; x < w; x++, s += 3) d[x] = 0xFF000000u | ((uint)s[0] << 16) | ((uint)s[1] << 8) | s[2];
            }
    }
}
