using System.Globalization;
using Extractor.Domain;

namespace CorpusGen;

/// <summary>Builds the pages of one document; knobs vary how it is printed.</summary>
public sealed partial class Builder
{
    readonly Random rng;
    public readonly DocSpec Doc;
    public readonly Fin Fin;
    public bool Sep;              // thousands separators
    public bool RepeatHeader;     // continuation pages repeat the header
    public bool YuanTables;       // 项目支出表 / 三公 in 元
    public bool ZeroPrinted;      // 三公 zeros printed as 0.00
    public string Person;

    public Builder(Random rng, DocSpec doc, Fin fin)
    {
        this.rng = rng; Doc = doc; Fin = fin;
        Sep = rng.NextDouble() < 0.5; RepeatHeader = rng.NextDouble() < 0.5; YuanTables = rng.NextDouble() < 0.3;
        ZeroPrinted = rng.NextDouble() < 0.5;
        Person = Catalog.Surnames[rng.Next(Catalog.Surnames.Length)] + Catalog.GivenNames[rng.Next(Catalog.GivenNames.Length)];
    }

    int Y => Doc.Year;
    string U => Doc.UnitName;

    /// <summary>Amount in 0.01 万元 as printed ("" for zero unless asked).</summary>
    public string A(long cents, bool zero = false)
    {
        if (cents == 0 && !zero) return "";
        decimal v = cents / 100m;
        return v.ToString(Sep ? "#,##0.00" : "0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>Amount in 元 (exact: 0.01 万元 = 100 元).</summary>
    public string Yuan(long cents, bool zero = false, bool decimals = true)
    {
        if (cents == 0 && !zero) return "";
        decimal v = cents * 100m;
        return v.ToString(decimals ? "#,##0.00" : "#,##0", CultureInfo.InvariantCulture);
    }

    public static TTable NewTable(double font, params double[] widths) => new() { FontPt = font, Widths = widths, Cols = widths.Length };

    /// <summary>Appends a data row (numbers right, text left) and marks it as carrying budget lines.</summary>
    public static int Row(TTable t, bool data, params string[] cells)
    {
        int r = t.Rows;
        for (int c = 0; c < cells.Length; c++)
        {
            var s = cells[c];
            bool num = s.Length > 0 && (char.IsAsciiDigit(s[0]) || s[0] == '-') && s.Any(ch => ch == '.' || ch == ',') && Norm.Amount(s) is not null;
            t.Add(r, c, s, align: num ? 'r' : (s.Length <= 3 && s.All(char.IsAsciiDigit) ? 'c' : 'l'));
        }
        if (cells.Length == 0) t.Rows++;
        if (data) t.DataRows.Add(r);
        return r;
    }

    public static void Amounts(TTable t, int label, int[] code, params int[] cols)
    {
        foreach (var c in cols) t.AmountCols[c] = (label, code);
    }

    static void Head(TTable t, int r, int c, string text, int rs = 1, int cs = 1) => t.Add(r, c, text, rs, cs, 'c', true);

    /// <summary>Places a logical table on as many pages as it needs, each page exact.</summary>
    public void TablePages(FormType form, bool landscape, List<Para> head, TTable logical, List<Para>? after = null)
    {
        logical.Complete();
        after ??= [];
        double usable = Layout.UsableH(landscape) * 0.94 - 4;
        double headH = head.Sum(p => Layout.ParaHeight(p, landscape));
        double afterH = after.Sum(p => Layout.ParaHeight(p, landscape));
        double tw = Layout.UsableW(landscape);
        var parts = Paginator.Split(logical, usable - headH - afterH, usable - afterH, RepeatHeader, tw);
        for (int k = 0; k < parts.Count; k++)
        {
            var part = parts[k];
            part.Complete();
            double h = Layout.TableHeight(part, tw) + (k == 0 ? headH : 0) + afterH;
            if (h > usable + 1) throw new InvalidOperationException($"{Doc.Name}: a table part of {form} does not fit a page ({h:0} > {usable:0} pt)");
            var page = new PageSpec { Form = form, Landscape = landscape, ContinuesPrevious = k > 0 };
            if (k == 0) page.Blocks.AddRange(head);
            page.Blocks.Add(new TableBlock(part));
            if (k == parts.Count - 1) page.Blocks.AddRange(after);
            Doc.Pages.Add(page);
        }
    }

    /// <summary>Estimated height of a table with its head, to shrink content that would not fit one page.</summary>
    public static bool Fits(TTable t, bool landscape, List<Para> head)
    {
        double usable = Layout.UsableH(landscape) * 0.94 - 4;
        return Layout.TableHeight(t, Layout.UsableW(landscape)) + head.Sum(p => Layout.ParaHeight(p, landscape)) <= usable;
    }

    /// <summary>Narrative text split over pages by estimated height.</summary>
    public void TextPages(FormType form, List<Para> paras)
    {
        double usable = Layout.UsableH(false) * 0.88;
        var page = new PageSpec { Form = form };
        double used = 0;
        foreach (var p in paras)
        {
            double h = Layout.ParaHeight(p, false);
            if (used + h > usable && page.Blocks.Count > 0)
            {
                Doc.Pages.Add(page);
                page = new PageSpec { Form = form };
                used = 0;
            }
            page.Blocks.Add(p); used += h;
        }
        if (page.Blocks.Count > 0) Doc.Pages.Add(page);
    }

    public T Pick<T>(params T[] xs) => xs[rng.Next(xs.Length)];
    public double R => rng.NextDouble();
    public int Next(int a, int b) => rng.Next(a, b);
}
