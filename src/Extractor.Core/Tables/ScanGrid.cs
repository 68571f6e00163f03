using Extractor.Imaging;

namespace Extractor.Tables;

/// <summary>
/// Ruled tables of a phone scan: <see cref="LatticeDetector"/>'s segments, cleaned of what scans add (seal rings,
/// which a gray render turns into mid-gray strokes lighter than any printed rule), then assembled into lattices.
/// </summary>
public static class ScanGrid
{
    /// <summary>Median over a segment's length of the darkest gray across it (the rule's ink, 0 = black).</summary>
    public static int Darkness(GrayImage img, RuleSegment s)
    {
        int half = (int)Math.Ceiling(s.Thickness / 2) + 1;
        int centre = (int)Math.Round(s.Pos);
        var mins = new List<int>(Math.Max(1, s.Length));
        for (int a = s.Start; a < s.End; a++)
        {
            int min = 255;
            for (int k = centre - half; k <= centre + half; k++)
            {
                int x = s.Horizontal ? a : k, y = s.Horizontal ? k : a;
                if ((uint)x >= (uint)img.Width || (uint)y >= (uint)img.Height) continue;
                min = Math.Min(min, img.Pixels[y * img.Width + x]);
            }
            mins.Add(min);
        }
        if (mins.Count == 0) return 255;
        mins.Sort();
        return mins[mins.Count / 2];
    }
}
