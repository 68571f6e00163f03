using System.Text.Json;
using Extractor.Domain;
using Extractor.Facts;
using Extractor.Forms;
using Extractor.Validation;
using Xunit.Abstractions;

namespace Extractor.Tests.Validation;

/// <summary>
/// Forms stage alone on the generated corpus: tables rebuilt from the truth cells (continued pages joined), read by
/// the interpreters, matched to the truth per docs/CONVENTIONS.md. The truth comes from the generator's plan in
/// memory, so the gate runs on every machine without the generated PDFs.
/// </summary>
public class CorpusTruthMeasurement(ITestOutputHelper output)
{
    // Truth of the corpus plan, made in memory (no PDFs needed): the dev split of the sample corpus's seed and every
    // document of a second seed, so the gate sees content the interpreters were never looked at against.
    private static IEnumerable<(string File, string Json)> Truths() =>
        CorpusGen.Plan.Build(20261204, small: false).Where(e => e.Split == "dev")
            .Concat(CorpusGen.Plan.Build(99, small: false))
            .Select(e => (e.Doc.Name + ".truth.json", CorpusGen.Truth.Json(e.Doc)));

    [Fact]
    public void InterpretersAgainstCorpusTruth()
    {
        int tlTruth = 0, tlPred = 0, tlHit = 0, inTruth = 0, inPred = 0, inHit = 0, docs = 0, issues = 0;
        var missByForm = new Dictionary<string, int>();
        foreach (var (file, truthJson) in Truths())
        {
            using var json = JsonDocument.Parse(truthJson);
            var root = json.RootElement;
            var pages = new List<ClassifiedPage>();
            var tables = new List<Table>();
            foreach (var p in root.GetProperty("pages").EnumerateArray())
            {
                int no = p.GetProperty("page").GetInt32();
                var form = FormTypes.Parse(p.GetProperty("form_type").GetString()!);
                var text = no == 1 ? $"{root.GetProperty("unit_name").GetString()}\n{root.GetProperty("year").GetInt32()}年度{root.GetProperty("level").GetString()}{root.GetProperty("kind").GetString()}" : "";
                var unit = p.GetProperty("tables").EnumerateArray().Select(t => t.TryGetProperty("unit", out var u) ? u.GetString() : null).FirstOrDefault();
                pages.Add(new ClassifiedPage(new PageContent { PageNumber = no, RawText = text + (unit is null ? "" : $"\n单位：{unit}") }, form, 1));
                bool cont = p.GetProperty("continues_previous").GetBoolean();
                int ti = 0;
                foreach (var t in p.GetProperty("tables").EnumerateArray())
                {
                    var cells = t.GetProperty("cells").EnumerateArray().Select(c => new Cell(c.GetProperty("row").GetInt32(), c.GetProperty("col").GetInt32(),
                        c.GetProperty("rowspan").GetInt32(), c.GetProperty("colspan").GetInt32(), default, c.GetProperty("text").GetString()!, 1, CellSource.TextLayer)).ToList();
                    int rows = t.GetProperty("rows").GetInt32(), cols = t.GetProperty("cols").GetInt32();
                    if (cont && ti == 0 && tables.Count > 0 && tables[^1].ColCount == cols)
                    {
                        var prev = tables[^1];
                        int off = prev.RowCount;
                        var rp = (prev.RowPages ?? Enumerable.Repeat(prev.Page, prev.RowCount).ToList()).Concat(Enumerable.Repeat(no, rows)).ToList();
                        tables[^1] = new Table { Page = prev.Page, Index = prev.Index, RowCount = off + rows, ColCount = cols, RowPages = rp,
                            Cells = prev.Cells.Concat(cells.Select(c => c with { Row = c.Row + off })).ToList() };
                    }
                    else tables.Add(new Table { Page = no, Index = ti, RowCount = rows, ColCount = cols, Cells = cells });
                    ti++;
                }
            }
            var r = DocumentInterpreter.Interpret(pages, tables);
            docs++;
            var truth = root.GetProperty("budget_lines").EnumerateArray().Select(l => (
                Form: l.GetProperty("form_type").GetString()!, Key: l.GetProperty("code").ValueKind == JsonValueKind.Null ? TextNorm.Normalize(l.GetProperty("name").GetString()) : l.GetProperty("code").GetString()!,
                Col: TextNorm.Normalize(l.GetProperty("column").GetString()), Amount: l.GetProperty("amount").GetDecimal())).ToList();
            var pred = r.BudgetLines.Select(l => (Form: l.Form.Label(), Key: l.Code ?? l.Name, Col: l.Column, Amount: l.AmountWan ?? 0)).ToList();
            tlTruth += truth.Count; tlPred += pred.Count;
            var pool = pred.ToList();
            foreach (var t in truth)
            {
                int k = pool.FindIndex(p => p.Form == t.Form && p.Key == t.Key && p.Col == t.Col && Math.Abs(p.Amount - t.Amount) <= 0.005m);
                if (k >= 0) { tlHit++; pool.RemoveAt(k); }
                else { missByForm[t.Form] = missByForm.GetValueOrDefault(t.Form) + 1; if (missByForm[t.Form] <= 2) output.WriteLine($"  miss {Path.GetFileName(file)} {t}"); }
            }
            foreach (var p in pool.Take(2)) output.WriteLine($"  extra {Path.GetFileName(file)} {p}");

            static string S(JsonElement e, string n) => e.GetProperty(n).ValueKind switch
            {
                JsonValueKind.Null => "",
                JsonValueKind.Number => e.GetProperty(n).GetDecimal().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                _ => TextNorm.Normalize(e.GetProperty(n).ToString()),
            };
            var ti2 = root.GetProperty("indicators").EnumerateArray().Select(i => string.Join("|", S(i, "project"), S(i, "level1"), S(i, "level2"), S(i, "name"), S(i, "target"), S(i, "actual"), S(i, "weight"), S(i, "score"))).ToList();
            static string D(decimal? d) => d is null ? "" : d.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
            var pi2 = r.Indicators.Select(i => string.Join("|", i.Project, i.Level1, i.Level2, i.Name, i.Target ?? "", i.Actual ?? "", D(i.Weight), D(i.Score))).ToList();
            inTruth += ti2.Count; inPred += pi2.Count;
            var ipool = pi2.ToList();
            int shown = 0;
            foreach (var t in ti2)
            {
                int k = ipool.IndexOf(t);
                if (k >= 0) { inHit++; ipool.RemoveAt(k); }
                else if (shown++ < 2) output.WriteLine($"  ind miss {Path.GetFileName(file)} {t}");
            }
            foreach (var p in ipool.Take(2)) output.WriteLine($"  ind extra {Path.GetFileName(file)} {p}");

            var doc = new DocumentResult { FilePath = file, Sha256 = "0" };
            doc.Pages.AddRange(pages); doc.Tables.AddRange(tables);
            doc.BudgetLines.AddRange(r.BudgetLines); doc.Projects.AddRange(r.Projects); doc.Indicators.AddRange(r.Indicators);
            // Clean tables read as if OCR'd (TextLayerUsable is false here) must not look implausible either.
            var iss = DocumentValidator.Validate(doc, SubjectCodeDictionary.LoadDefault()).Concat(ReadingPlausibility.Check(doc, SubjectCodeDictionary.LoadDefault())).ToList();
            issues += iss.Count;
            foreach (var i in iss.Take(3)) output.WriteLine($"  issue {Path.GetFileName(file)} {i.Rule}: {i.Message} {i.Actual} vs {i.Expected}");
        }
        output.WriteLine($"{docs} docs; budget lines truth {tlTruth}, predicted {tlPred}, matched {tlHit} " +
                         $"(recall {100.0 * tlHit / Math.Max(1, tlTruth):0.0}%, precision {100.0 * tlHit / Math.Max(1, tlPred):0.0}%); " +
                         $"indicators truth {inTruth}, predicted {inPred}, matched {inHit} (recall {100.0 * inHit / Math.Max(1, inTruth):0.0}%, precision {100.0 * inHit / Math.Max(1, inPred):0.0}%); " +
                         $"validation issues {issues}; misses by form: {string.Join(", ", missByForm.Select(kv => $"{kv.Key} {kv.Value}"))}");
        // Tables as drawn must be read perfectly (anything lost here is the interpreters' fault), and consistent
        // forms must pass every check (a failure here is a false alarm of the validator).
        Assert.True(docs >= 30, $"only {docs} documents in the plan");
        Assert.Equal((tlTruth, tlTruth), (tlHit, tlPred));
        Assert.Equal((inTruth, inTruth), (inHit, inPred));
        Assert.Equal(0, issues);
    }
}
