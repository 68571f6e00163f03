using Extractor.Imaging;
using Extractor.Tables;

namespace Extractor.Tests.Tables;

public class SealFinderTests
{
    // Otsu's threshold of a gray phone scan (print 20–120 with soft edges, paper ~240) sits near 180–200.
    private const int InkThreshold = 200;

    // A 200-dpi page with a black-ruled table of black text-like glyphs.
    private static Canvas TablePage(int seed = 3)
    {
        var c = new Canvas(1600, 2000, dpi: 200, seed: seed);
        var xs = new[] { 150, 500, 900, 1200, 1450 };
        var ys = Enumerable.Range(0, 21).Select(i => 300 + i * 70).ToArray();
        c.Grid(xs, ys, thick: 3);
        for (int i = 0; i + 1 < ys.Length; i++)
            for (int j = 0; j + 1 < xs.Length; j++)
                c.Text(xs[j] + 20, ys[i] + 22, 1 + (i + j) % 6, 28, gap: 6);
        return c;
    }

    private static void Seal(Canvas c, int cx, int cy, int r, byte gray)
    {
        c.Ring(cx, cy, r, 8, gray);
        c.Fill(cx - 30, cy - 30, 60, 60, gray);   // the star
        for (int k = 0; k < 10; k++)               // characters along the inside of the ring
        {
            double a = Math.PI * (0.9 + 1.2 * k / 9);
            c.Fill(cx + (int)((r - 40) * Math.Cos(a)) - 10, cy + (int)((r - 40) * Math.Sin(a)) - 10, 20, 20, gray);
        }
    }

    [Fact]
    public void A_mid_gray_ring_over_a_black_table_is_found_with_its_centre_radius_and_gray()
    {
        var c = TablePage();
        Seal(c, 1000, 1100, 170, 150);
        var seals = SealFinder.Find(c.Image, InkThreshold);
        var s = Assert.Single(seals);
        Assert.InRange(s.CenterX, 988, 1012);
        Assert.InRange(s.CenterY, 1088, 1112);
        Assert.InRange(s.Radius, 160, 186);
        Assert.InRange(s.Gray, 140, 160);
        Assert.True(s.InkCut > s.PrintGray && s.InkCut < s.Gray);
    }

    [Fact]
    public void A_ring_broken_over_two_fifths_of_its_length_is_a_seal_when_paper_surrounds_it()
    {
        // As on two dev scans: the seal's faint arcs fell under the ink threshold and 42–43 of 72 directions met
        // its ring, while nothing was printed just outside it.
        var c = new Canvas(1600, 2000, dpi: 200, seed: 4);
        for (int k = 0; k < 12; k++) c.Text(150, 200 + 60 * k, 20, 28, gap: 6);   // print well away from the seal
        int cx = 800, cy = 1500, r = 170;
        for (int a = 0; a < 203; a++)
            c.Fill(cx + (int)(r * Math.Cos(a * Math.PI / 180)) - 4, cy + (int)(r * Math.Sin(a * Math.PI / 180)) - 4, 8, 8, 150);
        c.Fill(cx - 30, cy - 30, 60, 60, 150);

        var s = Assert.Single(SealFinder.Find(c.Image, InkThreshold));
        Assert.InRange(s.CenterX, 780, 820);
        Assert.InRange(s.CenterY, 1480, 1520);
    }

    // Mid-gray specks over the table, as the soft edges of dense digits are: a circle anywhere meets some.
    private static void GraySpecks(Canvas c)
    {
        var rng = new Random(7);
        for (int k = 0; k < 2500; k++) c.Fill(150 + rng.Next(1300), 300 + rng.Next(1400), 10, 10, 150);
    }

    [Fact]
    public void A_whole_ring_stamped_over_amounts_with_print_all_round_it_is_a_seal()
    {
        // As on a generated 一般公共预算支出表: the seal sat on two columns of amounts, and the soft gray edges of the
        // digits around it met a circle laid just outside the ring in half of its directions.
        var c = TablePage();
        GraySpecks(c);
        Seal(c, 1000, 1100, 170, 150);
        var s = Assert.Single(SealFinder.Find(c.Image, InkThreshold));
        Assert.InRange(s.CenterX, 988, 1012);
        Assert.InRange(s.CenterY, 1088, 1112);
    }

    [Fact]
    public void Gray_specks_over_a_table_without_a_seal_are_none()
    {
        var c = TablePage();
        GraySpecks(c);
        Assert.Empty(SealFinder.Find(c.Image, InkThreshold));
    }

    [Fact]
    public void A_table_without_a_seal_has_none()
    {
        var c = TablePage();
        Assert.Empty(SealFinder.Find(c.Image, InkThreshold));
    }

    [Fact]
    public void Faint_print_everywhere_is_no_seal()
    {
        // Gray glyphs next to black ones: any circle laid through them meets ink inside, on and outside its ring.
        var c = TablePage();
        for (int y = 330; y < 1650; y += 35)
            for (int x = 170; x < 1400; x += 40) c.Glyph(x, y, 16);
        for (int y = 320; y < 1660; y += 35)
            for (int x = 160; x < 1410; x += 48) c.Fill(x, y, 14, 3, 150);
        Assert.Empty(SealFinder.Find(c.Image, InkThreshold));
    }

    [Theory]
    [InlineData(150, 20, 125)]   // a light seal over black print: cut just below the seal's gray
    [InlineData(160, 130, -1)]   // a blurred scan whose print is as light as the seal: no cut
    [InlineData(60, 20, -1)]     // a seal as dark as print
    public void Seal_ink_is_told_from_print_by_gray_only_when_they_differ(int seal, int print, int cut) =>
        Assert.Equal(cut, new Seal(0, 0, 100, seal, print).InkCut);

    [Fact]
    public void The_print_gray_is_measured_on_stroke_cores_away_from_the_seal()
    {
        var c = TablePage();
        var px = c.Image.Pixels;
        for (int i = 0; i < px.Length; i++) if (px[i] < 255) px[i] = 90;
        Seal(c, 1000, 1100, 170, 170);
        var s = Assert.Single(SealFinder.Find(c.Image, InkThreshold));
        Assert.Equal(90, s.PrintGray);
        Assert.Equal(145, s.InkCut);
    }

    [Fact]
    public void Cell_reading_leaves_out_seal_ink_but_keeps_the_print_it_crosses()
    {
        var c = new Canvas(600, 300, dpi: 200, seed: 5);
        c.Grid([50, 550], [100, 170], thick: 3);
        c.Text(80, 120, 6, 28, gap: 8);                   // black print, x 80..296
        c.Ring(300, 330, 220, 8, 150);                    // the seal's ring arcs through the cell
        var seal = new Seal(300, 330, 224, 150, 0);
        var rect = new PixelRect(50, 100, 500, 70);

        var plain = new CellOcr().FindInk(c.Image, rect, 3, 200);
        var masked = new CellOcr().FindInk(c.Image, rect, 3, 200, [seal]);

        Assert.True(masked.InkPixels < plain.InkPixels);
        var strays = masked.Strays!;
        int printKept = 0, printTotal = 0, sealLeft = 0;
        for (int y = 105; y < 166; y++)
            for (int x = 55; x < 545; x++)
            {
                byte v = c.Image[x, y];
                if (v == 0) { printTotal++; if (!strays.Covers(x, y)) printKept++; }
                else if (v == 150 && !strays.Covers(x, y)) sealLeft++;
            }
        Assert.Equal(printTotal, printKept);              // no pixel of print is taken
        Assert.True(sealLeft < 0.1 * (plain.InkPixels - printTotal), $"seal pixels left: {sealLeft}");
        // The ink box now ends at the print: the arc right of it no longer widens the region read.
        Assert.True(masked.Region!.Value.Right < plain.Region!.Value.Right);
    }

    [Fact]
    public void Cell_reading_keeps_the_soft_edges_of_light_print_under_a_seal()
    {
        // As on a soft generated scan: print cores at 96, their edges as light as the seal (150) two pixels deep.
        var c = new Canvas(600, 300, dpi: 200, seed: 5);
        c.Grid([50, 550], [100, 170], thick: 3);
        for (int k = 0; k < 6; k++)
        {
            int x = 90 + 40 * k;
            c.Fill(x - 2, 118, 10, 36, 150);              // the stroke's soft edge
            c.Fill(x, 120, 6, 32, 96);                    // its core
        }
        c.Ring(300, 330, 220, 8, 150);                    // the seal's ring arcs through the cell
        var seal = new Seal(300, 330, 224, 161, 96);
        Assert.Equal(136, seal.InkCut);
        var masked = new CellOcr().FindInk(c.Image, new PixelRect(50, 100, 500, 70), 3, 200, [seal]);
        int edgeKept = 0, edges = 0, ringLeft = 0;
        for (int y = 105; y < 166; y++)
            for (int x = 55; x < 545; x++)
            {
                byte v = c.Image[x, y];
                bool taken = masked.Strays!.Covers(x, y);
                bool nearStroke = y >= 118 && y < 154 && x >= 88 && x < 298 && (x - 88) % 40 < 10;
                if (v == 150 && nearStroke) { edges++; if (!taken) edgeKept++; }
                else if (v == 150 && !taken) ringLeft++;
            }
        Assert.Equal(edges, edgeKept);                    // every edge pixel of the print stays
        Assert.True(ringLeft < 200, $"ring pixels left: {ringLeft}");
    }

    [Fact]
    public void A_cell_holding_only_seal_ink_is_not_read()
    {
        var c = new Canvas(600, 300, dpi: 200, seed: 5);
        c.Grid([50, 550], [100, 170], thick: 3);
        c.Fill(250, 115, 60, 40, 150);                    // the seal's star fills part of an empty cell
        var seal = new Seal(280, 135, 200, 150, 0);
        var rect = new PixelRect(50, 100, 500, 70);
        Assert.NotNull(new CellOcr().FindInk(c.Image, rect, 3, 200).Region);
        Assert.Null(new CellOcr().FindInk(c.Image, rect, 3, 200, [seal]).Region);
    }
}
