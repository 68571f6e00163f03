using System.Diagnostics;
using System.Text.Json;
using CorpusGen;
using Extractor.Domain;

namespace Extractor.Tests.Corpus;

/// <summary>Invariants of the corpus generator: determinism, complete lattices, arithmetic of the generated forms.</summary>
public class CorpusGenTests
{
    static readonly List<Plan.Entry> Full = Plan.Build(20261204, small: false);

    static JsonElement TruthOf(DocSpec d) => JsonDocument.Parse(Truth.Json(d)).RootElement;

    [Fact]
    public void SameSeedGivesSameTruth_OtherSeedDiffers()
    {
        var a = Plan.Build(7, small: true).Select(e => Truth.Json(e.Doc)).ToList();
        var b = Plan.Build(7, small: true).Select(e => Truth.Json(e.Doc)).ToList();
        var c = Plan.Build(8, small: true).Select(e => Truth.Json(e.Doc)).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void SplitsAreStratifiedAndSized()
    {
        var dev = Full.Where(e => e.Split == "dev").ToList();
        var test = Full.Where(e => e.Split == "test").ToList();
        Assert.InRange(dev.Count, 12, 16);
        Assert.InRange(test.Count, 8, 12);
        Assert.Equal(dev.Select(e => e.Doc.Template).ToHashSet(), test.Select(e => e.Doc.Template).ToHashSet());
        int pages = Full.Sum(e => e.Doc.Pages.Count), scanned = Full.Sum(e => e.Doc.Pages.Count(p => p.Scan is not null));
        Assert.InRange(pages, 330, 480);
        Assert.InRange(scanned / (double)pages, 0.25, 0.45);
        // Every form type of the domain appears in both splits.
        foreach (var split in new[] { dev, test })
        {
            var forms = split.SelectMany(e => e.Doc.Pages.Select(p => p.Form)).ToHashSet();
            Assert.Equal(FormTypes.All.ToHashSet(), forms);
        }
    }

    [Fact]
    public void EveryTableCoversItsLatticeExactlyOnce()
    {
        foreach (var e in Full)
            foreach (var page in TruthOf(e.Doc).GetProperty("pages").EnumerateArray())
                foreach (var t in page.GetProperty("tables").EnumerateArray())
                {
                    int rows = t.GetProperty("rows").GetInt32(), cols = t.GetProperty("cols").GetInt32();
                    var seen = new int[rows, cols];
                    foreach (var c in t.GetProperty("cells").EnumerateArray())
                        for (int r = 0; r < c.GetProperty("rowspan").GetInt32(); r++)
                            for (int k = 0; k < c.GetProperty("colspan").GetInt32(); k++)
                                seen[c.GetProperty("row").GetInt32() + r, c.GetProperty("col").GetInt32() + k]++;
                    foreach (var v in seen) Assert.Equal(1, v);
                }
    }

    [Fact]
    public void SubjectHierarchiesAndTotalsAddUp()
    {
        int checkedGroups = 0;
        foreach (var e in Full)
        {
            var lines = Truth.BudgetLines(e.Doc);
            foreach (var g in lines.GroupBy(l => (l.FormType, l.Column)))
            {
                var coded = g.Where(l => l.Code is not null).ToList();
                if (coded.Count == 0) continue;
                var byCode = coded.GroupBy(l => l.Code!).ToDictionary(x => x.Key, x => x.First().Amount);
                foreach (var (code, amount) in byCode)
                {
                    var children = byCode.Where(kv => kv.Key.Length == code.Length + 2 && kv.Key.StartsWith(code)).ToList();
                    if (children.Count > 0) Assert.Equal(amount, children.Sum(kv => kv.Value));
                }
                var total = g.FirstOrDefault(l => l.Code is null && l.Name == "合计");
                if (total is not null)
                {
                    Assert.Equal(total.Amount, byCode.Where(kv => kv.Key.Length == 3).Sum(kv => kv.Value));
                    checkedGroups++;
                }
            }
        }
        Assert.True(checkedGroups > 50, $"only {checkedGroups} table columns were checked");
    }

    [Fact]
    public void IncomeTotalEqualsExpenditureTotalAndBasicPlusProjectIsTotal()
    {
        foreach (var e in Full.Where(x => x.Doc.Kind != DocumentKind.PerformanceEvaluation))
        {
            var lines = Truth.BudgetLines(e.Doc);
            var summary = lines.Where(l => l.FormType == "收支总表").ToList();
            var income = summary.First(l => l.Name is "收入总计" or "收入合计" or "总计" && l.Column.StartsWith("收入"));
            var expense = summary.First(l => l.Name is "支出总计" or "支出合计" or "总计" && l.Column.StartsWith("支出"));
            Assert.Equal(income.Amount, expense.Amount);
            foreach (var row in lines.Where(l => l.FormType == "支出总表").GroupBy(l => (l.Page, l.Code, l.Name)))
            {
                var byCol = row.ToDictionary(l => l.Column.Split('/')[^1], l => l.Amount);
                decimal total = byCol.GetValueOrDefault("合计", byCol.GetValueOrDefault("本年支出合计"));
                Assert.Equal(total, byCol.GetValueOrDefault("基本支出") + byCol.GetValueOrDefault("项目支出"));
            }
        }
    }

    [Fact]
    public void SelfEvaluationScoresStayWithinWeightsAndTotals()
    {
        int n = 0;
        foreach (var e in Full)
            for (int i = 0; i < e.Doc.Pages.Count; i++)
            {
                var page = e.Doc.Pages[i];
                if (page.Form is not (FormType.PerformanceSelfEvaluation or FormType.OverallPerformanceSelfEvaluation)) continue;
                var t = page.Tables.Single();
                var inds = t.Indicators.Select(x => x.Ind).ToList();
                Assert.NotEmpty(inds);
                foreach (var ind in inds.Where(x => x.Weight is not null)) Assert.InRange(ind.Score!.Value, 0, ind.Weight!.Value);
                var totalCell = t.Cells.First(c => c.Text == "总分");
                var printed = t.Cells.Where(c => c.Row == totalCell.Row && c.Col > totalCell.Col).Select(c => Norm.Amount(c.Text)).Where(v => v is not null).Last();
                decimal exec = printed!.Value - inds.Sum(x => x.Score!.Value);
                Assert.InRange(exec, 0, 10);
                n++;
            }
        Assert.True(n >= 10);
    }

    [Fact]
    public void YuanTablesConvertExactlyToWan()
    {
        var yuan = Full.SelectMany(e => Truth.BudgetLines(e.Doc)).Where(l => l.Unit == "元").ToList();
        Assert.NotEmpty(yuan);
        foreach (var l in yuan) Assert.Equal(Norm.Amount(l.AmountRaw)!.Value / 10000m, l.Amount);
    }

    [Fact]
    public void HomographyMapsTheFourCorners()
    {
        var from = new[] { (0.0, 0.0), (100.0, 0.0), (100.0, 200.0), (0.0, 200.0) };
        var to = new[] { (3.0, 1.0), (104.0, -2.0), (99.0, 205.0), (-1.0, 198.0) };
        var h = Scanner.Homography(from, to);
        for (int i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            double d = h[6] * x + h[7] * y + 1;
            Assert.Equal(to[i].Item1, (h[0] * x + h[1] * y + h[2]) / d, 6);
            Assert.Equal(to[i].Item2, (h[3] * x + h[4] * y + h[5]) / d, 6);
        }
    }

    [Fact]
    public void ImagePdfWithOurJpegRendersBackThroughPoppler()
    {
        int w = 96, h = 64;
        var px = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int o = (y * w + x) * 3;
                bool dark = x >= 24 && x < 72 && y >= 16 && y < 48;
                px[o] = (byte)(dark ? 200 : 250); px[o + 1] = (byte)(dark ? 30 : 250); px[o + 2] = (byte)(dark ? 30 : 250);
            }
        string dir = Directory.CreateTempSubdirectory("corpusgen-test").FullName;
        try
        {
            string pdf = Path.Combine(dir, "img.pdf");
            ImagePdf.Write(pdf, [new ImagePdf.Page(Jpeg.Encode(px, w, h, 3, 85), w, h, 3, 72)]);
            Tools.Run("pdftoppm", "-r", "72", "-singlefile", pdf, Path.Combine(dir, "out"));
            var r = Raster.ReadPnm(Path.Combine(dir, "out.ppm"));
            Assert.Equal((w, h, 3), (r.W, r.H, r.Ch));
            int Px(int x, int y, int c) => r.Px[(y * w + x) * 3 + c];
            Assert.InRange(Px(48, 32, 0), 170, 230); Assert.InRange(Px(48, 32, 1), 0, 70);   // red stays red
            Assert.InRange(Px(5, 5, 1), 225, 255);                                            // paper stays light
        }
        finally { Directory.Delete(dir, true); }
    }
}
