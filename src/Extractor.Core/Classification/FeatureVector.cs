namespace Extractor.Classification;

/// <summary>
/// A sparse feature vector: strictly increasing indices with their values. Plain data so that the features
/// of a page can be computed once and reused by every training iteration.
/// </summary>
public sealed class FeatureVector
{
    public int[] Indices { get; }
    public double[] Values { get; }
    public int Count => Indices.Length;

    public FeatureVector(int[] indices, double[] values)
    {
        if (indices.Length != values.Length) throw new ArgumentException("indices and values differ in length");
        for (int i = 1; i < indices.Length; i++)
            if (indices[i] <= indices[i - 1]) throw new ArgumentException("indices must be strictly increasing");
        Indices = indices;
        Values = values;
    }

    /// <summary>Builds a vector from (index, value) pairs in any order; duplicate indices are summed.</summary>
    public static FeatureVector FromPairs(IEnumerable<KeyValuePair<int, double>> pairs)
    {
        var sum = new SortedDictionary<int, double>();
        foreach (var (k, v) in pairs) sum[k] = sum.TryGetValue(k, out var old) ? old + v : v;
        var idx = new List<int>(sum.Count);
        var val = new List<double>(sum.Count);
        foreach (var (k, v) in sum)
        {
            if (v == 0) continue;
            idx.Add(k);
            val.Add(v);
        }
        return new FeatureVector([.. idx], [.. val]);
    }

    public double Get(int index)
    {
        int i = Array.BinarySearch(Indices, index);
        return i >= 0 ? Values[i] : 0;
    }
}
