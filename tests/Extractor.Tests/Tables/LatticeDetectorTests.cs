using Extractor.Imaging;
using Extractor.Tables;

namespace Extractor.Tests.Tables;

public class LatticeDetectorTests
{
    private static readonly int[] Xs = [60, 260, 380, 520, 700];
    private static readonly int[] Ys = [100, 130, 160, 190, 220, 250];

    private static void FillText(Canvas c, int[] xs, int[] ys, int size = 12)
    {
        for (int r = 0; r + 1 < ys.Length; r++)
            for (int k = 0; k + 1 < xs.Length; k++)
            {
                int n = Math.Max(1, (xs[k + 1] - xs[k] - 12) / (size + 2) / 2);
                c.Text(xs[k] + 6, ys[r] + (ys[r + 1] - ys[r] - size) / 2, n, size);
            }
    }

    private static void AssertBoundaries(Lattice lat, int[] xs, int[] ys, double tol = 2.5)
    {
        Assert.Equal(xs.Length, lat.Xs.Length);
        Assert.Equal(ys.Length, lat.Ys.Length);
        for (int i = 0; i < xs.Length; i++) Assert.InRange(lat.Xs[i], xs[i] - tol, xs[i] + tol);
        for (int i = 0; i < ys.Length; i++) Assert.InRange(lat.Ys[i], ys[i] - tol, ys[i] + tol);
    }

    [Fact]
    public void Plain_grid_with_text_gives_one_lattice_of_single_cells()
    {
        var c = new Canvas(850, 1100);
        c.Grid(Xs, Ys);
        FillText(c, Xs, Ys);
        var lats = LatticeDetector.Detect(c.Image);
        var lat = Assert.Single(lats);
        AssertBoundaries(lat, Xs, Ys);
        Assert.Equal(20, lat.Cells.Count);
        Assert.All(lat.Cells, cell => Assert.True(cell.RowSpan == 1 && cell.ColSpan == 1));
    }

    [Fact]
    public void Text_page_keeps_a_one_line_merged_row_of_a_tight_table()
    {
        // Rows 16–17 px high (a tight 12 pt table at 100 dpi); row 6 spans every column, so the inner column rules
        // stop at it and go on below: on a text-layer page (glyph boxes given) that gap is a merged cell.
        int[] xs = [70, 144, 225, 420, 600], ys = [150, 167, 184, 201, 218, 235, 252, 268, 285, 302, 319, 336];
        var c = new Canvas(850, 1100);
        c.Grid(xs, ys, skipV: (i, j) => j == 6 && i > 0 && i < xs.Length - 1);
        var lat = Assert.Single(LatticeDetector.Detect(c.Image, Array.Empty<PixelRect>()));
        Assert.Equal((ys.Length - 1, xs.Length - 1), (lat.Rows, lat.Cols));
        Assert.Contains(lat.Cells, x => x is { Row: 6, Col: 0, ColSpan: 4, RowSpan: 1 });
    }

    [Fact]
    public void Missing_rule_pieces_become_merged_cells()
    {
        var c = new Canvas(850, 1100);
        // header row 0: cols 0-1 merged (no vertical rule 1 in row 0); col 0 rows 1-2 merged (no horizontal rule 2 in col 0)
        c.Grid(Xs, Ys, skipV: (i, j) => i == 1 && j == 0, skipH: (i, j) => i == 2 && j == 0);
        FillText(c, Xs, Ys);
        var lat = Assert.Single(LatticeDetector.Detect(c.Image));
        AssertBoundaries(lat, Xs, Ys);
        var cells = lat.Cells;
        Assert.Contains(cells, x => x is { Row: 0, Col: 0, ColSpan: 2, RowSpan: 1 });
        Assert.Contains(cells, x => x is { Row: 1, Col: 0, RowSpan: 2, ColSpan: 1 });
        Assert.Equal(20 - 1 - 1, cells.Count);
        // every position covered exactly once
        var cover = new int[lat.Rows, lat.Cols];
        foreach (var x in cells) for (int r = x.Row; r < x.Row + x.RowSpan; r++) for (int k = x.Col; k < x.Col + x.ColSpan; k++) cover[r, k]++;
        Assert.All(cover.Cast<int>(), n => Assert.Equal(1, n));
    }

    [Fact]
    public void Broken_faint_bowed_noisy_rules_still_give_the_same_lattice()
    {
        var c = new Canvas(850, 1100, seed: 7);
        for (int i = 0; i < Ys.Length; i++) c.HLine(Xs[0], Xs[^1], Ys[i], thick: 2, v: 170, gapEvery: 45, gapLen: 5, bow: 2.5);
        for (int i = 0; i < Xs.Length; i++) c.VLine(Xs[i], Ys[0], Ys[^1], thick: 2, v: 170, gapEvery: 37, gapLen: 4, bow: 1.5);
        FillText(c, Xs, Ys);
        c.Noise(0.003);
        var lat = Assert.Single(LatticeDetector.Detect(c.Image));
        AssertBoundaries(lat, Xs, Ys, tol: 4);
        Assert.Equal(20, lat.Cells.Count);
    }

    [Fact]
    public void Doubled_border_is_one_boundary()
    {
        var c = new Canvas(850, 1100);
        c.Grid(Xs, Ys);
        // a second outer frame 3 px outside
        c.HLine(Xs[0] - 3, Xs[^1] + 3, Ys[0] - 3); c.HLine(Xs[0] - 3, Xs[^1] + 3, Ys[^1] + 3);
        c.VLine(Xs[0] - 3, Ys[0] - 3, Ys[^1] + 3); c.VLine(Xs[^1] + 3, Ys[0] - 3, Ys[^1] + 3);
        FillText(c, Xs, Ys);
        var lat = Assert.Single(LatticeDetector.Detect(c.Image));
        Assert.Equal(Xs.Length, lat.Xs.Length);
        Assert.Equal(Ys.Length, lat.Ys.Length);
    }

    [Fact]
    public void Two_tables_on_a_page_are_found_apart_in_reading_order()
    {
        var c = new Canvas(850, 1100);
        c.Grid(Xs, Ys);
        int[] ys2 = [500, 540, 580, 620];
        int[] xs2 = [100, 400, 750];
        c.Grid(xs2, ys2);
        FillText(c, Xs, Ys); FillText(c, xs2, ys2);
        var lats = LatticeDetector.Detect(c.Image);
        Assert.Equal(2, lats.Count);
        AssertBoundaries(lats[0], Xs, Ys);
        AssertBoundaries(lats[1], xs2, ys2);
    }

    [Fact]
    public void Seal_ring_over_a_table_adds_no_boundary_and_alone_is_no_table()
    {
        var c = new Canvas(850, 1100);
        c.Grid(Xs, Ys);
        FillText(c, Xs, Ys);
        c.Ring(450, 200, 70, 5);
        c.Ring(600, 800, 75, 6);     // a seal on blank paper
        c.Text(560, 790, 5, 14);
        var lat = Assert.Single(LatticeDetector.Detect(c.Image));
        AssertBoundaries(lat, Xs, Ys);
        Assert.Equal(20, lat.Cells.Count);
    }

    [Fact]
    public void Table_without_left_and_right_border_gets_its_outer_edges_from_the_rules()
    {
        var c = new Canvas(850, 1100);
        c.Grid(Xs, Ys, skipV: (i, _) => i == 0 || i == Xs.Length - 1);
        FillText(c, Xs, Ys);
        var lat = Assert.Single(LatticeDetector.Detect(c.Image));
        AssertBoundaries(lat, Xs, Ys, tol: 3);
        Assert.Equal(20, lat.Cells.Count);
    }

    [Fact]
    public void Text_and_big_title_glyphs_are_not_tables()
    {
        var c = new Canvas(850, 1100, seed: 3);
        c.Text(200, 60, 6, 36, gap: 1);                 // a bold title
        for (int line = 0; line < 30; line++) c.Text(60, 150 + line * 28, 30, 22, gap: 1);
        Assert.Empty(LatticeDetector.Detect(c.Image));
    }

    [Fact]
    public void Works_at_scan_resolution_with_thick_rules()
    {
        var c = new Canvas(1700, 2200, dpi: 200, seed: 5);
        var xs = Xs.Select(x => x * 2).ToArray(); var ys = Ys.Select(y => y * 2).ToArray();
        c.Grid(xs, ys, thick: 3);
        FillText(c, xs, ys, size: 24);
        c.Noise(0.002);
        var lat = Assert.Single(LatticeDetector.Detect(c.Image));
        AssertBoundaries(lat, xs.Select(x => x + 1).ToArray(), ys.Select(y => y + 1).ToArray(), tol: 3);
        Assert.Equal(20, lat.Cells.Count);
        Assert.InRange(lat.RuleThickness, 2, 4);
    }

    [Fact]
    public void Seal_ring_straddling_two_rows_of_a_scan_adds_no_column()
    {
        // A 200 dpi scan with rows a line high and a seal (radius 160 px) over two rows: near its equator the ring
        // runs almost upright for two rows, as the arcs that became column rules on a dev scan did.
        var c = new Canvas(1700, 2300, dpi: 200, seed: 3);
        int[] xs = [140, 580, 935, 1125, 1315, 1505];
        int[] ys = Enumerable.Range(0, 24).Select(k => 460 + 46 * k).ToArray();
        c.Grid(xs, ys, thick: 5);
        FillText(c, xs, ys, size: 24);
        c.Ring(622, 1330, 160, 8, v: 90);
        var lat = Assert.Single(LatticeDetector.Detect(c.Image, new LatticeOptions { SplitJoinedRules = true }));
        AssertBoundaries(lat, xs.Select(x => x + 2).ToArray(), ys.Select(y => y + 2).ToArray(), tol: 3);
    }

    [Fact]
    public void A_wide_seal_ring_running_down_a_few_rows_of_a_tight_table_adds_no_column()
    {
        // As on a generated gray scan: a seal 2.2 in across with a 0.045 in ring, its left edge inside a 科目名称
        // column of rows 0.15 in high. Near the equator the ring's band stays upright over four rows, and the line
        // opening keeps a straight strip of it: a column boundary four times as thick as the table's rules.
        var c = new Canvas(2339, 1654, dpi: 200, seed: 9);
        int[] xs = [104, 215, 572, 696, 805, 1079, 1201, 1310, 1582, 1705, 1813, 2084, 2205];
        int[] ys = Enumerable.Range(0, 28).Select(k => 304 + 31 * k).ToArray();
        c.Grid(xs, ys, thick: 3);
        FillText(c, xs, ys, size: 20);
        c.Ring(1580, 456, 200, 11, v: 90);   // 9 px drawn, blurred to 11
        var lat = Assert.Single(LatticeDetector.Detect(c.Image, new LatticeOptions { SplitJoinedRules = true }));
        AssertBoundaries(lat, xs.Select(x => x + 1).ToArray(), ys.Select(y => y + 1).ToArray(), tol: 3);
    }

    [Fact]
    public void A_boundary_every_row_spans_is_dropped_and_the_cells_keep_their_boxes()
    {
        // Three columns, two rows; boundary 1 carries no rule in any row (a stray piece made it), boundary 2 a rule in both.
        var h = new bool[3, 3];
        for (int j = 0; j < 3; j++) { h[0, j] = true; h[1, j] = true; h[2, j] = true; }
        var v = new bool[4, 2];
        for (int j = 0; j < 2; j++) { v[0, j] = true; v[2, j] = true; v[3, j] = true; }
        var lat = new Lattice { Xs = [0, 20, 100, 200], Ys = [0, 30, 60], HRule = h, VRule = v, Dpi = 100 };
        Assert.All(lat.Cells.Where(c => c.Col == 0), c => Assert.Equal(2, c.ColSpan));
        var compact = lat.WithoutIdleBoundaries();
        Assert.Equal([0.0, 100, 200], compact.Xs);
        Assert.Equal(lat.Ys, compact.Ys);
        Assert.Equal(lat.Cells.Select(c => c.Rect), compact.Cells.Select(c => c.Rect));
        Assert.All(compact.Cells, c => Assert.Equal(1, c.ColSpan));
        Assert.Equal([0, 1, 0, 1], compact.Cells.Select(c => c.Col));
        // A lattice whose every boundary starts a cell comes back as it was.
        Assert.Same(compact, compact.WithoutIdleBoundaries());
    }

    [Fact]
    public void An_arc_is_bowed_a_rule_is_not()
    {
        static (List<double> C, List<int> W) Trace(Func<int, double> centre, int n, int width = 5) =>
            (Enumerable.Range(0, n).Select(centre).ToList(), Enumerable.Repeat(width, n).ToList());
        // Arc of a 160 px ring over 120 px around its equator: bows about 11 px.
        var arc = Trace(i => 160 - Math.Sqrt(160.0 * 160 - (i - 60.0) * (i - 60.0)), 120);
        Assert.True(LatticeDetector.Bowed(arc.C, arc.W));
        // Straight, slanted (residual skew) and gently curled rules, a 1 px step, and a glyph touching the middle.
        var straight = Trace(_ => 100, 400);
        var slanted = Trace(i => 100 + i * 0.03, 1300);
        var curled = Trace(i => 100 + 4 * Math.Sin(Math.PI * i / 1300), 1300);
        var step = Trace(i => i < 200 ? 100 : 101, 400);
        Assert.False(LatticeDetector.Bowed(straight.C, straight.W));
        Assert.False(LatticeDetector.Bowed(slanted.C, slanted.W));
        Assert.False(LatticeDetector.Bowed(curled.C, curled.W));
        Assert.False(LatticeDetector.Bowed(step.C, step.W));
        var touched = Trace(_ => 100, 60);
        for (int i = 24; i < 36; i++) { touched.C[i] = 108; touched.W[i] = 20; }
        Assert.False(LatticeDetector.Bowed(touched.C, touched.W));
    }

    [Fact]
    public void A_column_rule_drawn_a_few_pixels_off_in_the_lower_block_is_one_boundary()
    {
        // A 绩效目标表 scan: the project block above is ruled 9 px left of the indicator block below (200 dpi). Neither
        // rule may be dropped as a sliver column: that merged the upper block's cells on a test scan.
        var c = new Canvas(1700, 2200, dpi: 200, seed: 4);
        int[] ys = [200, 280, 360, 440, 520, 600, 680];
        int[] upper = [120, 400, 800, 1400], lower = [120, 409, 809, 1400];
        foreach (var y in ys) c.HLine(120, 1402, y, thick: 3);
        foreach (var x in new[] { 120, 1400 }) c.VLine(x, 200, 682, thick: 3);
        foreach (var x in upper[1..^1]) c.VLine(x, 200, 442, thick: 3);
        foreach (var x in lower[1..^1]) c.VLine(x, 440, 682, thick: 3);
        FillText(c, upper, ys[..4], size: 24);
        var lat = Assert.Single(LatticeDetector.Detect(c.Image));
        Assert.Equal((6, 3), (lat.Rows, lat.Cols));
        Assert.Equal(18, lat.Cells.Count);
        Assert.InRange(lat.Xs[1], 401, 411);
    }

    [Fact]
    public void Bold_header_text_filling_its_cell_is_no_rule_on_a_text_page()
    {
        // Glyphs of a bold two-line header set edge to edge: their strokes touch into runs across the whole line, as
        // wide as the cell. The text layer's boxes cover them; such a run ends with the line, a rule goes on.
        var c = new Canvas(850, 1100);
        int[] xs = [60, 160, 300], ys = [100, 140, 160, 180];
        c.Grid(xs, ys);
        var boxes = new List<PixelRect>();
        foreach (var (y, n) in new[] { (104, 9), (121, 2) })
        {
            for (int k = 0; k < n; k++) boxes.Add(new PixelRect(62 + 11 * k, y, 10, 13));
            // Strokes of neighbouring glyphs joined: a run along the line, inside its boxes, ending 2 px off the rules.
            c.HLine(62, 62 + 11 * n - 3, y + 12);
            c.HLine(62, 62 + 11 * n - 3, y + 6);
        }
        var lat = Assert.Single(LatticeDetector.Detect(c.Image, boxes));
        AssertBoundaries(lat, xs, ys);
        // A rule a glyph box overlaps is kept.
        var d = new Canvas(850, 1100);
        d.Grid(xs, ys);
        var over = new[] { new PixelRect(70, 134, 12, 12) };
        AssertBoundaries(Assert.Single(LatticeDetector.Detect(d.Image, over)), xs, ys);
    }
}
