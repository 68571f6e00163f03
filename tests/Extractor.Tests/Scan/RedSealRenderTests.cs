using Extractor.Pdf;

namespace Extractor.Tests.Scan;

/// <summary>A colour scan with a red seal over black text: the scan render keeps the text and fades the seal.</summary>
public class RedSealRenderTests
{
    [Fact]
    public void Red_ink_renders_near_paper_while_black_ink_under_it_stays()
    {
        const int w = 400, h = 200;
        var rgb = new byte[w * h * 3];
        Array.Fill(rgb, (byte)235); // slightly gray paper, as phone scans give
        void Paint(int x0, int y0, int x1, int y1, byte r, byte g, byte b)
        {
            for (int y = y0; y < y1; y++)
                for (int x = x0; x < x1; x++) { int o = (y * w + x) * 3; rgb[o] = r; rgb[o + 1] = g; rgb[o + 2] = b; }
        }
        Paint(100, 60, 300, 140, 205, 45, 50);   // the seal's red
        Paint(40, 95, 360, 105, 20, 20, 20);     // a black rule running under it
        var path = Path.Combine(Path.GetTempPath(), $"red-seal-{Guid.NewGuid():N}.pdf");
        try
        {
            ImagePdfWriter.Write(path, [(rgb, w, h, 100.0)]);
            using var doc = PdfDocument.Open(path);
            using var page = doc.GetPage(0);
            var plain = page.Render(100);
            var dropped = page.Render(100, dropRed: true);

            Assert.InRange(plain[200, 75], 60, 140);     // luminance of red: mid-gray, reads as ink
            Assert.InRange(dropped[200, 75], 180, 255);  // red channel: near the paper
            Assert.InRange(dropped[200, 100], 0, 60);    // the black rule under the seal stays black
            Assert.InRange(dropped[20, 20], 220, 250);   // paper unchanged
            Assert.Equal(plain[20, 20], dropped[20, 20]);
        }
        finally { File.Delete(path); }
    }
}
