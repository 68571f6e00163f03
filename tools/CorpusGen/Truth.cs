using System.Text.Encodings.Web;
using System.Text.Json;
using Extractor.Domain;

namespace CorpusGen;

/// <summary>Ground truth in the format of docs/CONVENTIONS.md, derived from the tables exactly as drawn.</summary>
public static class Truth
{
    public static List<BudgetLineTruth> BudgetLines(DocSpec doc)
    {
        var lines = new List<BudgetLineTruth>();
        for (int pi = 0; pi < doc.Pages.Count; pi++)
        {
            var page = doc.Pages[pi];
            if (!page.Form.IsBudgetForm()) continue;
            foreach (var t in page.Tables)
            {
                var starts = t.Cells.ToDictionary(c => (c.Row, c.Col));
                foreach (var r in t.DataRows.OrderBy(x => x))
                    foreach (var (c, (label, codeCols)) in t.AmountCols.OrderBy(x => x.Key))
                    {
                        if (!starts.TryGetValue((r, c), out var cell)) continue;
                        var v = Norm.Amount(cell.Text);
                        if (v is null) continue;
                        string name = label >= 0 ? Norm.Text(t.At(r, label)?.Text ?? "") : "";
                        string code = string.Concat(codeCols.Select(k => Norm.Digits(t.At(r, k)?.Text ?? "")));
                        decimal wan = t.Unit == "元" ? v.Value / 10000m : v.Value;
                        lines.Add(new(pi + 1, page.Form.Label(), code.Length > 0 ? code : null, name, t.ColumnPaths[c] ?? "", wan, t.Unit, cell.Text));
                    }
            }
        }
        return lines;
    }

    public static List<(int Page, string Form, IndicatorTruth Ind)> Indicators(DocSpec doc)
    {
        var list = new List<(int, string, IndicatorTruth)>();
        for (int pi = 0; pi < doc.Pages.Count; pi++)
            foreach (var t in doc.Pages[pi].Tables)
                foreach (var (_, ind) in t.Indicators)
                    list.Add((pi + 1, doc.Pages[pi].Form.Label(), ind));
        return list;
    }

    public static string Json(DocSpec doc)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("file", doc.Name + ".pdf");
            w.WriteString("unit_name", doc.UnitName);
            w.WriteNumber("year", doc.Year);
            w.WriteString("kind", doc.Kind.Label());
            w.WriteString("level", doc.Level.Label());
            w.WriteString("template", doc.Template);
            w.WriteString("scan_mode", doc.ScanMode);
            w.WriteStartArray("pages");
            for (int pi = 0; pi < doc.Pages.Count; pi++)
            {
                var p = doc.Pages[pi];
                w.WriteStartObject();
                w.WriteNumber("page", pi + 1);
                w.WriteString("form_type", p.Form.Label());
                w.WriteBoolean("scanned", p.Scan is not null);
                w.WriteBoolean("continues_previous", p.ContinuesPrevious);
                w.WriteString("orientation", p.Landscape ? "landscape" : "portrait");
                if (p.Scan is { } s)
                {
                    w.WriteStartObject("scan");
                    w.WriteNumber("dpi", s.Dpi); w.WriteBoolean("color", s.Color); w.WriteNumber("skew_deg", s.SkewDeg);
                    w.WriteNumber("rotation", s.Rotation); w.WriteBoolean("seal", s.Seal); w.WriteNumber("jpeg_quality", s.JpegQuality);
                    w.WriteEndObject();
                }
                w.WriteStartArray("tables");
                foreach (var t in p.Tables)
                {
                    w.WriteStartObject();
                    w.WriteNumber("rows", t.Rows); w.WriteNumber("cols", t.Cols);
                    w.WriteNumber("header_rows", t.HeaderRows);
                    w.WriteString("unit", t.Unit);
                    w.WriteStartArray("cells");
                    foreach (var c in t.Cells)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("row", c.Row); w.WriteNumber("col", c.Col); w.WriteNumber("rowspan", c.RowSpan); w.WriteNumber("colspan", c.ColSpan);
                        w.WriteString("text", c.Text);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("budget_lines");
            foreach (var l in BudgetLines(doc))
            {
                w.WriteStartObject();
                w.WriteNumber("page", l.Page); w.WriteString("form_type", l.FormType);
                if (l.Code is null) w.WriteNull("code"); else w.WriteString("code", l.Code);
                w.WriteString("name", l.Name); w.WriteString("column", l.Column);
                w.WriteNumber("amount", l.Amount); w.WriteString("unit", l.Unit); w.WriteString("amount_raw", l.AmountRaw);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("indicators");
            foreach (var (page, form, i) in Indicators(doc))
            {
                w.WriteStartObject();
                w.WriteNumber("page", page); w.WriteString("form_type", form); w.WriteString("project", i.Project);
                Str(w, "period", i.Period); w.WriteString("level1", i.Level1); w.WriteString("level2", i.Level2); w.WriteString("name", i.Name);
                Str(w, "target", i.Target); Str(w, "actual", i.Actual);
                if (i.Weight is { } wt) w.WriteNumber("weight", wt); else w.WriteNull("weight");
                if (i.Score is { } sc) w.WriteNumber("score", sc); else w.WriteNull("score");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    static void Str(Utf8JsonWriter w, string name, string? v) { if (v is null) w.WriteNull(name); else w.WriteString(name, v); }
}
