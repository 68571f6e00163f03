using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using Extractor.Imaging;
using Extractor.Pdf;

namespace Extractor.Tests.Engines;

public class ImagingTests
{
    private static readonly Lazy<GrayImage> TablePage = new(() =>
    {
        using var doc = PdfDocument.Open(EngineTestData.JiangsuPdf);
        using var page = doc.GetPage(OcrFixture.PageWith(doc, "一般公共服务支出"));
        return page.Render(200);
    });

    [Theory]
    [InlineData(2.3)]
    [InlineData(-1.7)]
    [InlineData(0.6)]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    public void DeskewFindsTheRotationOfATablePage(double degrees)
    {
        var rotated = Deskew.Rotate(TablePage.Value, degrees);
        var sw = Stopwatch.StartNew();
        double found = Deskew.FindSkewDegrees(rotated);
        Console.WriteLine($"skew {degrees}: found {found:0.000} in {sw.ElapsedMilliseconds} ms");
        Assert.InRange(found, degrees - 0.2, degrees + 0.2);
        var straight = Deskew.Rotate(rotated, -found);
        Assert.InRange(Deskew.FindSkewDegrees(straight), -0.2, 0.2);
    }

    [Theory]
    [InlineData(-2.7)]
    [InlineData(1.3)]
    public void DeskewHandlesAPhoneScanWithDarkSurroundAndNoise(double degrees)
    {
        // Paper on a dark desk, lower contrast, sensor noise: large dark areas must not outweigh the text lines.
        var page = TablePage.Value;
        const int border = 160;
        var photo = new GrayImage(page.Width + 2 * border, page.Height + 2 * border, page.Dpi);
        Array.Fill(photo.Pixels, (byte)50);
        var rnd = new Random(1);
        for (int y = 0; y < page.Height; y++)
            for (int x = 0; x < page.Width; x++)
                photo[x + border, y + border] = (byte)Math.Clamp(40 + page[x, y] * 170 / 255 + rnd.Next(-25, 26), 0, 255);
        double found = Deskew.FindSkewDegrees(Deskew.Rotate(photo, degrees));
        Assert.InRange(found, degrees - 0.2, degrees + 0.2);
    }

    [Fact]
    public void LeptonicaAgreesWithOwnSkewSearch()
    {
        var rotated = Deskew.Rotate(TablePage.Value, -2.1);
        double? lept = Deskew.FindSkewDegreesLeptonica(rotated);
        Assert.NotNull(lept);
        Assert.InRange(lept!.Value, -2.3, -1.9);
        Assert.InRange(Deskew.FindSkewDegrees(rotated) - lept.Value, -0.1, 0.1);
    }

    [Fact]
    public void RotateKeepsSizeAndFillsCornersWhite()
    {
        var img = new GrayImage(200, 100, 100);
        for (int y = 45; y < 55; y++) for (int x = 20; x < 180; x++) img[x, y] = 0;
        var r = Deskew.Rotate(img, 10);
        Assert.Equal(200, r.Width);
        Assert.Equal(100, r.Height);
        Assert.Equal(255, r[0, 0]);
        Assert.True(r[100, 50] < 30, "centre stays dark");
        // counter-clockwise on screen: the right end of the bar moves up
        Assert.True(r[170, 50 - (int)(70 * Math.Tan(10 * Math.PI / 180))] < 60);
    }

    [Fact]
    public void Rotate90RoundTripsAndTurnsClockwise()
    {
        var img = new GrayImage(3, 2, 72, [1, 2, 3, 4, 5, 6]);
        var cw = Rotation.Rotate90(img, 1);
        Assert.Equal((2, 3), (cw.Width, cw.Height));
        Assert.Equal(new byte[] { 4, 1, 5, 2, 6, 3 }, cw.Pixels);
        Assert.Equal(new byte[] { 6, 5, 4, 3, 2, 1 }, Rotation.Rotate90(img, 2).Pixels);
        Assert.Equal(Rotation.Rotate90(img, -1).Pixels, Rotation.Rotate90(img, 3).Pixels);
        Assert.Equal(img.Pixels, Rotation.Rotate90(Rotation.Rotate90(img, 1), -1).Pixels);
    }

    [Fact]
    public void PngEncodesDecodablePixels()
    {
        var img = TablePage.Value.Crop(100, 300, 640, 200);
        byte[] png = PngWriter.Encode(img);
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        // Walk the chunks, collect IDAT, inflate and undo the filters: must give the same pixels.
        using var idat = new MemoryStream();
        int pos = 8, width = 0, height = 0;
        while (pos < png.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            if (type == "IHDR") { width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos + 8)); height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos + 12)); }
            if (type == "IDAT") idat.Write(png, pos + 8, len);
            pos += 12 + len;
        }
        Assert.Equal((img.Width, img.Height), (width, height));
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var data = raw.ToArray();
        Assert.Equal((width + 1) * height, data.Length);
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            byte filter = data[y * (width + 1)];
            for (int x = 0; x < width; x++)
            {
                byte v = data[y * (width + 1) + 1 + x];
                pixels[y * width + x] = filter == 2 && y > 0 ? (byte)(v + pixels[(y - 1) * width + x]) : v;
            }
        }
        Assert.Equal(img.Pixels, pixels);
    }

    [Fact]
    public void RenderIsWhitePaperWithDarkText()
    {
        var img = TablePage.Value;
        Assert.Equal(255, img[5, 5]);
        Assert.Equal(255, img[img.Width - 5, img.Height - 5]);
        long dark = img.Pixels.Count(p => p < 100);
        Assert.InRange(dark, img.Pixels.Length / 200, img.Pixels.Length / 5);
    }
}
