using Extractor.Pdf;
using SharpDoc = PdfSharp.Pdf.PdfDocument;

namespace Extractor.Tests.Engines;

public class PdfErrorTests : IDisposable
{
    private readonly string _dir = EngineTestData.Scratch();

    public void Dispose() => Directory.Delete(_dir, true);

    private static PdfErrorKind KindOf(Action open)
    {
        var ex = Assert.Throws<PdfException>(open);
        return ex.Kind;
    }

    private string MakeEncrypted(string userPassword)
    {
        string path = Path.Combine(_dir, "encrypted.pdf");
        var doc = new SharpDoc();
        var page = doc.AddPage();
        using (var gfx = PdfSharp.Drawing.XGraphics.FromPdfPage(page))
            gfx.DrawRectangle(PdfSharp.Drawing.XBrushes.Black, 50, 50, 100, 40);
        doc.SecuritySettings.UserPassword = userPassword;
        doc.SecuritySettings.OwnerPassword = userPassword + "-owner";
        doc.Save(path);
        return path;
    }

    [Fact]
    public void MissingFile()
    {
        var ex = Assert.Throws<PdfException>(() => PdfDocument.Open(Path.Combine(_dir, "nope.pdf")));
        Assert.Equal(PdfErrorKind.NotFound, ex.Kind);
        Assert.Contains("nope.pdf", ex.Message);
    }

    [Fact]
    public void EmptyFileAndEmptyBytes()
    {
        string path = Path.Combine(_dir, "empty.pdf");
        File.WriteAllBytes(path, []);
        var ex = Assert.Throws<PdfException>(() => PdfDocument.Open(path));
        Assert.Equal(PdfErrorKind.Empty, ex.Kind);
        Assert.Contains("empty.pdf", ex.Message);
        Assert.Equal(PdfErrorKind.Empty, KindOf(() => PdfDocument.Open(Array.Empty<byte>())));
    }

    [Fact]
    public void TextFileRenamedAndRandomBytesAreNotPdf()
    {
        string txt = Path.Combine(_dir, "notes.pdf");
        File.WriteAllText(txt, "部门预算公开说明\n这不是 PDF 文件。\n");
        Assert.Equal(PdfErrorKind.NotPdf, KindOf(() => PdfDocument.Open(txt)));
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        string bin = Path.Combine(_dir, "random.pdf");
        File.WriteAllBytes(bin, random);
        Assert.Equal(PdfErrorKind.NotPdf, KindOf(() => PdfDocument.Open(bin)));
        Assert.Equal(PdfErrorKind.NotPdf, KindOf(() => PdfDocument.Open(random)));
    }

    [Fact]
    public void TruncatedFileIsDamaged()
    {
        var bytes = File.ReadAllBytes(EngineTestData.JiangsuPdf);
        string path = Path.Combine(_dir, "truncated.pdf");
        File.WriteAllBytes(path, bytes[..600]);
        var ex = Assert.Throws<PdfException>(() => PdfDocument.Open(path));
        Assert.Equal(PdfErrorKind.Damaged, ex.Kind);
        Assert.Contains("truncated.pdf", ex.Message);
        // a header followed by garbage
        var junk = new byte[2000];
        new Random(3).NextBytes(junk);
        "%PDF-1.7\n"u8.CopyTo(junk);
        Assert.Equal(PdfErrorKind.Damaged, KindOf(() => PdfDocument.Open(junk)));
    }

    [Fact]
    public void EncryptedNeedsTheRightPassword()
    {
        string path = MakeEncrypted("s3cret");
        Assert.Equal(PdfErrorKind.Encrypted, KindOf(() => PdfDocument.Open(path)));
        Assert.Equal(PdfErrorKind.WrongPassword, KindOf(() => PdfDocument.Open(path, "wrong")));
        using var doc = PdfDocument.Open(path, "s3cret");
        Assert.Equal(1, doc.PageCount);
        using var page = doc.GetPage(0);
        var img = page.Render(72);
        Assert.True(img[100, 70] < 50, "the black rectangle renders");
        using var fromBytes = PdfDocument.Open(File.ReadAllBytes(path), "s3cret");
        Assert.Equal(1, fromBytes.PageCount);
    }

    [Fact]
    public void PageIndexOutOfRangeIsRejected()
    {
        using var doc = PdfDocument.Open(EngineTestData.JiangsuPdf);
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.GetPage(doc.PageCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.GetPage(-1));
    }
}
