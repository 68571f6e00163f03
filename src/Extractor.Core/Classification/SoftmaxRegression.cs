using System.Text.Json;
using System.Text.Json.Nodes;

namespace Extractor.Classification;

/// <summary>
/// Multinomial logistic regression over sparse vectors: p(k|x) = softmax(W x + b), trained by L-BFGS on the mean
/// (optionally weighted) cross-entropy plus (λ/2)‖W‖². The bias is not penalised. Saved as JSON with int8
/// weights (one scale per class) over the feature columns that carry any weight, so a 2^14-bucket model stays small.
/// </summary>
public sealed class SoftmaxRegression
{
    public int ClassCount { get; }
    public int Dimension { get; }
    /// <summary>Weights, feature-major: w[f * ClassCount + k].</summary>
    private readonly double[] _w;
    private readonly double[] _b;

    public SoftmaxRegression(int classCount, int dimension)
    {
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), "need at least two classes");
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension));
        ClassCount = classCount;
        Dimension = dimension;
        _w = new double[classCount * dimension];
        _b = new double[classCount];
    }

    public double Weight(int feature, int cls) => _w[feature * ClassCount + cls];
    public double Bias(int cls) => _b[cls];

    public sealed record TrainOptions
    {
        public double L2 { get; init; } = 1e-3;
        public int MaxIterations { get; init; } = 300;
        public double GradientTolerance { get; init; } = 1e-5;
    }

    public sealed record TrainResult(double Loss, int Iterations, bool Converged);

    /// <summary>Fits the model in place (starting from zero). Labels are class indices; weights default to 1.</summary>
    public TrainResult Train(IReadOnlyList<FeatureVector> xs, IReadOnlyList<int> labels, TrainOptions? options = null,
        IReadOnlyList<double>? sampleWeights = null)
    {
        options ??= new TrainOptions();
        if (xs.Count != labels.Count) throw new ArgumentException("features and labels differ in count");
        if (xs.Count == 0) throw new ArgumentException("no training examples");
        foreach (var y in labels)
            if (y < 0 || y >= ClassCount) throw new ArgumentOutOfRangeException(nameof(labels), $"label {y} out of range");
        foreach (var x in xs)
            if (x.Count > 0 && (x.Indices[0] < 0 || x.Indices[^1] >= Dimension))
                throw new ArgumentOutOfRangeException(nameof(xs), "feature index out of range");

        int k = ClassCount, wLen = _w.Length;
        double totalWeight = 0;
        for (int i = 0; i < xs.Count; i++) totalWeight += sampleWeights?[i] ?? 1.0;
        var scores = new double[k];
        var residual = new double[k];

        double Evaluate(double[] theta, double[] grad)
        {
            Array.Clear(grad);
            double loss = 0;
            for (int i = 0; i < xs.Count; i++)
            {
                var x = xs[i];
                double sw = (sampleWeights?[i] ?? 1.0) / totalWeight;
                for (int c = 0; c < k; c++) scores[c] = theta[wLen + c];
                for (int j = 0; j < x.Count; j++)
                {
                    int off = x.Indices[j] * k;
                    double v = x.Values[j];
                    for (int c = 0; c < k; c++) scores[c] += theta[off + c] * v;
                }
                double logZ = LogSumExp(scores);
                loss += sw * (logZ - scores[labels[i]]);
                for (int c = 0; c < k; c++)
                {
                    residual[c] = sw * (Math.Exp(scores[c] - logZ) - (c == labels[i] ? 1 : 0));
                    grad[wLen + c] += residual[c];
                }
                // Feature-major: each feature's K weights are contiguous.
                for (int j = 0; j < x.Count; j++)
                {
                    var g = grad.AsSpan(x.Indices[j] * k, k);
                    double v = x.Values[j];
                    for (int c = 0; c < k; c++) g[c] += residual[c] * v;
                }
            }
            double reg = 0;
            for (int p = 0; p < wLen; p++)
            {
                reg += theta[p] * theta[p];
                grad[p] += options.L2 * theta[p];
            }
            return loss + 0.5 * options.L2 * reg;
        }

        var theta0 = new double[wLen + k];
        var result = new Lbfgs { MaxIterations = options.MaxIterations, GradientTolerance = options.GradientTolerance }
            .Minimize(Evaluate, theta0);
        Array.Copy(result.X, 0, _w, 0, wLen);
        Array.Copy(result.X, wLen, _b, 0, k);
        return new TrainResult(result.Value, result.Iterations, result.Converged);
    }

    /// <summary>Class probabilities for one vector (sums to 1).</summary>
    public double[] PredictProbabilities(FeatureVector x)
    {
        var s = (double[])_b.Clone();
        for (int j = 0; j < x.Count; j++)
        {
            int f = x.Indices[j];
            if (f < 0 || f >= Dimension) continue; // features beyond a (smaller) model are unknown to it
            int off = f * ClassCount;
            double v = x.Values[j];
            for (int c = 0; c < ClassCount; c++) s[c] += _w[off + c] * v;
        }
        double logZ = LogSumExp(s);
        for (int c = 0; c < ClassCount; c++) s[c] = Math.Exp(s[c] - logZ);
        return s;
    }

    public int Predict(FeatureVector x)
    {
        var p = PredictProbabilities(x);
        int best = 0;
        for (int c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
        return best;
    }

    private static double LogSumExp(double[] s)
    {
        double m = double.NegativeInfinity;
        foreach (var v in s) m = Math.Max(m, v);
        double sum = 0;
        foreach (var v in s) sum += Math.Exp(v - m);
        return m + Math.Log(sum);
    }

    // ---- Compact JSON form -------------------------------------------------------------------------------

    public const string Format = "softmax-int8-v2";

    /// <summary>Weights within 1.5/127 of a class's largest are dropped when stored: half the entries, no measurable loss.</summary>
    public const int MinStoredMagnitude = 2;

    /// <summary>
    /// The model as JSON: classes, dimension, bias, one scale per class, and base64 of the kept columns. A column
    /// (feature) is kept when any class has a non-zero int8 weight; it is stored as varint(delta of the column index),
    /// a bit mask of the classes with non-zero weights, then those weights. Class scales are at least a tenth of
    /// the largest, so that classes absent from training (all weights ≈ 0) round to zero instead of to noise.
    /// <paramref name="extra"/> is stored as is.
    /// </summary>
    public JsonObject ToJson(IReadOnlyList<string> classNames, JsonObject? extra = null)
    {
        if (classNames.Count != ClassCount) throw new ArgumentException("one name per class expected");
        var scales = new double[ClassCount];
        for (int c = 0; c < ClassCount; c++)
            for (int f = 0; f < Dimension; f++) scales[c] = Math.Max(scales[c], Math.Abs(_w[f * ClassCount + c]));
        double floor = scales.Max() / 10;
        for (int c = 0; c < ClassCount; c++) scales[c] = Math.Max(scales[c], floor) is var m && m > 0 ? m / 127.0 : 1.0;

        int maskBytes = (ClassCount + 7) / 8;
        var data = new MemoryStream();
        int last = -1;
        var q = new sbyte[ClassCount];
        var mask = new byte[maskBytes];
        for (int f = 0; f < Dimension; f++)
        {
            Array.Clear(mask);
            bool any = false;
            for (int c = 0; c < ClassCount; c++)
            {
                q[c] = (sbyte)Math.Clamp(Math.Round(_w[f * ClassCount + c] / scales[c]), -127, 127);
                if (Math.Abs(q[c]) < MinStoredMagnitude) q[c] = 0;
                if (q[c] != 0) { any = true; mask[c / 8] |= (byte)(1 << (c % 8)); }
            }
            if (!any) continue;
            WriteVarint(data, f - last);
            last = f;
            data.Write(mask);
            foreach (var v in q) if (v != 0) data.WriteByte(unchecked((byte)v));
        }
        var o = new JsonObject
        {
            ["format"] = Format,
            ["classes"] = new JsonArray(classNames.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["dimension"] = Dimension,
            ["bias"] = new JsonArray(_b.Select(v => (JsonNode?)JsonValue.Create(Math.Round(v, 6))).ToArray()),
            ["scales"] = new JsonArray(scales.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["weights"] = Convert.ToBase64String(data.ToArray()),
        };
        if (extra is not null) o["training"] = extra;
        return o;
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote; the weights come back as stored (int8 × scale).</summary>
    public static (SoftmaxRegression Model, string[] Classes, JsonObject? Training) FromJson(JsonNode node)
    {
        if (node is not JsonObject o || (string?)o["format"] != Format)
            throw new InvalidDataException($"not a {Format} model");
        try
        {
            var classes = o["classes"]!.AsArray().Select(n => (string)n!).ToArray();
            int dim = (int)o["dimension"]!;
            var model = new SoftmaxRegression(classes.Length, dim);
            var bias = o["bias"]!.AsArray().Select(n => (double)n!).ToArray();
            var scales = o["scales"]!.AsArray().Select(n => (double)n!).ToArray();
            if (bias.Length != classes.Length || scales.Length != classes.Length) throw new InvalidDataException("bias/scales length mismatch");
            Array.Copy(bias, model._b, bias.Length);
            var data = Convert.FromBase64String((string)o["weights"]!);
            int k = classes.Length, maskBytes = (k + 7) / 8, pos = 0, f = -1;
            while (pos < data.Length)
            {
                f += ReadVarint(data, ref pos);
                if (f >= dim || pos + maskBytes > data.Length) throw new InvalidDataException("model weights are truncated or out of range");
                int maskAt = pos;
                pos += maskBytes;
                for (int c = 0; c < k; c++)
                {
                    if ((data[maskAt + c / 8] & (1 << (c % 8))) == 0) continue;
                    if (pos >= data.Length) throw new InvalidDataException("model weights are truncated");
                    model._w[f * k + c] = unchecked((sbyte)data[pos++]) * scales[c];
                }
            }
            return (model, classes, o["training"] as JsonObject);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"malformed {Format} model: {e.Message}", e);
        }
    }

    /// <summary>A copy with the weights rounded exactly as saving would round them.</summary>
    public SoftmaxRegression Quantized() =>
        FromJson(ToJson(Enumerable.Range(0, ClassCount).Select(i => i.ToString()).ToArray())).Model;

    private static void WriteVarint(Stream s, int v)
    {
        uint u = (uint)v;
        while (u >= 0x80) { s.WriteByte((byte)(u | 0x80)); u >>= 7; }
        s.WriteByte((byte)u);
    }

    private static int ReadVarint(byte[] b, ref int pos)
    {
        int shift = 0, v = 0;
        while (true)
        {
            if (pos >= b.Length) throw new InvalidDataException("truncated column index");
            byte x = b[pos++];
            v |= (x & 0x7f) << shift;
            if ((x & 0x80) == 0) return v;
            shift += 7;
            if (shift > 28) throw new InvalidDataException("bad column index");
        }
    }

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
