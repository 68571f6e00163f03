namespace Extractor.Forms;

/// <summary>The vote the document-level consensus passes share: which of the texts a document gives a reading stands for.</summary>
internal static class SupportVote
{
    /// <summary>
    /// Among the texts with their support that <paramref name="admits"/> (and other than the reading), the one the
    /// fewest edits away, within <paramref name="allow"/>, and the best supported of those; null when two are equally
    /// close and equally supported, or none is close enough.
    /// </summary>
    public static (string Text, int Distance)? Closest(string reading, IEnumerable<KeyValuePair<string, int>> texts,
        Func<string, int, bool> admits, Func<string, int> distance, int allow)
    {
        string? best = null; int bestD = int.MaxValue, bestS = 0; bool tie = false;
        foreach (var (other, s) in texts)
        {
            if (other == reading || !admits(other, s)) continue;
            int d = distance(other);
            if (d > allow) continue;
            if (d < bestD || d == bestD && s > bestS) { best = other; bestD = d; bestS = s; tie = false; }
            else if (d == bestD && s == bestS) tie = true;
        }
        return tie || best is null ? null : (best, bestD);
    }
}
