using System.Runtime.InteropServices;
using System.Text;
using Extractor.Domain;
using Extractor.Imaging;
using Extractor.Interop;

namespace Extractor.Pdf;

/// <summary>One page of a <see cref="PdfDocument"/>; same threading rule as its document.</summary>
public sealed class PdfPage : IDisposable
{
    private readonly GObjectHandle _page;
    private readonly PdfDocument _doc;

    internal PdfPage(PdfDocument doc, GObjectHandle page, int index)
    {
        _doc = doc;
        _page = page;
        Index = index;
        PopplerNative.poppler_page_get_size(page, out double w, out double h);
        WidthPt = w;
        HeightPt = h;
        // Poppler GLib does not expose /Rotate; get_size swaps width and height for 90/270 while the crop box
        // stays unrotated, which reveals quarter turns (a 180 turn is not visible this way).
        PopplerNative.poppler_page_get_crop_box(page, out var crop);
        double cw = Math.Abs(crop.X2 - crop.X1), ch = Math.Abs(crop.Y2 - crop.Y1);
        Rotation = Math.Abs(cw - ch) > 1 && Math.Abs(cw - h) < 0.5 && Math.Abs(ch - w) < 0.5 ? 90 : 0;
    }

    /// <summary>0-based page index.</summary>
    public int Index { get; }
    /// <summary>Width in points as displayed (after the page's /Rotate).</summary>
    public double WidthPt { get; }
    /// <summary>Height in points as displayed (after the page's /Rotate).</summary>
    public double HeightPt { get; }
    /// <summary>Quarter-turn rotation of the page (0 or 90; Poppler GLib cannot tell 180/270 apart from 0/90).</summary>
    public int Rotation { get; }

    /// <summary>The page text as Poppler orders it (cells of tables get concatenated; use glyph boxes for tables).</summary>
    public string GetText()
    {
        ObjectDisposedException.ThrowIf(_page.IsClosed, this);
        return GLibNative.TakeString(PopplerNative.poppler_page_get_text(_page)) ?? "";
    }

    /// <summary>
    /// One glyph per code point of the text layer with its box (points, top-left origin); the newlines Poppler
    /// inserts between lines are skipped, the spaces it inserts between words are kept.
    /// </summary>
    public unsafe IReadOnlyList<Glyph> GetGlyphs()
    {
        ObjectDisposedException.ThrowIf(_page.IsClosed, this);
        string text = GetText();
        if (!PopplerNative.poppler_page_get_text_layout(_page, out IntPtr rects, out uint count) || rects == IntPtr.Zero)
            return [];
        try
        {
            var boxes = new ReadOnlySpan<PopplerNative.PopplerRectangle>((void*)rects, checked((int)count));
            var glyphs = new List<Glyph>(boxes.Length);
            int i = 0;
            foreach (Rune r in text.EnumerateRunes())
            {
                if (i >= boxes.Length) break;
                var b = boxes[i++];
                if (r.Value is '\n' or '\r') continue;
                glyphs.Add(new Glyph(r.ToString(), Box.FromEdges(Math.Min(b.X1, b.X2), Math.Min(b.Y1, b.Y2), Math.Max(b.X1, b.X2), Math.Max(b.Y1, b.Y2))));
            }
            return glyphs;
        }
        finally { GLibNative.g_free(rects); }
    }

    /// <summary>
    /// Renders the page on white paper at <paramref name="dpi"/> into an 8-bit gray image. With
    /// <paramref name="dropRed"/> clearly red pixels (seals stamped over a colour scan) take their red channel as gray,
    /// which is near the paper's brightness, instead of the mid-gray luminance that reads as ink; black text under the
    /// seal is dark in every channel and stays.
    /// </summary>
    public unsafe GrayImage Render(double dpi, bool dropRed = false)
    {
        ObjectDisposedException.ThrowIf(_page.IsClosed, this);
        if (dpi <= 0 || dpi > 1200) throw new ArgumentOutOfRangeException(nameof(dpi), "dpi must be in (0, 1200]");
        // -0.01: a page written at N px and dpi must come back as N px, not N+1 from rounding noise
        int w = Math.Max(1, (int)Math.Ceiling(WidthPt * dpi / 72.0 - 0.01));
        int h = Math.Max(1, (int)Math.Ceiling(HeightPt * dpi / 72.0 - 0.01));
        // A fresh 35 MB surface cost 130-330 ms of first-touch page faults on the (loaded) test machine, more than
        // the rendering itself; a per-thread buffer that is reused avoids that.
        int stride = CairoNative.cairo_format_stride_for_width(CairoNative.FormatArgb32, w);
        byte* src = RenderBuffer.Get((long)stride * h);
        using var surface = CairoNative.cairo_image_surface_create_for_data((IntPtr)src, CairoNative.FormatArgb32, w, h, stride);
        int st = CairoNative.cairo_surface_status(surface);
        if (st != CairoNative.StatusSuccess)
            throw new PdfException(PdfErrorKind.Unknown, $"{_doc.Name}: cannot create a {w}x{h} render surface (cairo status {st})");
        using (var cr = CairoNative.cairo_create(surface))
        {
            // Poppler does not paint the paper: without this the background stays transparent black.
            CairoNative.cairo_set_source_rgb(cr, 1, 1, 1);
            CairoNative.cairo_paint(cr);
            CairoNative.cairo_scale(cr, dpi / 72.0, dpi / 72.0);
            PopplerNative.poppler_page_render(_page, cr);
        }
        CairoNative.cairo_surface_flush(surface);
        var img = new GrayImage(w, h, dpi, GC.AllocateUninitializedArray<byte>(w * h)); // every pixel is written below
        fixed (byte* dst0 = img.Pixels)
        {
            for (int y = 0; y < h; y++)
            {
                uint* row = (uint*)(src + (long)y * stride);
                byte* dst = dst0 + (long)y * w;
                for (int x = 0; x < w; x++)
                {
                    // ARGB32 native-endian premultiplied; the paper is opaque so alpha is 255 everywhere.
                    uint p = row[x];
                    uint r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
                    dst[x] = dropRed && r > g + 60 && r > b + 60 ? (byte)r : (byte)((r * 77 + g * 150 + b * 29 + 128) >> 8);
                }
            }
        }
        return img;
    }

    /// <summary>Where raster images sit on the page (points, top-left origin); used to tell scanned pages.</summary>
    public IReadOnlyList<Box> GetImageBoxes()
    {
        ObjectDisposedException.ThrowIf(_page.IsClosed, this);
        IntPtr list = PopplerNative.poppler_page_get_image_mapping(_page);
        if (list == IntPtr.Zero) return [];
        try
        {
            var result = new List<Box>();
            for (IntPtr node = list; node != IntPtr.Zero;)
            {
                var l = Marshal.PtrToStructure<GLibNative.GList>(node);
                if (l.Data != IntPtr.Zero)
                {
                    var m = Marshal.PtrToStructure<PopplerNative.PopplerImageMapping>(l.Data);
                    var a = m.Area;
                    result.Add(Box.FromEdges(Math.Min(a.X1, a.X2), Math.Min(a.Y1, a.Y2), Math.Max(a.X1, a.X2), Math.Max(a.Y1, a.Y2)));
                }
                node = l.Next;
            }
            return result;
        }
        finally { PopplerNative.poppler_page_free_image_mapping(list); }
    }

    public void Dispose() => _page.Dispose();

    /// <summary>Native render memory per thread, grown as needed and freed when the thread's buffer is collected.</summary>
    private sealed unsafe class RenderBuffer
    {
        [ThreadStatic] private static RenderBuffer? _current;
        private byte* _ptr;
        private long _size;

        public static byte* Get(long size)
        {
            var b = _current ??= new RenderBuffer();
            if (b._size < size)
            {
                if (b._ptr != null) NativeMemory.AlignedFree(b._ptr);
                b._ptr = null; b._size = 0;
                b._ptr = (byte*)NativeMemory.AlignedAlloc((nuint)size, 64);
                b._size = size;
            }
            return b._ptr;
        }

        ~RenderBuffer()
        {
            if (_ptr != null) NativeMemory.AlignedFree(_ptr);
        }
    }
}
