using Extractor.Tests.Forms;
using Extractor.Classification;
using Extractor.Domain;

namespace Extractor.Tests.Classification;

public class SoftmaxRegressionTests
{
    /// <summary>Three linearly separable blobs in 4 sparse dimensions, made without randomness.</summary>
    private static (List<FeatureVector> X, List<int> Y) Blobs(int perClass)
    {
        var xs = new List<FeatureVector>();
        var ys = new List<int>();
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < perClass; i++)
            {
                double jitter = (i % 7) / 20.0;
                // Class c has a strong feature c and a weak shared feature 3.
                xs.Add(new FeatureVector([c, 3], [1.0 + jitter, 0.3 + (i % 3) / 10.0]));
                ys.Add(c);
            }
        return (xs, ys);
    }

    [Fact]
    public void Converges_and_separates_separable_data()
    {
        var (x, y) = Blobs(20);
        var model = new SoftmaxRegression(3, 4);
        var fit = model.Train(x, y, new SoftmaxRegression.TrainOptions { L2 = 1e-4, MaxIterations = 500 });
        Assert.True(fit.Converged);
        Assert.True(fit.Loss < 0.05, $"loss {fit.Loss}");
        for (int i = 0; i < x.Count; i++) Assert.Equal(y[i], model.Predict(x[i]));
        var p = model.PredictProbabilities(new FeatureVector([1], [1.0]));
        Assert.Equal(1.0, p.Sum(), 9);
        Assert.True(p[1] > 0.9);
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var (x, y) = Blobs(10);
        var a = new SoftmaxRegression(3, 4);
        var b = new SoftmaxRegression(3, 4);
        a.Train(x, y);
        b.Train(x, y);
        for (int f = 0; f < 4; f++)
            for (int c = 0; c < 3; c++) Assert.Equal(a.Weight(f, c), b.Weight(f, c));
    }

    [Fact]
    public void Stronger_L2_gives_smaller_weights()
    {
        var (x, y) = Blobs(10);
        var weak = new SoftmaxRegression(3, 4);
        var strong = new SoftmaxRegression(3, 4);
        weak.Train(x, y, new SoftmaxRegression.TrainOptions { L2 = 1e-4 });
        strong.Train(x, y, new SoftmaxRegression.TrainOptions { L2 = 1.0 });
        Assert.True(Math.Abs(strong.Weight(0, 0)) < Math.Abs(weak.Weight(0, 0)));
    }

    [Fact]
    public void Json_round_trip_keeps_predictions()
    {
        var (x, y) = Blobs(10);
        var model = new SoftmaxRegression(3, 4);
        model.Train(x, y);
        var json = model.ToJson(["a", "b", "c"]);
        var (back, classes, _) = SoftmaxRegression.FromJson(System.Text.Json.Nodes.JsonNode.Parse(json.ToJsonString())!);
        Assert.Equal(["a", "b", "c"], classes);
        foreach (var v in x)
        {
            Assert.Equal(model.Predict(v), back.Predict(v));
            var p = model.PredictProbabilities(v);
            var q = back.PredictProbabilities(v);
            for (int c = 0; c < 3; c++) Assert.Equal(p[c], q[c], 2);
        }
    }

    [Fact]
    public void Rejects_bad_input()
    {
        var model = new SoftmaxRegression(3, 4);
        Assert.Throws<ArgumentException>(() => model.Train([], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Train([new FeatureVector([0], [1])], [5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Train([new FeatureVector([9], [1])], [0]));
        Assert.Throws<InvalidDataException>(() => SoftmaxRegression.FromJson(System.Text.Json.Nodes.JsonNode.Parse("{\"format\":\"x\"}")!));
        Assert.Throws<ArgumentException>(() => new FeatureVector([2, 1], [1, 1]));
    }
}

public class PageFeaturesTests
{
    internal static PageContent TablePage(int number, string? title, string[][] grid, bool continues = false)
    {
        var table = Table.FromGrid(grid, number);
        table = new Table
        {
            Page = number, Index = 0, RowCount = table.RowCount, ColCount = table.ColCount, Cells = table.Cells,
            Box = new Box(0, 120, table.ColCount * 80, table.RowCount * 20), ContinuesPrevious = continues,
        };
        var lines = title is null ? new List<TextLine>() : [new TextLine(title, new Box(150, 60, 300, 20), 1.0)];
        var raw = string.Join("\n", (title is null ? [] : new[] { title }).Concat(grid.Select(r => string.Join(" ", r))));
        return new PageContent
        {
            PageNumber = number, WidthPt = 595, HeightPt = 842, RawText = raw, Lines = lines, Tables = [table],
        };
    }

    internal static PageContent TextPage(int number, string text) => new()
    {
        PageNumber = number, WidthPt = 595, HeightPt = 842, RawText = text,
        Lines = text.Split('\n').Select((t, i) => new TextLine(t, new Box(60, 80 + 20 * i, 400, 16), 1.0)).ToList(),
    };

    private static readonly string[][] BasicGrid =
    [
        ["科目编码", "科目名称", "金额"], ["301", "工资福利支出", "2,928.98"], ["30101", "基本工资", "1,015.15"],
    ];

    [Fact]
    public void Extraction_is_deterministic_and_sorted()
    {
        var page = TablePage(3, "一般公共预算基本支出预算表", BasicGrid);
        var a = PageFeatures.Extract(page);
        var b = PageFeatures.Extract(TablePage(3, "一般公共预算基本支出预算表", BasicGrid));
        Assert.Equal(a.Indices, b.Indices);
        Assert.Equal(a.Values, b.Values);
        Assert.True(a.Count > 20);
        Assert.All(a.Indices, i => Assert.InRange(i, 0, PageFeatures.Dimension - 1));
        // A fixed hash, not string.GetHashCode: the same bucket in every process.
        Assert.Equal(PageFeatures.Bucket("t:", "收支"), PageFeatures.Bucket("t:", "收支"));
        Assert.NotEqual(PageFeatures.Bucket("t:", "收支"), PageFeatures.Bucket("b:", "收支"));
    }

    [Fact]
    public void Title_region_and_layout_are_read()
    {
        var page = TablePage(3, "一般公共预算基本支出预算表", BasicGrid);
        Assert.Equal(["一般公共预算基本支出预算表"], PageFeatures.TitleLines(page));
        var v = PageFeatures.Extract(page);
        int Layout(string name) => PageFeatures.HashBuckets + Array.IndexOf(PageFeatures.LayoutNames, name);
        Assert.Equal(1, v.Get(Layout("tables=1")));
        Assert.Equal(1, v.Get(Layout("cols<=3")));
        Assert.True(v.Get(Layout("econCodes")) > 0);
        Assert.Equal(0, v.Get(Layout("funcCodes")));
        var prose = PageFeatures.Extract(TextPage(1, "本表反映部门年度一般公共预算支出预算安排情况。\n与上年相比增加，主要原因是人员增加。"));
        Assert.True(prose.Get(Layout("sentenceDensity")) > 0);
        Assert.Equal(1, prose.Get(Layout("tables=0")));
    }

    [Fact]
    public void Whitespace_and_full_width_forms_give_the_same_features()
    {
        Assert.Equal("收支预算总表(公开01表)", PageFeatures.Normalize(" 收 支 预 算 总 表（公开０１表）"));
        var a = PageFeatures.Extract(TextPage(1, "收支预算总表"));
        var b = PageFeatures.Extract(TextPage(1, "收 支 预 算 总 表"));
        Assert.Equal(a.Indices, b.Indices);
    }
}

public class OcrNoiseTests
{
    [Fact]
    public void Noise_is_deterministic_per_seed_and_marks_the_page_scanned()
    {
        var page = PageFeaturesTests.TablePage(1, "一般公共预算基本支出预算表", [["科目编码", "科目名称", "金额"], ["30101", "基本工资", "1,015.15"]]);
        var a = OcrNoise.Perturb(page, new Random(7), 0.3);
        var b = OcrNoise.Perturb(page, new Random(7), 0.3);
        Assert.Equal(a.RawText, b.RawText);
        Assert.NotEqual(page.RawText, a.RawText);
        Assert.True(a.Scanned);
        Assert.Equal(page.Tables[0].Cells.Count, a.Tables[0].Cells.Count);
        Assert.All(a.Tables[0].Cells, c => Assert.Equal(CellSource.Ocr, c.Source));
        Assert.Equal("abc", OcrNoise.Noisy("abc", new Random(1), 0));
    }
}

public class PageClassifierTests
{
    private static readonly string[][] FunctionalGrid =
    [
        ["功能科目代码", "功能科目名称", "金额"], ["201", "一般公共服务支出", "10,528.33"], ["20101", "人大事务", "10,528.33"],
    ];
    private static readonly string[][] EconomicGrid =
    [
        ["科目编码", "科目名称", "金额"], ["301", "工资福利支出", "2,928.98"], ["30101", "基本工资", "1,015.15"],
    ];

    /// <summary>A tiny classifier trained on synthetic pages of three kinds.</summary>
    private static PageClassifier TinyClassifier()
    {
        var pages = new List<LabelledPage>();
        for (int i = 0; i < 4; i++)
        {
            pages.Add(new("a", "g", PageFeaturesTests.TablePage(1, "一般公共预算支出预算表", FunctionalGrid), FormType.GeneralBudgetExpenditure));
            pages.Add(new("a", "g", PageFeaturesTests.TablePage(2, "一般公共预算基本支出预算表", EconomicGrid), FormType.GeneralBudgetBasicExpenditure));
            pages.Add(new("a", "g", PageFeaturesTests.TextPage(3, "第一部分 部门概况\n一、主要职能。本部门负责，组织实施。"), FormType.Narrative));
        }
        return ClassifierTrainer.Train(pages, new TrainerOptions { L2 = 1e-3 }).Classifier;
    }

    [Fact]
    public void Continuation_page_takes_the_label_of_the_page_it_continues()
    {
        var classifier = TinyClassifier();
        // Page 2 has no title and economic codes, but its table continues page 1's functional table.
        var continued = PageFeaturesTests.TablePage(2, null, [["30102", "津贴补贴", "1,822.05"], ["30103", "奖金", "83.60"]], continues: true);
        var doc = new[] { PageFeaturesTests.TablePage(1, "一般公共预算支出预算表", FunctionalGrid), continued };
        var result = classifier.Classify(doc);
        Assert.Equal(FormType.GeneralBudgetExpenditure, result[0].FormType);
        Assert.Equal(FormType.GeneralBudgetExpenditure, result[1].FormType);
        Assert.Equal(result[0].Confidence, result[1].Confidence);
        // On its own, the same page reads as the economic form.
        Assert.Equal(FormType.GeneralBudgetBasicExpenditure, classifier.ClassifyPage(continued).Type);
    }

    [Fact]
    public void Untitled_table_with_the_same_columns_continues_but_a_titled_one_does_not()
    {
        var first = PageFeaturesTests.TablePage(1, "一般公共预算支出预算表", FunctionalGrid);
        var untitled = PageFeaturesTests.TablePage(2, null, [["208", "社会保障和就业支出", "1,608.51"]]);
        var titled = PageFeaturesTests.TablePage(2, "一般公共预算基本支出预算表", EconomicGrid);
        var wider = PageFeaturesTests.TablePage(2, null, [["208", "社会保障和就业支出", "1,608.51", "x"]]);
        Assert.True(ContinuationRule.Continues(first, FormType.GeneralBudgetExpenditure, untitled));
        Assert.False(ContinuationRule.Continues(first, FormType.GeneralBudgetExpenditure, titled));
        Assert.False(ContinuationRule.Continues(first, FormType.GeneralBudgetExpenditure, wider));
        // Prose is never continued.
        Assert.False(ContinuationRule.Continues(first, FormType.Narrative, untitled));
    }

    [Fact]
    public void A_one_row_continuation_with_its_note_under_it_fills_the_page()
    {
        // As measured on a generated 决算 收入表: the next page holds one row (2210202 提租补贴) and the table's note.
        var parsed = TableSpec.Parse("2210202 | 提租补贴 | 587.91");
        var row = new Table { Page = 6, Index = 0, RowCount = 1, ColCount = 3, Cells = parsed.Cells, Box = new Box(50, 60, 500, 20) };
        TextLine Line(string text, double y) => new(text, new Box(50, y, 400, 12), 1);
        var noted = new PageContent { PageNumber = 6, Tables = [row], Lines = [Line("注：本表反映部门本年度取得的各项收入情况。", 100)] };
        Assert.True(ContinuationRule.FillsMostOfPage(noted, row));
        // A new form's title below the table's end is no note: the page carries another form.
        var titled = new PageContent { PageNumber = 6, Tables = [row], Lines = [Line("支出决算表", 300), Line("单位名称 金额", 330)] };
        Assert.False(ContinuationRule.FillsMostOfPage(titled, row));
    }

    [Fact]
    public void Classifies_with_confidence_and_survives_save_and_load()
    {
        var classifier = TinyClassifier();
        var page = PageFeaturesTests.TablePage(5, "一般公共预算基本支出预算表", EconomicGrid);
        var (type, conf) = classifier.ClassifyPage(page);
        Assert.Equal(FormType.GeneralBudgetBasicExpenditure, type);
        Assert.InRange(conf, 0.5, 1.0);

        var path = Path.Combine(Path.GetTempPath(), $"cls-{Guid.NewGuid():N}.json");
        try
        {
            classifier.Save(path);
            var loaded = PageClassifier.Load(path);
            Assert.Equal(classifier.Classes, loaded.Classes);
            var (type2, conf2) = loaded.ClassifyPage(page);
            Assert.Equal(type, type2);
            Assert.Equal(conf, conf2, 9); // the trainer ships the quantised model, so saving loses nothing more
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Load_gives_typed_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cls-{Guid.NewGuid():N}.json");
        Assert.Throws<FileNotFoundException>(() => PageClassifier.Load(path));
        try
        {
            File.WriteAllText(path, "not json");
            Assert.Throws<InvalidDataException>(() => PageClassifier.Load(path));
            File.WriteAllText(path, "{\"format\":\"other\"}");
            Assert.Throws<InvalidDataException>(() => PageClassifier.Load(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Confusion_matrix_counts()
    {
        var cm = new ConfusionMatrix();
        cm.Add(FormType.Narrative, FormType.Narrative);
        cm.Add(FormType.Narrative, FormType.Cover);
        cm.Add(FormType.IncomeSummary, FormType.IncomeSummary);
        Assert.Equal(3, cm.Total);
        Assert.Equal(2.0 / 3, cm.Accuracy, 9);
        Assert.Equal(1, cm[FormType.Narrative, FormType.Cover]);
        Assert.Contains("| 文字说明 |", cm.ToMarkdown());
        Assert.Equal(["文字说明 → 封面目录 ×1"], cm.Errors());
    }
}

public class TrainingDataTests
{
    [Fact]
    public void Corpus_truth_pages_pair_with_the_read_pages_and_scans_can_be_skipped()
    {
        var dir = Directory.CreateTempSubdirectory("cls-corpus-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "d1.pdf"), "placeholder: the reader below does not open it");
            File.WriteAllText(Path.Combine(dir, "d1.truth.json"), """
                { "file": "d1.pdf", "pages": [
                  { "page": 1, "form_type": "封面目录", "scanned": false },
                  { "page": 2, "form_type": "收支总表", "scanned": true },
                  { "page": 3, "form_type": "绩效目标表", "scanned": false } ] }
                """);
            // Isolation: a reader that makes three pages instead of opening the placeholder PDF.
            DocumentReader reader = _ => Enumerable.Range(1, 3).Select(n => PageFeaturesTests.TextPage(n, $"page {n}")).ToList();
            var all = TrainingData.LoadCorpus(dir, reader);
            Assert.Equal([FormType.Cover, FormType.IncomeExpenditureSummary, FormType.PerformanceTarget], all.Select(p => p.Label));
            Assert.Equal([1, 2, 3], all.Select(p => p.Content.PageNumber));
            var text = TrainingData.LoadCorpus(dir, reader, includeScanned: false);
            Assert.Equal([1, 3], text.Select(p => p.Content.PageNumber));

            File.WriteAllText(Path.Combine(dir, "d1.truth.json"), """{ "file": "d1.pdf", "pages": [ { "page": 1, "form_type": "某表" } ] }""");
            Assert.Throws<InvalidDataException>(() => TrainingData.LoadCorpus(dir, reader));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Real_labels_csv_is_parsed_with_its_holdout_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# comment\n# holdout: B;C (training: A)\ndepartment,file,page,form_type\nA,a.pdf,1,封面目录\nB,b.pdf,2,三公经费表\n");
            var labels = TrainingData.ReadRealLabels(path);
            Assert.Equal(["B", "C"], labels.HoldoutDepartments.Order());
            Assert.Equal(["a.pdf"], labels.Training.Select(l => l.File));
            Assert.Equal(FormType.ThreePublicExpenses, labels.Holdout.Single().Label);
            File.WriteAllText(path, "department,file,page,form_type\nA,a.pdf,x,封面目录\n");
            Assert.Throws<InvalidDataException>(() => TrainingData.ReadRealLabels(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Cached_reader_reads_each_file_once_and_gives_back_the_same_features()
    {
        var dir = Directory.CreateTempSubdirectory("cls-cache-").FullName;
        try
        {
            var pdf = Path.Combine(dir, "a.pdf");
            File.WriteAllText(pdf, "placeholder: the reader below does not open it");
            var cells = new List<Cell>
            {
                new(0, 0, 1, 2, new Box(10, 20, 200, 15), "项目", 0.9, CellSource.Ocr),
                new(1, 0, 1, 1, new Box(10, 35, 100, 15), "合计", 0.8, CellSource.Ocr),
                new(1, 1, 1, 1, new Box(110, 35, 100, 15), "1,044.83", 0.7, CellSource.Ocr),
            };
            var page = new PageContent
            {
                PageNumber = 1, WidthPt = 595, HeightPt = 842, Scanned = true, RawText = "收支总表\n合计\t1,044.83",
                Lines = [new TextLine("收支总表", new Box(200, 10, 120, 20), 0.95)],
                Tables = [new Table { Page = 1, Index = 0, RowCount = 2, ColCount = 2, Cells = cells, Box = new Box(10, 20, 200, 30) }],
            };
            int calls = 0;
            DocumentReader inner = _ => { calls++; return [page]; };
            var cached = TrainingData.Cached(inner, Path.Combine(dir, "cache"), "test reader");
            var first = cached(pdf);
            var second = cached(pdf);
            Assert.Equal(1, calls);
            var (f1, f2) = (PageFeatures.Extract(first[0]), PageFeatures.Extract(second[0]));
            Assert.Equal(f1.Indices, f2.Indices);
            Assert.Equal(f1.Values, f2.Values);
            Assert.Equal(cells, second[0].Tables[0].Cells);
            Assert.Equal(page.Lines, second[0].Lines);
            // Another reader name, or a changed file, reads again.
            TrainingData.Cached(inner, Path.Combine(dir, "cache"), "other reader")(pdf);
            File.AppendAllText(pdf, "changed");
            cached(pdf);
            Assert.Equal(3, calls);
        }
        finally { Directory.Delete(dir, true); }
    }
}
