using System.Globalization;
using System.Text;

namespace CorpusGen;

/// <summary>Writes a <see cref="DocSpec"/> as flat ODT: one explicit page per PageSpec, ruled tables with merges.</summary>
public static class Fodt
{
    static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
    static string Esc(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    const string Head = """
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
""";

    public static string Write(DocSpec doc, double borderPt = 0.5, double? customW = null, double? customH = null)
    {
        var sb = new StringBuilder(Head);
        sb.Append($"<office:font-face-decls><style:font-face style:name=\"Song\" svg:font-family=\"'{doc.SongFont}'\"/><style:font-face style:name=\"Hei\" svg:font-family=\"'{doc.HeiFont}'\"/></office:font-face-decls>\n");
        sb.Append("<office:styles><style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\"/>"
            + "<style:text-properties style:font-name=\"Song\" style:font-name-asian=\"Song\" fo:font-size=\"11.5pt\" style:font-size-asian=\"11.5pt\" fo:language=\"zh\" fo:country=\"CN\" style:language-asian=\"zh\" style:country-asian=\"CN\"/></style:default-style></office:styles>\n");
        sb.Append("<office:automatic-styles>\n");
        double pw = customW ?? Layout.PortraitW, ph = customH ?? Layout.PortraitH;
        double mtb = customW is null ? Layout.MarginPortraitTB : 2, mlr = customW is null ? Layout.MarginPortraitLR : 2;
        sb.Append($"<style:page-layout style:name=\"pmP\"><style:page-layout-properties fo:page-width=\"{F(pw)}pt\" fo:page-height=\"{F(ph)}pt\" style:print-orientation=\"portrait\" fo:margin-top=\"{F(mtb)}pt\" fo:margin-bottom=\"{F(mtb)}pt\" fo:margin-left=\"{F(mlr)}pt\" fo:margin-right=\"{F(mlr)}pt\"/></style:page-layout>\n");
        sb.Append($"<style:page-layout style:name=\"pmL\"><style:page-layout-properties fo:page-width=\"{F(Layout.PortraitH)}pt\" fo:page-height=\"{F(Layout.PortraitW)}pt\" style:print-orientation=\"landscape\" fo:margin-top=\"{F(Layout.MarginLandscape)}pt\" fo:margin-bottom=\"{F(Layout.MarginLandscape)}pt\" fo:margin-left=\"{F(Layout.MarginLandscape)}pt\" fo:margin-right=\"{F(Layout.MarginLandscape)}pt\"/></style:page-layout>\n");
        sb.Append("<style:style style:name=\"BrkP\" style:family=\"paragraph\" style:master-page-name=\"Portrait\"><style:paragraph-properties fo:break-before=\"page\"/><style:text-properties fo:font-size=\"2pt\" style:font-size-asian=\"2pt\"/></style:style>\n");
        sb.Append("<style:style style:name=\"BrkL\" style:family=\"paragraph\" style:master-page-name=\"Landscape\"><style:paragraph-properties fo:break-before=\"page\"/><style:text-properties fo:font-size=\"2pt\" style:font-size-asian=\"2pt\"/></style:style>\n");
        foreach (var st in new[] { "title", "cover1", "cover2", "h1", "h2", "sub", "right", "small", "toc", "body", "wm", "center" })
        {
            double f = Layout.StyleFont(st);
            bool hei = st is "title" or "cover1" or "cover2" or "h1" or "wm";
            string align = st switch { "title" or "cover1" or "cover2" or "center" => "center", "right" => "end", "wm" => "center", _ => "start" };
            string extra = st switch
            {
                "body" => " fo:text-indent=\"23pt\" fo:margin-bottom=\"4pt\"", "title" => " fo:margin-bottom=\"10pt\" fo:margin-top=\"2pt\"",
                "cover1" => " fo:margin-top=\"20pt\" fo:margin-bottom=\"20pt\"", "cover2" => " fo:margin-top=\"15pt\" fo:margin-bottom=\"15pt\"",
                "h1" => " fo:margin-top=\"6pt\" fo:margin-bottom=\"4pt\"", "h2" => " fo:margin-top=\"3pt\" fo:margin-bottom=\"3pt\"",
                "toc" => " fo:margin-bottom=\"3pt\"", _ => " fo:margin-bottom=\"2pt\"",
            };
            string font = hei ? "Hei" : "Song";
            string bold = st is "title" or "cover1" or "h1" ? " fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"" : "";
            string color = st == "wm" ? " fo:color=\"#555555\"" : "";
            sb.Append($"<style:style style:name=\"{st}\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"{align}\"{extra}/>"
                + $"<style:text-properties style:font-name=\"{font}\" style:font-name-asian=\"{font}\" fo:font-size=\"{F(f)}pt\" style:font-size-asian=\"{F(f)}pt\"{bold}{color}/></style:style>\n");
        }
        sb.Append($"<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties fo:border=\"{F(borderPt)}pt solid #000000\" fo:padding=\"1.5pt\" style:vertical-align=\"middle\"/></style:style>\n");
        var cellParas = new HashSet<string>();
        int tn = 0;
        var body = new StringBuilder();
        foreach (var page in doc.Pages)
        {
            body.Append($"<text:p text:style-name=\"{(page.Landscape ? "BrkL" : "BrkP")}\"/>\n");
            foreach (var block in page.Blocks)
            {
                if (block is Para p)
                    foreach (var line in p.Text.Split('\n'))
                        body.Append($"<text:p text:style-name=\"{p.Style}\">{Esc(line)}</text:p>\n");
                else if (block is TableBlock tb)
                {
                    var t = tb.Table;
                    tn++;
                    double tw = Layout.UsableW(page.Landscape);
                    double sw = t.Widths.Sum();
                    sb.Append($"<style:style style:name=\"T{tn}\" style:family=\"table\"><style:table-properties style:width=\"{F(tw)}pt\" table:align=\"center\" fo:margin-top=\"2pt\" fo:margin-bottom=\"2pt\"/></style:style>\n");
                    for (int k = 0; k < t.Cols; k++)
                        sb.Append($"<style:style style:name=\"T{tn}.{k}\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"{F(t.Widths[k] / sw * tw)}pt\"/></style:style>\n");
                    body.Append($"<table:table table:name=\"T{tn}\" table:style-name=\"T{tn}\">\n");
                    for (int k = 0; k < t.Cols; k++) body.Append($"<table:table-column table:style-name=\"T{tn}.{k}\"/>");
                    body.Append('\n');
                    var starts = t.Cells.ToDictionary(c => (c.Row, c.Col));
                    for (int r = 0; r < t.Rows; r++)
                    {
                        body.Append("<table:table-row>");
                        for (int k = 0; k < t.Cols; k++)
                        {
                            if (!starts.TryGetValue((r, k), out var c)) { body.Append("<table:covered-table-cell/>"); continue; }
                            string ps = $"c{F(t.FontPt).Replace('.', '_')}{c.Align}{(c.Bold ? "b" : "")}";
                            cellParas.Add(ps);
                            body.Append("<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\"");
                            if (c.ColSpan > 1) body.Append($" table:number-columns-spanned=\"{c.ColSpan}\"");
                            if (c.RowSpan > 1) body.Append($" table:number-rows-spanned=\"{c.RowSpan}\"");
                            body.Append('>');
                            foreach (var line in c.Text.Split('\n')) body.Append($"<text:p text:style-name=\"{ps}\">{Esc(line)}</text:p>");
                            body.Append("</table:table-cell>");
                        }
                        body.Append("</table:table-row>\n");
                    }
                    body.Append("</table:table>\n");
                }
            }
        }
        foreach (var ps in cellParas)
        {
            string size = ps[1..^(ps.EndsWith('b') ? 2 : 1)].Replace('_', '.');
            char al = ps.EndsWith('b') ? ps[^2] : ps[^1];
            string align = al switch { 'l' => "start", 'r' => "end", _ => "center" };
            string bold = ps.EndsWith('b') ? " fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"" : "";
            sb.Append($"<style:style style:name=\"{ps}\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"{align}\"/><style:text-properties fo:font-size=\"{size}pt\" style:font-size-asian=\"{size}pt\"{bold}/></style:style>\n");
        }
        sb.Append("</office:automatic-styles>\n");
        sb.Append("<office:master-styles><style:master-page style:name=\"Portrait\" style:page-layout-name=\"pmP\"/><style:master-page style:name=\"Landscape\" style:page-layout-name=\"pmL\"/></office:master-styles>\n");
        sb.Append("<office:body><office:text>\n").Append(body).Append("</office:text></office:body></office:document>\n");
        return sb.ToString();
    }
}
