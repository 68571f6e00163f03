namespace CorpusGen;

/// <summary>The 扫描全能王 (CamScanner) footer, as a tiny page rasterised and composited onto scans.</summary>
public static class Watermark
{
    public static string Fodt()
    {
        var doc = new DocSpec { Name = "_watermark", Template = "", UnitName = "", Year = 0, Kind = default, Level = default };
        doc.Pages.Add(new PageSpec { Blocks = [new Para("CS 扫描全能王 创建", "wm"), new Para("3亿人都在用的扫描App", "wm")] });
        return CorpusGen.Fodt.Write(doc, customW: 170, customH: 34);
    }
}
