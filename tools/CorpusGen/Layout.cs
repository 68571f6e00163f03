namespace CorpusGen;

/// <summary>
/// Page geometry and conservative height estimates, so the generator decides every page break itself and
/// LibreOffice never overflows a page (the per-page truth depends on it).
/// </summary>
public static class Layout
{
    public const double PortraitW = 595.3, PortraitH = 841.9;
    public const double MarginPortraitTB = 56.7, MarginPortraitLR = 51;    // 2 cm, 1.8 cm
    public const double MarginLandscape = 42.5;                            // 1.5 cm
    public static double UsableW(bool landscape) => landscape ? PortraitH - 2 * MarginLandscape : PortraitW - 2 * MarginPortraitLR;
    public static double UsableH(bool landscape) => landscape ? PortraitW - 2 * MarginLandscape : PortraitH - 2 * MarginPortraitTB;

    public static double StyleFont(string style) => style switch
    {
        "title" => 17, "cover1" => 24, "cover2" => 20, "h1" => 14, "h2" => 12, "sub" => 10, "right" => 10, "small" => 9,
        "toc" => 11, "wm" => 8, _ => 11.5,
    };

    /// <summary>Width of text in points (CJK full width, ASCII about half).</summary>
    public static double TextWidth(string s, double font) => s.Sum(ch => ch < 0x2000 ? 0.56 : 1.0) * font;

    public static int Lines(string text, double font, double widthPt)
    {
        if (string.IsNullOrEmpty(text)) return 1;
        int n = 0;
        foreach (var part in text.Split('\n'))
            n += Math.Max(1, (int)Math.Ceiling(TextWidth(part, font) / Math.Max(8, widthPt - 6) + 0.02));
        return n;
    }

    public static double LineH(double font) => font * 1.5;

    public static double ParaHeight(Para p, bool landscape)
    {
        double f = StyleFont(p.Style);
        double extra = p.Style switch { "title" => 14, "cover1" => 40, "cover2" => 30, "h1" => 10, "h2" => 6, "body" => 4, "toc" => 3, _ => 2 };
        double w = UsableW(landscape) - (p.Style == "body" ? 24 : 0);
        return Lines(p.Text, f, w) * LineH(f) + extra;
    }

    public static double RowHeight(TTable t, int row, double tableW)
    {
        double h = 1;
        foreach (var c in t.Cells)
        {
            if (c.Row != row || c.RowSpan != 1) continue;
            double w = 0;
            for (int k = c.Col; k < c.Col + c.ColSpan; k++) w += t.Widths[k] / t.Widths.Sum() * tableW;
            h = Math.Max(h, Lines(c.Text, t.FontPt, w));
        }
        return h * LineH(t.FontPt) + 3;
    }

    /// <summary>Height of rows [from, to) taking multi-row cells into account (they must fit their rows).</summary>
    public static double RowsHeight(TTable t, int from, int to, double tableW)
    {
        double sum = 0;
        for (int r = from; r < to; r++) sum += RowHeight(t, r, tableW);
        foreach (var c in t.Cells.Where(c => c.RowSpan > 1 && c.Row >= from && c.Row + c.RowSpan <= to))
        {
            double w = 0;
            for (int k = c.Col; k < c.Col + c.ColSpan; k++) w += t.Widths[k] / t.Widths.Sum() * tableW;
            double need = Lines(c.Text, t.FontPt, w) * LineH(t.FontPt) + 4;
            double have = 0;
            for (int r = c.Row; r < c.Row + c.RowSpan; r++) have += RowHeight(t, r, tableW);
            if (need > have) sum += need - have;
        }
        return sum;
    }

    public static double TableHeight(TTable t, double tableW) => RowsHeight(t, 0, t.Rows, tableW);
}

/// <summary>Splits a logical table into per-page parts at rows no merged cell crosses.</summary>
public static class Paginator
{
    public static List<TTable> Split(TTable logical, double firstCap, double nextCap, bool repeatHeader, double tableW)
    {
        var parts = new List<TTable>();
        int h = logical.HeaderRows;
        double headH = Layout.RowsHeight(logical, 0, h, tableW);
        int start = h;
        bool first = true;
        while (start < logical.Rows || first)
        {
            double cap = (first ? firstCap : nextCap) - (first || repeatHeader ? headH : 0);
            int end = start; double used = 0;
            while (end < logical.Rows)
            {
                int next = NextCut(logical, end);
                double add = Layout.RowsHeight(logical, end, next, tableW);
                if (used + add > cap && end > start) break;
                used += add; end = next;
            }
            parts.Add(Part(logical, start, end, first || repeatHeader));
            first = false;
            start = end;
            if (start >= logical.Rows) break;
        }
        return parts;
    }

    /// <summary>The smallest row after <paramref name="row"/> at which no cell spanning rows is cut.</summary>
    static int NextCut(TTable t, int row)
    {
        int end = row + 1;
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var c in t.Cells)
                if (c.Row < end && c.Row + c.RowSpan > end) { end = c.Row + c.RowSpan; changed = true; }
        }
        return end;
    }

    static TTable Part(TTable t, int start, int end, bool withHeader)
    {
        var p = new TTable
        {
            Widths = t.Widths, FontPt = t.FontPt, Unit = t.Unit, ColumnPaths = t.ColumnPaths, AmountCols = t.AmountCols,
            Cols = t.Cols,
        };
        int offset = withHeader ? t.HeaderRows : 0;
        if (withHeader)
        {
            foreach (var c in t.Cells.Where(c => c.Row < t.HeaderRows)) p.Cells.Add(Copy(c, c.Row));
            p.HeaderRows = t.HeaderRows;
        }
        foreach (var c in t.Cells.Where(c => c.Row >= start && c.Row < end)) p.Cells.Add(Copy(c, c.Row - start + offset));
        foreach (var r in t.DataRows.Where(r => r >= start && r < end)) p.DataRows.Add(r - start + offset);
        foreach (var (r, ind) in t.Indicators.Where(x => x.Row >= start && x.Row < end)) p.Indicators.Add((r - start + offset, ind));
        p.Rows = offset + (end - start);
        p.Cols = t.Cols;
        return p;
    }

    static TCell Copy(TCell c, int row) => new() { Row = row, Col = c.Col, RowSpan = c.RowSpan, ColSpan = c.ColSpan, Text = c.Text, Bold = c.Bold, Align = c.Align };
}
