namespace Extractor.Tests.Engines;

/// <summary>Paths of the shared real PDFs and a scratch folder for fixtures generated at test time.</summary>
internal static class EngineTestData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Extractor.slnx"))) return d.FullName;
        throw new InvalidOperationException("repository root (Extractor.slnx) not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    /// <summary>shared/ beside the clone (CI); worktrees sit one level deeper, so look further up too.</summary>
    public static string Shared
    {
        get
        {
            for (var d = new DirectoryInfo(RepoRoot).Parent; d != null; d = d.Parent)
                if (Directory.Exists(Path.Combine(d.FullName, "shared", "real"))) return Path.Combine(d.FullName, "shared");
            return Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        }
    }

    public static string Jiangsu => Path.Combine(Shared, "real", "jiangsu");

    /// <summary>A real text-layer budget PDF (江苏省人民检察院 2019).</summary>
    public static string JiangsuPdf => Path.Combine(Jiangsu, "江苏省人民检察院", "2019年度部门预算公开.pdf");

    /// <summary>One page of <see cref="JiangsuPdf"/> rendered gray (0-based index).</summary>
    public static Extractor.Imaging.GrayImage RenderJiangsuPage(int index, double dpi)
    {
        using var doc = Extractor.Pdf.PdfDocument.Open(JiangsuPdf);
        using var page = doc.GetPage(index);
        return page.Render(dpi);
    }

    public static string Scratch()
    {
        string dir = Path.Combine(Path.GetTempPath(), "extractor-engines-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
