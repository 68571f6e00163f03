using Extractor.Domain;

namespace Extractor.Validation;

/// <summary>One value taking part in a check: the cell it was read from and its value in 万元 (or points).</summary>
public sealed record CheckTerm(CellRef Cell, decimal Value, string Unit = "万元", string? Raw = null);

/// <summary>
/// An arithmetic identity of a form: Total = Σ Parts (+ constant), within rounding
/// (0.01 of the printed unit per summed term).
/// </summary>
public sealed class Check
{
    public required string Rule { get; init; }
    public required string Message { get; init; }
    /// <summary>The printed total; null when the total is not a cell (then <see cref="TotalConstant"/>).</summary>
    public CheckTerm? Total { get; init; }
    public decimal TotalConstant { get; init; }
    public required IReadOnlyList<CheckTerm> Parts { get; init; }
    public decimal PartsConstant { get; init; }
    public decimal PerTermTolerance { get; init; } = 0.01m;

    public decimal TotalValue => Total?.Value ?? TotalConstant;
    public decimal PartsSum => Parts.Sum(p => p.Value) + PartsConstant;
    public decimal Tolerance => PerTermTolerance * Math.Max(1, Parts.Count) + 0.0000001m;
    public decimal Residual => TotalValue - PartsSum;
    public bool Passes => Math.Abs(Residual) <= Tolerance;

    public IEnumerable<CheckTerm> Terms => Total is null ? Parts : Parts.Prepend(Total);

    /// <summary>Residual if <paramref name="cell"/> held <paramref name="value"/> instead.</summary>
    public decimal ResidualWith(CellRef cell, decimal value)
    {
        decimal t = Total is { } tt && tt.Cell == cell ? value : TotalValue;
        decimal s = PartsConstant + Parts.Sum(p => p.Cell == cell ? value : p.Value);
        return t - s;
    }

    /// <summary>The value <paramref name="cell"/> must hold for this check to hold exactly.</summary>
    public decimal? Solve(CellRef cell)
    {
        if (Total is { } tt && tt.Cell == cell) return PartsSum;
        var p = Parts.FirstOrDefault(x => x.Cell == cell);
        return p is null ? null : p.Value + Residual;
    }
}
