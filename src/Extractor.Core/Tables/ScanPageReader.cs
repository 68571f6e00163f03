using System.Diagnostics;
using System.Text;
using Extractor.Domain;
using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pipeline;

namespace Extractor.Tables;

/// <summary>
/// Reads a page without a usable text layer (phone scans): orientation → deskew → ruled tables → per-cell OCR →
/// text lines outside the tables. Boxes are in points of the upright, deskewed page.
/// </summary>
public sealed partial class ScanPageReader
{
    private readonly PipelineOptions _options;
    private readonly CellOcr _cells;
    private readonly CellOcrOptions _cellOptions;

    public ScanPageReader(PipelineOptions options, CellOcrOptions? cellOptions = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _cellOptions = cellOptions ?? new CellOcrOptions();
        _cells = new CellOcr(_cellOptions);
    }

    /// <summary>Result of the image steps alone (for measuring and review images).</summary>
    public sealed record Prepared(GrayImage Upright, OrientationDecision Orientation, double SkewDegrees);

    /// <summary>
    /// Reads one rendered page (gray, at <see cref="PipelineOptions.ScanDpi"/>). <paramref name="widthPt"/>/<paramref name="heightPt"/>
    /// are the page's size as stored; the result reports the upright page's size (swapped for quarter turns).
    /// Seconds per step are added to <paramref name="stageSeconds"/> under "preprocess", "grid" and "ocr".
    /// </summary>
    public PageContent Read(GrayImage rendered, int pageNumber, double widthPt, double heightPt, OcrEngine ocr,
        IDictionary<string, double>? stageSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(ocr);
        var sw = Stopwatch.StartNew();
        var prep = Prepare(rendered, ocr);
        Add(stageSeconds, "preprocess", sw);
        var page = ReadPrepared(prep, pageNumber, widthPt, heightPt, ocr, stageSeconds);
        if (page.Tables.Count > 0 || page.Lines.Count > 0) return page;
        // Nothing read at all: faint print under uneven light defeats both the rule threshold and Tesseract's own.
        // Even out the lighting and read once more (only here: on well-lit pages it changes nothing worth its cost).
        sw.Restart();
        var flat = prep with { Upright = Illumination.Flatten(prep.Upright) };
        Add(stageSeconds, "preprocess", sw);
        var again = ReadPrepared(flat, pageNumber, widthPt, heightPt, ocr, stageSeconds);
        return again.Tables.Count > 0 || again.Lines.Count > 0 ? again : page;
    }

    /// <summary>The steps after <see cref="Prepare"/>: grid, cell OCR, lines outside the tables.</summary>
    public PageContent ReadPrepared(Prepared prep, int pageNumber, double widthPt, double heightPt, OcrEngine ocr,
        IDictionary<string, double>? stageSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(prep);
        var sw = Stopwatch.StartNew();
        var (lattices, img) = GridOf(prep.Upright);
        Add(stageSeconds, "grid", sw);

        int ink = InkThreshold(img);
        var seals = lattices.Count > 0 ? SealFinder.Find(img, ink) : [];
        // A seal's ring taken for a rule over a row or two splits a column there: found, it goes.
        if (seals.Count > 0) lattices = lattices.Select(l => ScanGrid.WithoutSealRingRules(l, seals)).ToList();
        var tables = new List<Table>();
        var confidences = new List<double>();
        foreach (var lat in lattices)
            tables.Add(ReadTable(img, lat, pageNumber, tables.Count, ocr, ink, seals, confidences));
        var lines = ReadLinesOutside(img, lattices, ocr, confidences);
        if (!lines.Any(l => StatesUnit(l.Text))) lines = [.. lines, .. ReadUnitNotes(img, lattices, ocr, ink)];
        Add(stageSeconds, "ocr", sw);

        var raw = new StringBuilder();
        foreach (var l in lines) raw.AppendLine(l.Text);
        foreach (var t in tables)
            foreach (var row in t.Cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
                raw.AppendLine(string.Join('\t', row.OrderBy(c => c.Col).Select(c => c.Text)));

        bool quarter = prep.Orientation.QuarterTurns % 2 == 1;
        return new PageContent
        {
            PageNumber = pageNumber,
            WidthPt = quarter ? heightPt : widthPt,
            HeightPt = quarter ? widthPt : heightPt,
            Rotation = prep.Orientation.Degrees,
            Scanned = true,
            TextLayerUsable = false,
            SkewDegrees = prep.SkewDegrees,
            RawText = raw.ToString(),
            Lines = lines,
            Tables = tables,
            TextConfidence = confidences.Count == 0 ? 0 : confidences.Average(),
        };
    }

    /// <summary>Orientation (quarter turns) and deskew of a rendered page.</summary>
    public Prepared Prepare(GrayImage rendered, OcrEngine ocr)
    {
        var orient = Orientation.Detect(rendered, ocr);
        var upright = orient.QuarterTurns == 0 ? rendered : Rotation.Rotate90(rendered, orient.QuarterTurns);
        double skew = Deskew.FindSkewDegrees(upright);
        if (Math.Abs(skew) >= 0.05) upright = Deskew.Rotate(upright, -skew);
        return new Prepared(upright, orient, skew);
    }

    /// <summary>
    /// Lattices of a scan, tried at the detector's permissive line threshold and at the page's Otsu threshold.
    /// Measured on dev scans: the permissive one turns JPEG blotches, glyph halos and seal arcs into extra boundaries
    /// on gray scans, while Otsu loses faint rules of colour scans. A false boundary carries its rule in a few rows
    /// only, so keep the reading whose inner boundaries are most often drawn (rule density); on a tie the one
    /// with more cells (the other missed a rule). Measured on dev scans: 92.7% → 93.5% of cells vs fewer-cells-wins.
    /// </summary>
    public static IReadOnlyList<Lattice> FindLattices(GrayImage img)
    {
        var permissive = Tables(LatticeDetector.Detect(img, Options));
        var otsu = Tables(LatticeDetector.Detect(img, Options with { InkThreshold = Threshold.Otsu(img) }));
        if (permissive.Count == 0 || otsu.Count == 0) return permissive.Count > 0 ? permissive : otsu;
        double dp = RuleDensity(permissive), dn = RuleDensity(otsu);
        if (Math.Abs(dp - dn) < 0.005)
            return permissive.Sum(l => l.Cells.Count) > otsu.Sum(l => l.Cells.Count) ? permissive : otsu;
        return dp > dn ? permissive : otsu;
    }

    /// <summary>
    /// The page's tables, and the image to read their cells from. Faint rules under uneven light (a gray 150-dpi
    /// photo darker at one edge) defeat the global thresholds, which then find a fragment of the table or the page's
    /// dark edge: the grid found on an evenly lit copy (<see cref="Illumination.Flatten"/>) wins when it holds clearly
    /// more cells and is ruled as densely, and the cells are then read from that copy too (its faint print defeats
    /// the ink threshold as its rules did). Well-lit pages stay as scanned: reading every page from the lit copy cost
    /// digits (numeric 95.7 → 91.8 % on the dev scans).
    /// </summary>
    public static (IReadOnlyList<Lattice> Lattices, GrayImage ReadFrom) GridOf(GrayImage img)
    {
        ArgumentNullException.ThrowIfNull(img);
        var lattices = FindLattices(img);
        var flat = Illumination.Flatten(img);
        var flatLattices = FindLattices(flat);
        int cells = lattices.Sum(l => l.Cells.Count), flatCells = flatLattices.Sum(l => l.Cells.Count);
        // The choices above were measured on lattices as detected; idle boundaries go only once the grid is chosen.
        // (With no table on the page as scanned, any found on the lit copy wins: nothing has a rule density of 1.)
        bool useFlat = cells == 0 ? flatCells > 0
            : flatCells >= 1.5 * cells + 4 && RuleDensity(flatLattices) >= RuleDensity(lattices) - 0.05;
        var (chosen, readFrom) = useFlat ? (flatLattices, flat) : (lattices, img);
        // A shadow's edge on the scan (a dark corner beside the title) makes rules the lit copy has not: its grid is
        // then the same tables with fewer rows or columns at their edges, each of its boundaries one of the scan's,
        // and ruled more densely. Or a shadow hides rules, and the scan's grid is a piece of the lit one or leans on
        // the photo's edge. Either way the lit geometry wins and the cells are still read from the scan as it is (a
        // two-line header 一般公共预算 lost its second line on the lit copy).
        if (!useFlat && (ShadingRulesOnly(lattices, flatLattices, img.Dpi) || LitGridIsTheTable(lattices, flatLattices, img) ||
                         flatCells >= cells && RuleDensity(flatLattices) >= RuleDensity(lattices) && CutInsidePaper(img)))
            chosen = flatLattices;
        return (chosen.Select(l => l.WithoutIdleBoundaries()).ToList(), readFrom);
    }

    /// <summary>
    /// Whether the page's Otsu cut falls inside its paper's grays: more than a quarter of the page at or below it
    /// (print and rules cover far less). A nearly empty page shaded across (a one-row continuation of a 收支总表) cut
    /// at 222 on paper of 205–227: both thresholds made the shaded half one blob and lost the last column's rules,
    /// which the lit copy keeps. Its grid then wins when it holds as many cells, ruled as densely.
    /// </summary>
    internal static bool CutInsidePaper(GrayImage img)
    {
        var hist = Threshold.Histogram(img);
        int cut = Threshold.Otsu(hist);
        long below = 0;
        for (int i = 0; i <= cut; i++) below += hist[i];
        return below > 0.25 * img.Pixels.Length;
    }

    /// <summary>
    /// Whether the lit copy's lattices are the scan's with boundaries of shading taken out: as many tables, each
    /// inside its scanned one with every boundary within a rule's reach of one of the scan's, fewer boundaries, at
    /// least nine tenths of the cells, and a denser ruling.
    /// </summary>
    internal static bool ShadingRulesOnly(IReadOnlyList<Lattice> scanned, IReadOnlyList<Lattice> lit, double dpi)
    {
        if (scanned.Count == 0 || scanned.Count != lit.Count) return false;
        double tol = 0.03 * dpi;
        static bool Within(double[] sub, double[] all, double tol) => sub.All(b => NearOne(b, all, tol));
        bool fewer = false;
        for (int k = 0; k < scanned.Count; k++)
        {
            Lattice s = scanned[k], l = lit[k];
            if (!Within(l.Xs, s.Xs, tol) || !Within(l.Ys, s.Ys, tol)) return false;
            fewer |= l.Xs.Length < s.Xs.Length || l.Ys.Length < s.Ys.Length;
        }
        return fewer && lit.Sum(l => l.Cells.Count) >= 0.9 * scanned.Sum(l => l.Cells.Count)
            && RuleDensity(lit) >= RuleDensity(scanned) + 0.05;
    }

    /// <summary>
    /// Whether the lit copy's grid is the table where the scan's is a piece of it or leans on the photo's edge: either
    /// the scanned tables are fragments (nearly all their boundaries are the lit grid's, which holds at least twice the
    /// cells; a shadowed top half of a 绩效目标表 left the scan three of its fourteen rows), or a scanned table has a
    /// boundary at the image's edge (a dark margin taken for the table's left rule while the faint real one was lost)
    /// and the lit copy's has none there and at least half its cells (the edge brings columns of shading with it).
    /// </summary>
    internal static bool LitGridIsTheTable(IReadOnlyList<Lattice> scanned, IReadOnlyList<Lattice> lit, GrayImage img)
    {
        if (scanned.Count == 0 || lit.Count == 0) return false;
        double dpi = img.Dpi, tol = 0.03 * dpi;
        int cells = scanned.Sum(l => l.Cells.Count), litCells = lit.Sum(l => l.Cells.Count);
        static int Matched(double[] bs, double[] all, double tol) => bs.Count(b => NearOne(b, all, tol));
        bool fragments = litCells >= 2 * cells && scanned.All(s => lit.Any(l =>
            Matched(s.Xs, l.Xs, tol) + Matched(s.Ys, l.Ys, tol) >= 0.8 * (s.Xs.Length + s.Ys.Length)));
        if (fragments) return true;
        double edge = 0.05 * dpi;
        bool AtEdge(Lattice l) => l.Xs[0] <= edge || l.Ys[0] <= edge || l.Xs[^1] >= img.Width - 1 - edge || l.Ys[^1] >= img.Height - 1 - edge;
        return scanned.Any(AtEdge) && !lit.Any(AtEdge) && litCells >= 0.5 * cells;
    }

    // Whether a boundary lies within tol of one of the other grid's.
    private static bool NearOne(double b, double[] all, double tol) => all.Any(a => Math.Abs(a - b) <= tol);

    // A lone framed box (a stamp's frame, a boxed title) is no table.
    private static List<Lattice> Tables(IReadOnlyList<Lattice> ls) => ls.Where(l => l.Rows * l.Cols > 1).ToList();

    /// <summary>Share of inner boundary pieces (between neighbouring cells) that carry a rule.</summary>
    public static double RuleDensity(IEnumerable<Lattice> lattices)
    {
        int present = 0, total = 0;
        foreach (var l in lattices)
        {
            for (int i = 1; i < l.Rows; i++)
                for (int j = 0; j < l.Cols; j++) { total++; if (l.HRule[i, j]) present++; }
            for (int i = 1; i < l.Cols; i++)
                for (int j = 0; j < l.Rows; j++) { total++; if (l.VRule[i, j]) present++; }
        }
        return total == 0 ? 1 : (double)present / total;
    }

    /// <summary>Review confidence at most given to a cell whose ink a seal's disk reaches (below the fact flag's 0.6).</summary>
    public const double UnderSealConfidence = 0.5;

    // Scan-specific grid settings (the text path keeps the detector's defaults).
    private static readonly LatticeOptions Options = new() { SplitJoinedRules = true };

    /// <summary>Ink threshold for text: Otsu of the page (gray deskewed image, no adaptive binarisation).</summary>
    public static int InkThreshold(GrayImage img) => Threshold.Otsu(img);

    private Table ReadTable(GrayImage img, Lattice lat, int page, int index, OcrEngine ocr, int ink, IReadOnlyList<Seal> seals, List<double> confidences)
    {
        var cells = lat.Cells;
        var inks = cells.Select(c => _cells.FindInk(img, c.Rect, lat.RuleThickness, ink, seals)).ToArray();
        var first = new CellReading[cells.Count];
        for (int i = 0; i < cells.Count; i++) first[i] = _cells.ReadText(ocr, img, inks[i]);

        // Header rows: rows above the first row holding a number. Columns are numeric by the header's meaning and
        // by what the first reading of their body cells looks like.
        int bodyStart = Enumerable.Range(0, cells.Count).Where(i => first[i].Numeric).Select(i => cells[i].Row).DefaultIfEmpty(lat.Rows).Min();
        var numericCol = new bool[lat.Cols];
        var valueCol = new bool[lat.Cols];
        for (int c = 0; c < lat.Cols; c++)
        {
            var header = string.Join("", Enumerable.Range(0, cells.Count)
                .Where(i => cells[i].Row < bodyStart && cells[i].Col <= c && c < cells[i].Col + cells[i].ColSpan)
                .OrderBy(i => cells[i].Row).Select(i => first[i].Text));
            var body = Enumerable.Range(0, cells.Count)
                .Where(i => cells[i].Row >= bodyStart && cells[i].Col == c && cells[i].ColSpan == 1).Select(i => first[i].Text);
            numericCol[c] = CellOcr.IsNumericColumn(header, body);
            valueCol[c] = FormVocabulary.IsIndicatorValueHeader(header);
        }
        // 绩效 forms put the indicator header (指标值 / 完成值) below a funds block, past the first header rows:
        // a cell is an indicator value when such a header stands above it in its column.
        var valueHeaderRow = new int[lat.Cols];
        Array.Fill(valueHeaderRow, int.MaxValue);
        // Per column, the rows of headers read: a score header (分值 / 得分) or another header (指标值, names, 原因).
        var headers = new List<(int Row, bool Score)>?[lat.Cols];
        var headerRows = new HashSet<int>();
        bool AddHeader(int i, string t)
        {
            bool value = FormVocabulary.IsIndicatorValueHeader(t);
            if (value) valueHeaderRow[cells[i].Col] = Math.Min(valueHeaderRow[cells[i].Col], cells[i].Row);
            bool score = FormVocabulary.IsScoreHeader(t);
            if (!score && !value && !CellOcr.IsLabelHeader(t) && !t.Contains("原因")) return false;
            (headers[cells[i].Col] ??= []).Add((cells[i].Row, score));
            return true;
        }
        for (int i = 0; i < cells.Count; i++)
            if (cells[i].ColSpan == 1 && AddHeader(i, first[i].Text)) headerRows.Add(cells[i].Row);
        // A header cell of a header row read as Latin junk ("whit=" for 指标值) is asked of the Chinese model alone, as
        // body cells are below: a value column taken for numbers is read digits only ("≥85%" came back "35").
        for (int i = 0; i < cells.Count; i++)
            if (cells[i].ColSpan == 1 && headerRows.Contains(cells[i].Row) && inks[i].Region is not null &&
                (CellOcr.LooksLatinJunk(first[i].Text) || CellOcr.HasStrayMarks(first[i].Text)))
                AddHeader(i, _cells.ReadChinese(ocr, img, inks[i]).Text);
        bool IsValue(LatticeCell lc) => valueCol[lc.Col] || lc.Row > valueHeaderRow[lc.Col];
        // A score column runs down to the next header read in it: 自评 forms put a funds block (预算数 | 执行数 | 分值 |
        // 执行率 | 得分) above the indicator block, whose own header gives the same columns other meanings
        // (实际完成值 under 分值 read "24项" as digits, "24"). A header cell past reading ends nothing.
        bool IsScore(LatticeCell lc) => _cellOptions.ScoreColumnDigits && lc.ColSpan == 1 &&
            headers[lc.Col]?.Where(h => h.Row < lc.Row).OrderBy(h => h.Row).LastOrDefault() is { Score: true };

        var result = new List<Cell>(cells.Count);
        for (int i = 0; i < cells.Count; i++)
        {
            var lc = cells[i];
            var reading = first[i];
            var cellInk = inks[i];
            // An indicator value that starts with ≥ or ≤, which the models cannot read ("≥4次" came back "24k"):
            // the sign is told from its shape and the rest of the cell read on its own.
            char? sign = null;
            if (IsValue(lc) && lc.Row >= bodyStart && reading.Text.Length > 0 &&
                CellOcr.LeadingComparator(img, cellInk, cellInk.Threshold) is { } cmp)
            {
                var restInk = CellOcr.After(cellInk, cmp.RestX);
                var rest = _cells.ReadText(ocr, img, restInk);
                if (rest.Text.Length > 0)
                {
                    sign = cmp.Sign; cellInk = restInk;
                    var text = CellOcr.WithUnitOfFirstReading(rest.Text, reading.Text);
                    reading = text == rest.Text ? rest : rest with { Text = text, Numeric = false };
                }
            }
            bool inNumericCol = lc.ColSpan == 1 && lc.Row >= bodyStart && numericCol[lc.Col];
            // (A short reading with no Chinese is a misread number in the body only: in a header row it is a misread
            // word, "em" for 金额, which the Chinese model is asked below.)
            bool digits = cellInk.Region is not null && reading.Text.Length > 0 &&
                          (reading.Numeric || (!reading.Text.Any(CellOcr.IsCjk) && !reading.Text.Contains('%') &&
                           (inNumericCol || (!IsValue(lc) && (reading.Text.Any(char.IsAsciiDigit) || reading.Text.Length <= 2 && lc.Row >= bodyStart)))));
            // Under a 分值 / 得分 header every cell is a number: a short first reading with Chinese in it ("7.5" read
            // "区)" or "了" on grainy paper) is a misread number, not text. Kept only when the digits come back.
            bool scoreRetry = !digits && cellInk.Region is not null && IsScore(lc) && reading.Text.Length is > 0 and <= 3 &&
                              !reading.Text.Contains('%');
            if (scoreRetry && _cellOptions.DigitsWhitelist)
            {
                var d = _cells.ReadDigits(ocr, img, cellInk, enlarged: true);
                if (CellOcr.LooksNumeric(d.Text)) { reading = d; digits = true; }
            }
            // An indicator value read as a bare short number may be a percentage or count whose unit the engine dropped
            // at scan size (measured at 150 dpi: "86%" read "86", "97%" read "9"); read at twice the size it shows the unit.
            if (digits && !scoreRetry && IsValue(lc) && !IsScore(lc) && lc.Row >= bodyStart && reading.Text.Length <= 3 && CellOcr.LooksNumeric(reading.Text))
            {
                var big = _cells.ReadTextEnlarged(ocr, img, cellInk);
                if (CellOcr.GainsUnit(reading.Text, big.Text)) { reading = big with { Numeric = false }; digits = false; }
            }
            // (指标值 columns hold "≥4次", "100%": a digits-only re-read turned them into "24")
            // (measured: first readings of numbers come back as "35,50(", "52.7]" or "(" for 0 — digits plus junk)
            if (digits && !scoreRetry && _cellOptions.DigitsWhitelist)
            {
                var d = _cells.ReadDigits(ocr, img, cellInk, enlarged: IsScore(lc));
                if (d.Text.Length > 0) reading = d;
            }
            else if (!digits && cellInk.Region is not null && !inNumericCol)
            {
                // chi_sim+eng turns short Chinese cells into Latin (合计 → "Sit") and leading 一/二/三 into "-"/"=":
                // ask the Chinese model alone and keep its reading when it is Chinese and surer.
                bool junk = CellOcr.LooksLatinJunk(reading.Text);
                if (junk || CellOcr.HasStrayMarks(reading.Text))
                {
                    var c = _cells.ReadChinese(ocr, img, cellInk);
                    if (c.Text.Any(CellOcr.IsCjk) && (junk ? CellOcr.LatinLetters(c.Text) < CellOcr.LatinLetters(reading.Text) : c.Confidence > reading.Confidence))
                        reading = c;
                }
                else if (IsValue(lc) && lc.Row >= bodyStart && CellOcr.LooksEnglishMixedValue(reading.Text))
                {
                    // A value with a Chinese unit: chi_sim+eng reads "22台（套）" as "228(#)" (the eng model wins the
                    // word), chi_sim alone as "22台(套)". Keep its reading when it is at least as clean and holds
                    // more Chinese or fewer Latin marks (measured: both models read percentages alike or eng better).
                    var c = _cells.ReadChinese(ocr, img, cellInk);
                    int junkC = CellOcr.ValueJunk(c.Text), junkR = CellOcr.ValueJunk(reading.Text);
                    if (c.Text.Any(CellOcr.IsCjk) && c.Text.Any(char.IsAsciiDigit) && junkC <= junkR &&
                        (junkC < junkR || c.Text.Count(CellOcr.IsCjk) > reading.Text.Count(CellOcr.IsCjk)))
                        reading = c;
                }
            }
            if (sign is { } sg && reading.Text.Length > 0 && reading.Text[0] is not ('≥' or '≤'))
                reading = reading with { Text = CellOcr.Signed(sg, reading.Text), Numeric = false };
            if (reading.Text.Length > 0) confidences.Add(reading.Confidence);
            // Text under a seal's ink is doubtful however sure the engine is: a ring through an empty amount cell
            // came back "4.00", one through "200.85" as "200.96", both at high confidence and nothing to check them by.
            if (reading.Text.Length > 0 && cellInk.Region is { } inked && seals.Any(sl => sl.Touches(inked)))
                reading = reading with { ReviewConfidence = Math.Min(reading.ReviewConfidence, UnderSealConfidence) };
            result.Add(new Cell(lc.Row, lc.Col, lc.RowSpan, lc.ColSpan, lat.ToPoints(lc.Rect), reading.Text, reading.ReviewConfidence, CellSource.Ocr));
        }
        var grouped = CellOcr.HarmonizeGrouping(result.Select(c => c.Text).ToList());
        for (int i = 0; i < result.Count; i++) if (grouped[i] != result[i].Text) result[i] = result[i] with { Text = grouped[i] };
        return new Table
        {
            Page = page, Index = index, RowCount = lat.Rows, ColCount = lat.Cols, Cells = result,
            Box = lat.ToPoints(lat.Bounds),
        };
    }

    /// <summary>Text lines above, between and below the tables (titles, 单位：万元, 单位名称); not the scanner's footer.</summary>
    private static List<TextLine> ReadLinesOutside(GrayImage img, IReadOnlyList<Lattice> lattices, OcrEngine ocr, List<double> confidences)
    {
        var bands = new List<(int Y0, int Y1)>();
        int y = 0;
        foreach (var lat in lattices.OrderBy(l => l.Ys[0]))
        {
            var b = lat.Bounds;
            if (b.Y - y > 0) bands.Add((y, b.Y));
            y = Math.Max(y, b.Bottom);
        }
        bands.Add((y, img.Height));
        int minBand = (int)(0.15 * img.Dpi);
        var lines = new List<TextLine>();
        foreach (var (y0, y1) in bands)
        {
            if (y1 - y0 < minBand) continue;
            var region = new PixelRect(0, y0, img.Width, y1 - y0);
            foreach (var l in ocr.RecognizeLines(img, region, PageSegMode.Auto))
            {
                var text = CellOcr.CleanText(l.Text);
                if (text.Length == 0 || IsScannerFooter(text, l.Box, img)) continue;
                // Lines with no letter or digit (specks, seal fragments read as punctuation) say nothing.
                if (!text.Any(char.IsLetterOrDigit)) continue;
                confidences.Add(l.Confidence);
                lines.Add(new TextLine(text, ToPoints(l.Box, img.Dpi), l.Confidence));
            }
        }
        return lines.OrderBy(l => l.Box.Y).ThenBy(l => l.Box.X).ToList();
    }

    /// <summary>Whether a line states the money unit (单位：元, 金额单位：万元).</summary>
    internal static bool StatesUnit(string text) => UnitNote().IsMatch(Facts.TextNorm.Normalize(text));

    [System.Text.RegularExpressions.GeneratedRegex(@"单位[:]?(万元|千元|亿元|元)")]
    private static partial System.Text.RegularExpressions.Regex UnitNote();

    /// <summary>
    /// The unit note (单位：元) set apart at the end of the text row just above a table. Tesseract's page layout
    /// drops such a short item beside a longer one (单位名称 … far left) or reads it as junk, while the item read
    /// alone as one line comes out clean; a whole 元 table then read as 万元 is off by 10⁴ with no total to catch it.
    /// Only a reading that states a unit is kept.
    /// </summary>
    internal static List<TextLine> ReadUnitNotes(GrayImage img, IReadOnlyList<Lattice> lattices, OcrEngine ocr, int ink)
    {
        var found = new List<TextLine>();
        int gap = (int)(0.2 * img.Dpi), reach = (int)(0.5 * img.Dpi), pad = (int)(0.04 * img.Dpi);
        foreach (var lat in lattices)
        {
            var b = lat.Bounds;
            int y1 = b.Y - pad, y0 = Math.Max(0, b.Y - reach);
            foreach (var other in lattices)
                if (other.Bounds.Bottom <= b.Y && other.Bounds.Bottom > y0) y0 = other.Bounds.Bottom + pad;
            if (y1 - y0 < pad * 2) continue;
            var row = LowestTextRow(img, Math.Max(0, b.X - reach), y0, Math.Min(img.Width, b.Right + reach), y1, ink);
            if (row is not { } r) continue;
            foreach (var item in InkItems(img, r, ink, gap))
            {
                if (item.Width > 3 * img.Dpi || item.Width < 0.15 * img.Dpi) continue;
                var box = new PixelRect(Math.Max(0, item.X - pad), Math.Max(0, item.Y - pad),
                    Math.Min(img.Width, item.Right + pad) - Math.Max(0, item.X - pad), Math.Min(img.Height, item.Bottom + pad) - Math.Max(0, item.Y - pad));
                var read = ocr.RecognizeChinese(img, box, PageSegMode.SingleLine);
                var text = CellOcr.CleanText(read.Text);
                if (StatesUnit(text)) found.Add(new TextLine(text, ToPoints(box, img.Dpi), read.Confidence));
            }
        }
        return found;
    }

    /// <summary>The text row (rows with ink, rule rows left out) nearest the bottom of a strip, or null.</summary>
    private static PixelRect? LowestTextRow(GrayImage img, int x0, int y0, int x1, int y1, int ink)
    {
        int w = x1 - x0, minGap = Math.Max(2, (int)(0.03 * img.Dpi));
        int bottom = -1, top = -1, blank = 0;
        for (int y = y1 - 1; y >= y0; y--)
        {
            int n = 0;
            for (int x = x0; x < x1; x++) if (img[x, y] < ink) n++;
            bool text = n > 0 && n < w / 2; // a rule (or the page edge's shadow) runs across most of the strip
            if (text) { if (bottom < 0) bottom = y; top = y; blank = 0; }
            else if (bottom >= 0 && ++blank >= minGap) break;
        }
        return bottom < 0 ? null : new PixelRect(x0, top, w, bottom - top + 1);
    }

    /// <summary>Runs of columns holding ink within a row, split where a gap of <paramref name="gap"/> pixels has none.</summary>
    private static IEnumerable<PixelRect> InkItems(GrayImage img, PixelRect row, int ink, int gap)
    {
        int start = -1, last = -1;
        for (int x = row.X; x <= row.Right; x++)
        {
            bool any = false;
            if (x < row.Right) for (int y = row.Y; y < row.Bottom && !any; y++) any = img[x, y] < ink;
            if (any) { if (start < 0) start = x; last = x; }
            else if (start >= 0 && (x - last > gap || x == row.Right))
            {
                yield return new PixelRect(start, row.Y, last - start + 1, row.Height);
                start = -1;
            }
        }
    }

    // CamScanner stamps "扫描全能王" (and "CamScanner") into the bottom band of every page.
    private static bool IsScannerFooter(string text, PixelRect box, GrayImage img) =>
        text.Contains("扫描全能王") || text.Contains("全能王") || text.Contains("CamScanner", StringComparison.OrdinalIgnoreCase) ||
        (box.Y > img.Height * 0.94 && text.Contains("扫描"));

    private static Box ToPoints(PixelRect r, double dpi) => new(r.X * 72.0 / dpi, r.Y * 72.0 / dpi, r.Width * 72.0 / dpi, r.Height * 72.0 / dpi);

    private static void Add(IDictionary<string, double>? stages, string key, Stopwatch sw)
    {
        if (stages is not null) stages[key] = stages.TryGetValue(key, out var s) ? s + sw.Elapsed.TotalSeconds : sw.Elapsed.TotalSeconds;
        sw.Restart();
    }
}
