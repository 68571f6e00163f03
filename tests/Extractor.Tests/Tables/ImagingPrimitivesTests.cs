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
}
