namespace Extractor.Classification;

/// <summary>
/// Limited-memory BFGS for a smooth convex objective: two-loop recursion over the last m steps and a
/// backtracking (Armijo) line search. Deterministic: no randomness anywhere.
/// </summary>
public sealed class Lbfgs
{
    public int Memory { get; init; } = 10;
    public int MaxIterations { get; init; } = 300;
    /// <summary>Stop when the gradient's infinity norm falls below this.</summary>
    public double GradientTolerance { get; init; } = 1e-5;
    /// <summary>Stop when the objective improves by less than this (relative) over an iteration.</summary>
    public double RelativeTolerance { get; init; } = 1e-9;

    public sealed record Result(double[] X, double Value, int Iterations, bool Converged);

    /// <summary>Minimises f; <paramref name="evaluate"/> writes the gradient at x into its second argument and returns f(x).</summary>
    public Result Minimize(Func<double[], double[], double> evaluate, double[] x0)
    {
        int n = x0.Length;
        var x = (double[])x0.Clone();
        var g = new double[n];
        double f = evaluate(x, g);
        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];

        for (int iter = 1; iter <= MaxIterations; iter++)
        {
            if (InfNorm(g) < GradientTolerance) return new Result(x, f, iter - 1, true);

            // Two-loop recursion: d = -H g.
            Array.Copy(g, d, n);
            var alpha = new double[s.Count];
            for (int k = s.Count - 1; k >= 0; k--)
            {
                alpha[k] = rho[k] * Dot(s[k], d);
                Axpy(-alpha[k], y[k], d);
            }
            if (s.Count > 0)
            {
                double gamma = Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]);
                for (int i = 0; i < n; i++) d[i] *= gamma;
            }
            for (int k = 0; k < s.Count; k++)
            {
                double beta = rho[k] * Dot(y[k], d);
                Axpy(alpha[k] - beta, s[k], d);
            }
            for (int i = 0; i < n; i++) d[i] = -d[i];

            double slope = Dot(g, d);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                s.Clear(); y.Clear(); rho.Clear();
                for (int i = 0; i < n; i++) d[i] = -g[i];
                slope = Dot(g, d);
            }

            double step = s.Count == 0 ? Math.Min(1.0, 1.0 / Math.Max(1e-12, Math.Sqrt(-slope))) : 1.0;
            double fNew = 0;
            bool accepted = false;
            for (int tries = 0; tries < 40; tries++)
            {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
                fNew = evaluate(xNew, gNew);
                if (fNew <= f + 1e-4 * step * slope) { accepted = true; break; }
                step *= 0.5;
            }
            if (!accepted) return new Result(x, f, iter, false);

            var sk = new double[n];
            var yk = new double[n];
            for (int i = 0; i < n; i++) { sk[i] = xNew[i] - x[i]; yk[i] = gNew[i] - g[i]; }
            double sy = Dot(sk, yk);
            if (sy > 1e-12)
            {
                if (s.Count == Memory) { s.RemoveAt(0); y.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); y.Add(yk); rho.Add(1.0 / sy);
            }

            double previous = f;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            f = fNew;
            if (Math.Abs(previous - f) <= RelativeTolerance * Math.Max(1.0, Math.Abs(f)))
                return new Result(x, f, iter, true);
        }
        return new Result(x, f, MaxIterations, InfNorm(g) < GradientTolerance);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double InfNorm(double[] a)
    {
        double m = 0;
        foreach (var v in a) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}
