using System.Globalization;
using System.Text;

namespace CorpusGen;

/// <summary>Writes image-only PDFs (one DCTDecode image per page), the way phone-scan apps publish them.</summary>
public static class ImagePdf
{
    public sealed record Page(byte[] Jpeg, int Width, int Height, int Channels, double Dpi);

    public static void Write(string path, IReadOnlyList<Page> pages, string producer = "intsig.com pdf producer")
    {
        using var fs = File.Create(path);
        var offsets = new List<long>();
        void Raw(string s) { var b = Encoding.ASCII.GetBytes(s); fs.Write(b); }
        void Obj(Action body) { offsets.Add(fs.Position); Raw($"{offsets.Count} 0 obj\n"); body(); Raw("\nendobj\n"); }
        Raw("%PDF-1.4\n"); fs.Write([0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]);
        int n = pages.Count;
        // Objects: 1 catalog, 2 pages, 3 info, then per page: page, contents, image.
        string kids = string.Join(" ", Enumerable.Range(0, n).Select(i => $"{4 + 3 * i} 0 R"));
        Obj(() => Raw("<< /Type /Catalog /Pages 2 0 R >>"));
        Obj(() => Raw($"<< /Type /Pages /Kids [{kids}] /Count {n} >>"));
        Obj(() => Raw($"<< /Producer ({producer}) /Creator (CamScanner) >>"));
        for (int i = 0; i < n; i++)
        {
            var p = pages[i];
            double wpt = p.Width * 72.0 / p.Dpi, hpt = p.Height * 72.0 / p.Dpi;
            string W = wpt.ToString("0.##", CultureInfo.InvariantCulture), H = hpt.ToString("0.##", CultureInfo.InvariantCulture);
            int pg = 4 + 3 * i;
            Obj(() => Raw($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {W} {H}] /Resources << /XObject << /Im0 {pg + 2} 0 R >> >> /Contents {pg + 1} 0 R >>"));
            string content = $"q {W} 0 0 {H} 0 0 cm /Im0 Do Q";
            Obj(() => Raw($"<< /Length {content.Length} >>\nstream\n{content}\nendstream"));
            Obj(() =>
            {
                Raw($"<< /Type /XObject /Subtype /Image /Width {p.Width} /Height {p.Height} /ColorSpace /{(p.Channels == 1 ? "DeviceGray" : "DeviceRGB")} /BitsPerComponent 8 /Filter /DCTDecode /Length {p.Jpeg.Length} >>\nstream\n");
                fs.Write(p.Jpeg);
                Raw("\nendstream");
            });
        }
        long xref = fs.Position;
        Raw($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Raw($"{o:0000000000} 00000 n \n");
        Raw($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n");
    }
}
