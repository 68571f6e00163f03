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
}
