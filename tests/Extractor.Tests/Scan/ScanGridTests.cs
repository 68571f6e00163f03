using Extractor.Imaging;
using Extractor.Tables;
using Extractor.Tests.Tables;

namespace Extractor.Tests.Scan;

/// <summary>Grid cleaning of phone scans on synthetic pages (plain images, no engines needed).</summary>
public class ScanGridTests
{
    private static readonly int[] Xs = [60, 260, 380, 520, 700];
    private static readonly int[] Ys = [100, 130, 160, 190, 220, 250];

    [Fact]
    public void A_boundary_drawn_over_two_rows_along_a_found_seals_ring_goes()
    {
        // As measured on a dev scan (200 dpi): a seal of radius 172 px centred at (990, 990), its ring's east side taken
        // for a rule at x = 1157 over two rows of a 25-row 绩效目标表, splitting the 三级指标 column there.
        double[] xs = [135, 917, 1047, 1157, 1334, 1510];
        var ys = Enumerable.Range(0, 26).Select(i => 600 + 40.0 * i).ToArray();
        var v = new bool[xs.Length, ys.Length - 1];
        var h = new bool[ys.Length, xs.Length - 1];
        for (int j = 0; j < ys.Length - 1; j++) { v[0, j] = v[1, j] = v[2, j] = v[4, j] = v[5, j] = true; }
        v[3, 9] = v[3, 10] = true;     // rows 9 and 10: y 960–1040, beside the ring's equator
        for (int i = 0; i < ys.Length; i++) for (int j = 0; j < xs.Length - 1; j++) h[i, j] = true;
        var lattice = new Lattice { Xs = xs, Ys = ys, HRule = h, VRule = v, Dpi = 200 };
        var seal = new Seal(990, 990, 172, 142, 98);

        var cleaned = ScanGrid.WithoutSealRingRules(lattice, [seal]);
        Assert.Equal([135, 917, 1047, 1334, 1510], cleaned.Xs);
        Assert.Equal(25 * 4, cleaned.Cells.Count);

        // The same two pieces away from the ring are a rule of the table, and so is a rule crossing the ring.
        Assert.Same(lattice, ScanGrid.WithoutSealRingRules(lattice, [seal with { CenterX = 700 }]));
        v[3, 9] = v[3, 10] = false;
        for (int j = 0; j < 12; j++) v[3, j] = true;
        Assert.Same(lattice, ScanGrid.WithoutSealRingRules(lattice, [seal]));
    }

    [Fact]
    public void Two_rules_joined_through_a_seal_blot_stay_two_boundaries()
    {
        var c = new Canvas(850, 1100);
        c.Grid(Xs, Ys);
        // A seal's filled centre bridging the rules at y=160 and y=190 in the third column.
        c.Fill(420, 158, 70, 36, 90);
        var joined = Assert.Single(LatticeDetector.Detect(c.Image));
        var split = Assert.Single(LatticeDetector.Detect(c.Image, new LatticeOptions { SplitJoinedRules = true }));

        // Without the split the two rules collapse into one boundary between them.
        Assert.True(joined.Ys.Length < Ys.Length);
        Assert.Equal(Ys.Length, split.Ys.Length);
        for (int i = 0; i < Ys.Length; i++) Assert.InRange(split.Ys[i], Ys[i] - 2.5, Ys[i] + 2.5);
        Assert.Equal(Xs.Length, split.Xs.Length);
    }

    [Fact]
    public void Scan_reader_keeps_the_reading_whose_boundaries_are_drawn()
    {
        var c = new Canvas(850, 1100, seed: 3);
        c.Grid(Xs, Ys);
        for (int r = 0; r + 1 < Ys.Length; r++)
            for (int k = 0; k + 1 < Xs.Length; k++) c.Text(Xs[k] + 8, Ys[r] + 9, 3, 12);
        var lats = ScanPageReader.FindLattices(c.Image);
        var lat = Assert.Single(lats);
        Assert.Equal(Xs.Length - 1, lat.Cols);
        Assert.Equal(Ys.Length - 1, lat.Rows);
        Assert.Equal(1.0, ScanPageReader.RuleDensity(lats), 3);
    }

    [Fact]
    public void Rule_density_counts_inner_boundary_pieces_that_carry_a_rule()
    {
        var c = new Canvas(850, 1100);
        // Column boundary 1 drawn in rows 0-1 only: 3 of its 5 pieces missing (merged cells below).
        c.Grid(Xs, Ys, skipV: (i, j) => i == 1 && j >= 2);
        var lat = Assert.Single(LatticeDetector.Detect(c.Image));
        int inner = (lat.Rows - 1) * lat.Cols + (lat.Cols - 1) * lat.Rows;
        Assert.Equal((inner - 3) / (double)inner, ScanPageReader.RuleDensity([lat]), 6);
    }

    [Fact]
    public void Faint_rules_under_a_shadow_are_found_on_an_evenly_lit_copy_which_the_cells_are_read_from()
    {
        var c = new Canvas(850, 1100, seed: 5);
        // A phone shadow: the paper darkens from 245 on the right to 120 at the left edge; the rules and print are
        // faint (gray 185 on white), so near the shadow they are lighter than the paper's global threshold.
        for (int y = 0; y < 1100; y++)
            for (int x = 0; x < 850; x++) c.Dot(x, y, (byte)(120 + 125 * x / 849));
        for (int y = 0; y < 1100; y++)
            for (int x = 0; x < 850; x++)
            {
                bool rule = Ys.Any(ry => y == ry) && x >= Xs[0] && x <= Xs[^1] || Xs.Any(rx => x == rx) && y >= Ys[0] && y <= Ys[^1];
                if (rule) c.Dot(x, y, (byte)((120 + 125 * x / 849) * 185 / 245));
            }
        var plain = ScanPageReader.FindLattices(c.Image);
        var (lattices, readFrom) = ScanPageReader.GridOf(c.Image);

        var lat = Assert.Single(lattices);
        Assert.Equal((Ys.Length - 1, Xs.Length - 1), (lat.Rows, lat.Cols));
        Assert.True(plain.Sum(l => l.Cells.Count) < lat.Cells.Count, "the page as scanned shows less of the table");
        Assert.NotSame(c.Image, readFrom);

        // A well-lit page is read as scanned.
        var lit = new Canvas(850, 1100, seed: 3);
        lit.Grid(Xs, Ys);
        var (_, same) = ScanPageReader.GridOf(lit.Image);
        Assert.Same(lit.Image, same);
    }

    [Fact]
    public void The_lit_copys_grid_wins_when_it_is_the_scanned_one_without_a_shadows_rules()
    {
        // As measured on a generated phone scan: a shadow's edge in the corner beside the title gave the scanned grid
        // two rows above the table and a column right of it, ruled in those rows only; the lit copy's grid is the table.
        static Lattice Grid(double[] xs, double[] ys, Func<int, int, bool>? hDrawn = null, Func<int, int, bool>? vDrawn = null)
        {
            var h = new bool[ys.Length, xs.Length - 1];
            var v = new bool[xs.Length, ys.Length - 1];
            for (int i = 0; i < ys.Length; i++) for (int j = 0; j + 1 < xs.Length; j++) h[i, j] = hDrawn?.Invoke(i, j) ?? true;
            for (int i = 0; i < xs.Length; i++) for (int j = 0; j + 1 < ys.Length; j++) v[i, j] = vDrawn?.Invoke(i, j) ?? true;
            return new Lattice { Xs = xs, Ys = ys, HRule = h, VRule = v, Dpi = 200 };
        }
        double[] xs = [60, 260, 380, 520, 700], ys = [.. Enumerable.Range(0, 16).Select(k => 100.0 + 30 * k)];
        var table = Grid(xs, ys);
        // Two rows above y=100 and a column right of x=700, ruled only where the shadow's edges run (in those rows).
        var shaded = Grid([.. xs, 820], [40, 70, .. ys],
            hDrawn: (row, col) => row >= 2 && col <= 3 || row <= 2 && col == 4,
            vDrawn: (boundary, row) => row >= 2 && boundary <= 4 || row < 2 && boundary >= 4);
        Assert.True(ScanPageReader.ShadingRulesOnly([shaded], [table], 200));

        // A lit copy that lost an inner boundary of the table, or one not inside the scanned grid, does not win.
        var lostRow = Grid(xs, [100, 130, 190, 220, 250]);
        Assert.False(ScanPageReader.ShadingRulesOnly([table], [lostRow], 200));
        Assert.False(ScanPageReader.ShadingRulesOnly([table], [Grid([60, 260, 380, 520, 760], ys)], 200));
        Assert.False(ScanPageReader.ShadingRulesOnly([table], [table], 200));
    }

    [Fact]
    public void The_lit_copys_grid_wins_over_a_scanned_fragment_of_it_or_a_scanned_grid_leaning_on_the_page_edge()
    {
        static Lattice Grid(double[] xs, double[] ys, Func<int, int, bool>? vDrawn = null)
        {
            var h = new bool[ys.Length, xs.Length - 1];
            var v = new bool[xs.Length, ys.Length - 1];
            for (int i = 0; i < ys.Length; i++) for (int j = 0; j + 1 < xs.Length; j++) h[i, j] = true;
            for (int i = 0; i < xs.Length; i++) for (int j = 0; j + 1 < ys.Length; j++) v[i, j] = vDrawn?.Invoke(i, j) ?? true;
            return new Lattice { Xs = xs, Ys = ys, HRule = h, VRule = v, Dpi = 200 };
        }
        var page = new GrayImage(1654, 2339, 200);
        double[] xs = [143, 370, 632, 1194, 1510], ys = [.. Enumerable.Range(0, 15).Select(k => 331.0 + 36 * k)];
        var table = Grid(xs, ys);
        // A shadow over the top of a 绩效目标表: the scan kept its last three rows, with a right edge of its own.
        var bottom = Grid([143, 370, 632, 1654], [.. ys[^4..]]);
        Assert.True(ScanPageReader.LitGridIsTheTable([bottom], [table], page));
        // The photo's dark left margin taken for the table's left rule, the faint real one lost: as many cells.
        var leaning = Grid([3, 370, 632, 1194, 1510], ys);
        Assert.True(ScanPageReader.LitGridIsTheTable([leaning], [table], page));

        // Not when the scan's grid is the table and the lit one a piece of it, or another grid altogether.
        Assert.False(ScanPageReader.LitGridIsTheTable([table], [bottom], page));
        Assert.False(ScanPageReader.LitGridIsTheTable([table], [Grid([200, 500, 900, 1300], [.. ys.Select(y => y + 400)])], page));
        Assert.False(ScanPageReader.LitGridIsTheTable([table], [table], page));
        // A lit grid leaning on the edge as well says nothing.
        Assert.False(ScanPageReader.LitGridIsTheTable([leaning], [Grid([2, 143, 370, 632, 1194, 1510], ys)], page));
    }

    [Fact]
    public void A_table_found_only_on_the_evenly_lit_copy_is_kept_even_with_merged_cells()
    {
        var c = new Canvas(850, 1100, seed: 7);
        // Paper from 40 at the left edge to 245 at the right: both global thresholds take the dark half for ink and
        // find no table as scanned. Merged cells (column 1 undrawn below row 2) leave inner pieces without a rule, so
        // the lit copy's grid is ruled less densely than "no table" (which counts as fully ruled).
        int Paper(int x) => 40 + 205 * x / 849;
        for (int y = 0; y < 1100; y++)
            for (int x = 0; x < 850; x++) c.Dot(x, y, (byte)Paper(x));
        for (int y = 0; y < 1100; y++)
            for (int x = 0; x < 850; x++)
            {
                bool merged = x == Xs[1] && y > Ys[2];
                bool rule = Ys.Any(ry => y == ry) && x >= Xs[0] && x <= Xs[^1] || Xs.Any(rx => x == rx) && y >= Ys[0] && y <= Ys[^1] && !merged;
                if (rule) c.Dot(x, y, (byte)(Paper(x) * 120 / 245));
            }
        Assert.Empty(ScanPageReader.FindLattices(c.Image));
        var (lattices, readFrom) = ScanPageReader.GridOf(c.Image);

        var lat = Assert.Single(lattices);
        Assert.Equal((Ys.Length - 1, Xs.Length - 1), (lat.Rows, lat.Cols));
        Assert.True(ScanPageReader.RuleDensity([lat]) < 0.95);
        Assert.NotSame(c.Image, readFrom);
    }

    [Fact]
    public void On_a_nearly_empty_shaded_page_the_lit_copys_grid_keeps_the_columns_in_the_shade()
    {
        // A one-row continuation of a 收支总表 on a photo darkening to the right: the page's Otsu cut falls between the
        // paper's grays, so the shaded side's paper is "ink" and its column rules are lost as scanned.
        int w = 1654, h = 700;
        var c = new Canvas(w, h, dpi: 200, seed: 3);
        int Paper(int x) => x < 900 ? 238 : 238 - 34 * (x - 900) / (w - 901);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) c.Dot(x, y, (byte)(Paper(x) + (x * 7919 + y * 104729) % 9 - 4));   // and grain
        int[] xs = [164, 482, 642, 1040, 1204, 1368, 1530];
        int[] ys = [180, 227];
        foreach (int y in ys) c.HLine(xs[0], xs[^1], y, 3, 120);
        foreach (int x in xs) c.VLine(x, ys[0], ys[^1], 3, 120);
        Assert.True(ScanPageReader.CutInsidePaper(c.Image));
        var scanned = ScanPageReader.FindLattices(c.Image).Sum(l => l.Cells.Count);

        var (lattices, readFrom) = ScanPageReader.GridOf(c.Image);

        var lat = Assert.Single(lattices);
        Assert.Equal((1, xs.Length - 1), (lat.Rows, lat.Cols));
        Assert.True(scanned < xs.Length - 1, $"as scanned the grid kept {scanned} cells");   // what the lit copy mends
        Assert.Same(c.Image, readFrom);   // the cells are still read from the scan as it is
    }

    [Fact]
    public void A_page_of_print_on_even_paper_is_not_cut_inside_its_paper()
    {
        var c = new Canvas(800, 600, dpi: 200, seed: 5);
        for (int y = 0; y < 600; y++)
            for (int x = 0; x < 800; x++) c.Dot(x, y, (byte)(228 + (x + y) % 5));
        for (int k = 0; k < 20; k++) c.Fill(100 + 30 * k, 100 + 20 * (k % 5), 14, 16, 60);
        c.HLine(80, 720, 300, 3, 90);
        Assert.False(ScanPageReader.CutInsidePaper(c.Image));
    }

    [Fact]
    public void A_column_rule_drawn_in_a_few_rows_apart_is_a_glyph_stroke_not_a_boundary()
    {
        // Thirty rows; at x=300, inside the second column, short strokes reach from rule to rule in rows 8, 14 and 20
        // only (the same glyph of left-aligned names): no boundary. Drawn in two neighbouring rows it is one.
        int[] xs = [60, 200, 520, 700];
        var ys = Enumerable.Range(0, 31).Select(k => 100 + 30 * k).ToArray();
        Lattice Read(params int[] rows)
        {
            var c = new Canvas(850, 1100);
            c.Grid(xs, ys);
            foreach (var r in rows) c.VLine(300, ys[r], ys[r + 1], 1);
            return Assert.Single(LatticeDetector.Detect(c.Image));
        }
        Assert.Equal(xs.Length - 1, Read(8, 14, 20).Cols);
        Assert.Equal(xs.Length, Read(8, 9).Cols);
        // On a text-layer page (glyphs blanked first) every drawn rule is real.
        var text = new Canvas(850, 1100);
        text.Grid(xs, ys);
        foreach (var r in new[] { 8, 14, 20 }) text.VLine(300, ys[r], ys[r + 1], 1);
        Assert.Equal(xs.Length, Assert.Single(LatticeDetector.Detect(text.Image, new LatticeOptions { SingleSpanRulesAreStrokes = false })).Cols);
    }

    [Fact]
    public void A_header_row_parted_by_a_whole_rule_keeps_its_boundary_while_a_glyph_stroke_does_not()
    {
        // An empty table: 收入科目编码 | 科目名称 parted in the header row only, 合计 merged over both below. A rule over
        // the whole row piece is a boundary; a stroke over two thirds of it (a glyph reaching the rules) is not.
        int[] xs = [60, 200, 380, 700];
        int[] ys = [100, 150, 200, 250];
        Lattice Read(int y0, int y1)
        {
            var c = new Canvas(850, 1100);
            c.Grid(xs, ys, skipV: (i, j) => i == 1);
            c.VLine(200, y0, y1, 1);
            return Assert.Single(LatticeDetector.Detect(c.Image));
        }
        Assert.Equal(3, Read(150, 200).Cols);
        Assert.Equal(2, Read(158, 192).Cols);
    }
}
