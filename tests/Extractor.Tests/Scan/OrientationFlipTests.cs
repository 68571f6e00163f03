using Extractor.Imaging;
using Extractor.Ocr;

namespace Extractor.Tests.Scan;

/// <summary>The upright / upside-down decision from strip readings (the readings themselves are the engine's).</summary>
public class OrientationFlipTests
{
    private static OcrResult R(string text, double conf) => new(text, conf, []);

    [Fact]
    public void A_strip_read_as_nothing_one_way_does_not_turn_the_page()
    {
        // As measured on an upright generated scan: the inkiest strip read "" upright and junk at 0.33 upside down,
        // which alone turned the page over; the next strip reads clearly upright.
        var (flip, _, _, _) = Orientation.FlipByReadings([(R("", 0), R("4凡 3-4-", 0.33)), (R("项目名称 传染病监测项目", 0.86), R("目远 丰此", 0.31))]);
        Assert.False(flip);
        // No strip read both ways: the page stays as it is.
        Assert.False(Orientation.FlipByReadings([(R("", 0), R("4凡", 0.33))]).Flip);
    }

    [Fact]
    public void Latin_junk_read_more_surely_one_way_leaves_the_decision_to_the_points()
    {
        // As on an upright generated page holding one table row: its strip read junk at 0.39 upright and 0.61 upside down.
        var (flip, _, margin, _) = Orientation.FlipByReadings([(R("Bix ees 5.979.65", 0.39), R("SOM cy ee", 0.61)), (R("ee Ae", 0.07), R("gs 6", 0.65))]);
        Assert.False(flip);
        Assert.Equal(0, margin);
        Assert.True(margin < Orientation.CloseOcrMargin);
        // One Chinese character read surely upside down is still no Chinese text.
        Assert.False(Orientation.FlipByReadings([(R("Bix", 0.2), R("收 5,979", 0.9))]).Flip);
    }

    [Fact]
    public void Strips_read_clearly_better_upside_down_turn_the_page_and_a_wide_margin_stops_reading()
    {
        int pulled = 0;
        IEnumerable<(OcrResult, OcrResult)> Strips()
        {
            pulled++; yield return (R("ddv群", 0.30), R("单位：万元", 0.88));
            pulled++; yield return (R("x", 0.1), R("y", 0.1));
        }
        var (flip, conf, margin, _) = Orientation.FlipByReadings(Strips());
        Assert.True(flip);
        Assert.Equal(0.88, conf, 3);
        Assert.Equal(0.58, margin, 3);
        Assert.Equal(1, pulled);
    }

    [Fact]
    public void Readings_as_unsure_both_ways_turn_the_page_to_the_way_that_reads_as_chinese()
    {
        // As measured on an upside-down scan of a small table crossed by rules: 0.31 upright against 0.33 upside down,
        // but only the upside-down readings hold Chinese.
        var (flip, _, _, han) = Orientation.FlipByReadings([(R("Veh SK A by ee EPO ort", 0.30), R("单位名称，阳泉市紧急医疗救援中心 a", 0.34)),
            (R("9981 AR wand Wat", 0.33), R("房层建筑面积 一", 0.32))]);
        Assert.True(flip);
        // The Chinese of the way taken, which a turn to the other axis must match (junk read surely is no better).
        Assert.Equal(22, han);
        // Few characters either way say nothing.
        Assert.False(Orientation.FlipByReadings([(R("Veh SK", 0.30), R("单位 a", 0.34))]).Flip);
        // Chinese both ways: confidence alone, undecided, keeps the page.
        Assert.False(Orientation.FlipByReadings([(R("项目名称 传染病", 0.30), R("单位名称，阳泉市紧急医疗", 0.34))]).Flip);
    }

    [Fact]
    public void Chinese_read_one_way_only_settles_the_way_up_against_the_dots()
    {
        // As measured on an upright 绩效 page: 0.53 against 0.26, a margin the punctuation vote may overturn, but only
        // the upright readings hold Chinese.
        var (flip, _, margin, _) = Orientation.FlipByReadings([(R("目标 作正种运转。 二鹏指标 三级指标 设备购置数量", 0.53), R("上 @& se BREOIe", 0.26))]);
        Assert.False(flip);
        Assert.True(margin >= Orientation.CloseOcrMargin);
        // Without that much Chinese the margin is the confidences'.
        var (_, _, plain, _) = Orientation.FlipByReadings([(R("ddv 设备", 0.53), R("上 @& se", 0.26))]);
        Assert.Equal(0.27, plain, 3);
    }
}
