using Extractor.Imaging;

namespace Extractor.Tests.Tables;

public class ImagingPrimitivesTests
{
    private static BinaryImage FromRows(params string[] rows)
    {
        var b = new BinaryImage(rows[0].Length, rows.Length);
        for (int y = 0; y < rows.Length; y++)
            for (int x = 0; x < rows[y].Length; x++) b[x, y] = rows[y][x] == '#';
        return b;
    }

    private static string[] ToRows(BinaryImage b) =>
        Enumerable.Range(0, b.Height).Select(y => new string(Enumerable.Range(0, b.Width).Select(x => b[x, y] ? '#' : '.').ToArray())).ToArray();

    [Fact]
    public void OpenHorizontal_keeps_only_runs_at_least_as_long_as_the_line()
    {
        var b = FromRows("##.####.#####", "#############", "...###.......");
        var r = Morphology.OpenHorizontal(b, 4);
        Assert.Equal(["...####.#####", "#############", "............."], ToRows(r));
    }

    [Fact]
    public void OpenVertical_keeps_only_tall_runs()
    {
        var b = FromRows("#.#", "#.#", "#..", "..#");
        var r = Morphology.OpenVertical(b, 3);
        Assert.Equal(["#..", "#..", "#..", "..."], ToRows(r));
    }

    [Fact]
    public void CloseHorizontal_bridges_short_gaps_between_ink_only()
    {
        var b = FromRows("..##..#...#..");
        var r = Morphology.CloseHorizontal(b, 2);
        Assert.Equal(["..#####...#.."], ToRows(r));
    }

    [Fact]
    public void CloseVertical_bridges_gaps_in_columns()
    {
        var b = FromRows("#", ".", "#", ".", ".", ".", "#");
        Assert.Equal(["#", "#", "#", ".", ".", ".", "#"], ToRows(Morphology.CloseVertical(b, 1)));
    }

    [Fact]
    public void Rect_erode_dilate_open_close_match_their_definitions()
    {
        var b = FromRows(
            ".......",
            ".#####.",
            ".#####.",
            ".#####.",
            ".......",
            "...#...");
        var e = Morphology.Erode(b, 1, 1);
        Assert.Equal([".......", ".......", "..###..", ".......", ".......", "......."], ToRows(e));
        var d = Morphology.Dilate(FromRows(".....", ".....", "..#..", ".....", "....."), 1, 1);
        Assert.Equal([".....", ".###.", ".###.", ".###.", "....."], ToRows(d));
        // opening removes the isolated speck and keeps the block
        var o = Morphology.Open(b, 1, 1);
        Assert.Equal(ToRows(FromRows(".......", ".#####.", ".#####.", ".#####.", ".......", ".......")), ToRows(o));
        // closing fills a one-pixel hole
        var holed = FromRows(".....", ".###.", ".#.#.", ".###.", ".....");
        Assert.True(Morphology.Close(holed, 1, 1)[2, 2]);
    }

    [Fact]
    public void ConnectedComponents_are_eight_connected_with_boxes_and_labels()
    {
        var b = FromRows(
            "##....#",
            "..#...#",
            "...#...",
            ".......",
            "###....");
        var comps = ConnectedComponents.Label(b, out var labels);
        Assert.Equal(3, comps.Count);
        var diag = comps.Single(c => c.Box.X == 0 && c.Box.Y == 0);
        Assert.Equal(new PixelRect(0, 0, 4, 3), diag.Box);
        Assert.Equal(4, diag.Pixels);
        Assert.Equal(diag.Id, labels[0]);          // (0,0)
        Assert.Equal(diag.Id, labels[1 * 7 + 2]);  // (2,1), diagonal neighbour
        Assert.Equal(diag.Id, labels[2 * 7 + 3]);  // (3,2)
        var bar = comps.Single(c => c.Box.Y == 4);
        Assert.Equal(1.0, bar.CenterX, 6);
        Assert.Equal(4.0, bar.CenterY, 6);
        Assert.Equal(0, labels[3 * 7]);
    }

    [Fact]
    public void Otsu_separates_ink_from_paper_and_line_threshold_sits_closer_to_paper()
    {
        var img = new GrayImage(100, 10, 100);
        for (int i = 0; i < img.Pixels.Length; i++) img.Pixels[i] = (byte)(i % 10 == 0 ? 30 : 235);
        var hist = Threshold.Histogram(img);
        int t = Threshold.Otsu(hist);
        Assert.InRange(t, 30, 234);
        Assert.Equal(235, Threshold.Paper(hist));
        Assert.InRange(Threshold.ForLines(hist), t, 234);
        var bin = Threshold.Binarize(img, t);
        Assert.Equal(100, bin.Bits.Count(b => b == 1));
    }

    [Fact]
    public void Gray_at_count_is_the_smallest_gray_with_that_many_pixels_at_or_below_it()
    {
        var hist = new int[256];
        hist[30] = 10; hist[200] = 80; hist[235] = 10;   // 100 pixels
        Assert.Equal(30, Threshold.GrayAtCount(hist, 10));
        Assert.Equal(200, Threshold.GrayAtCount(hist, 11));
        Assert.Equal(200, Threshold.GrayAtCount(hist, 50));   // the median
        Assert.Equal(235, Threshold.GrayAtCount(hist, 100));
        Assert.Equal(255, Threshold.GrayAtCount(hist, 101));   // more than there are
    }

    // The fast paths (row-major column passes, vectorised radius-1 slides, crop to ink) must agree with the
    // definitions pixel for pixel; random images of several densities and odd sizes catch edge cases.
    [Theory]
    [InlineData(1, 0.1)]
    [InlineData(2, 0.5)]
    [InlineData(3, 0.85)]
    public void Fast_morphology_agrees_with_the_definitions_on_random_images(int seed, double density)
    {
        var rng = new Random(seed);
        for (int round = 0; round < 20; round++)
        {
            int w = rng.Next(1, 70), h = rng.Next(1, 50);
            var b = new BinaryImage(w, h);
            for (int i = 0; i < b.Bits.Length; i++) b.Bits[i] = rng.NextDouble() < density ? (byte)1 : (byte)0;
            int n = rng.Next(1, 6);
            Assert.Equal(NaiveRuns(b, n, false, true), Morphology.OpenVertical(b, n).Bits);
            Assert.Equal(NaiveRuns(b, n, true, true), Morphology.OpenHorizontal(b, n).Bits);
            Assert.Equal(NaiveRuns(b, n, false, false), Morphology.CloseVertical(b, n).Bits);
            Assert.Equal(NaiveRuns(b, n, true, false), Morphology.CloseHorizontal(b, n).Bits);
            foreach (int r in new[] { 1, 2 })
            {
                Assert.Equal(NaiveRect(b, r, r, dilate: true), Morphology.Dilate(b, r, r).Bits);
                Assert.Equal(NaiveRect(b, r, r, dilate: false), Morphology.Erode(b, r, r).Bits);
                Assert.Equal(NaiveRect(b, r, 0, dilate: true), Morphology.Dilate(b, r, 0).Bits);
            }
            var other = new BinaryImage(w, h);
            for (int i = 0; i < other.Bits.Length; i++) other.Bits[i] = (byte)rng.Next(2);
            Assert.Equal(b.Bits.Zip(other.Bits, (p, q) => (byte)(p | q)), b.Or(other).Bits);
            Assert.Equal(b.Bits.Zip(other.Bits, (p, q) => (byte)(p & (q ^ 1))), b.Minus(other).Bits);
        }
    }

    private static byte[] NaiveRuns(BinaryImage b, int n, bool horizontal, bool open)
    {
        var d = (byte[])b.Bits.Clone();
        int lines = horizontal ? b.Height : b.Width, len = horizontal ? b.Width : b.Height;
        for (int l = 0; l < lines; l++)
        {
            bool Px(int i) => horizontal ? b[i, l] : b[l, i];
            void Set(int i, byte v) => d[horizontal ? l * b.Width + i : i * b.Width + l] = v;
            for (int i = 0; i < len;)
            {
                int j = i; while (j < len && Px(j) == Px(i)) j++;
                if (open && Px(i) && j - i < n) for (int k = i; k < j; k++) Set(k, 0);
                if (!open && !Px(i) && j - i <= n && i > 0 && j < len) for (int k = i; k < j; k++) Set(k, 1);
                i = j;
            }
        }
        return d;
    }

    private static byte[] NaiveRect(BinaryImage b, int rx, int ry, bool dilate)
    {
        var d = new byte[b.Bits.Length];
        for (int y = 0; y < b.Height; y++)
            for (int x = 0; x < b.Width; x++)
            {
                bool any = false, all = true;
                for (int dy = -ry; dy <= ry; dy++)
                    for (int dx = -rx; dx <= rx; dx++)
                    {
                        int xx = x + dx, yy = y + dy;
                        bool ink = xx >= 0 && yy >= 0 && xx < b.Width && yy < b.Height && b[xx, yy];
                        any |= ink; all &= ink;
                    }
                d[y * b.Width + x] = (byte)((dilate ? any : all) ? 1 : 0);
            }
        return d;
    }
}
