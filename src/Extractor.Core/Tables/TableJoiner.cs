using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Tables;

/// <summary>
/// Joins tables that run over several pages: a page's first table continues the previous page's last table when
/// nothing titled comes between them and its column edges line up with the earlier table's (the same edges, or a
/// subset of them where a continuation page merged columns). Header rows repeated on the continuation are dropped.
/// </summary>
public static class TableJoiner
{
    /// <summary>Column edges must agree within this many points.</summary>
    public const double EdgeTolerancePt = 4;

    public static List<Table> Join(IReadOnlyList<PageContent> pages)
    {
        var result = new List<Table>();
        Chain? chain = null;
        PageContent? prevPage = null;
        foreach (var page in pages.OrderBy(p => p.PageNumber))
        {
            for (int i = 0; i < page.Tables.Count; i++)
            {
                var t = page.Tables[i];
                int[]? map = null;
                bool continues = i == 0 && chain is not null && prevPage is not null
                    && page.PageNumber == prevPage.PageNumber + 1
                    && chain.Last.Page == prevPage.PageNumber && chain.Last.Index == prevPage.Tables.Count - 1
                    && !HasTitleBelow(prevPage, prevPage.Tables[^1]) && !HasTitleAbove(page, t)
                    && (map = MapColumns(chain.Edges, Edges(t))
                            ?? (Scanned(t) && Scanned(chain.Last) ? MapColumnsScaled(chain.Edges, Edges(t)) : null)) is not null;
                if (continues)
                {
                    chain!.Append(t, map!);
                    MarkContinuation(page, i, map!, chain.Edges.Length - 1);
                }
                else
                {
                    if (chain is not null) result.Add(chain.ToTable());
                    chain = new Chain(t);
                }
            }
            prevPage = page;
        }
        if (chain is not null) result.Add(chain.ToTable());
        return result;
    }

    // PageContent.Tables is read-only to consumers; the reader builds it as a List, so flag the continuation in place.
    // A continuation whose rows merge some of the head's columns (a lone 合计 row spanning the code and name
    // columns) takes the head's column grid, its cells spanning what they cover: the columns are the table's.
    private static void MarkContinuation(PageContent page, int index, int[] map, int headCols)
    {
        if (page.Tables is not List<Table> list || list[index].ContinuesPrevious) return;
        var t = list[index];
        bool regrid = headCols != t.ColCount;
        var cells = !regrid ? t.Cells : t.Cells.Select(c => c with { Col = map[c.Col], ColSpan = map[c.Col + c.ColSpan] - map[c.Col] }).ToList();
        list[index] = new Table
        {
            Page = t.Page, Index = t.Index, RowCount = t.RowCount, ColCount = regrid ? headCols : t.ColCount, Cells = cells,
            Box = t.Box, RowPages = t.RowPages, ContinuesPrevious = true, LastRowFullCols = regrid ? null : t.LastRowFullCols,
        };
    }

    /// <summary>A title-like line (several CJK characters) between the top of the page and the table.</summary>
    private static bool HasTitleAbove(PageContent page, Table t) =>
        page.Lines.Any(l => l.Box.Bottom <= t.Box.Y + 1 && IsTitleLike(l.Text));

    /// <summary>Text after the table on its page (a note, the next title) ends it.</summary>
    private static bool HasTitleBelow(PageContent page, Table t) =>
        page.Lines.Any(l => l.Box.Y >= t.Box.Bottom - 1 && IsTitleLike(l.Text));

    // Page numbers ("— 3 —", "第 3 页"), lone units and table numbers ("表一", "续表") are not titles.
    private static bool IsTitleLike(string text)
    {
        var s = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (s.StartsWith("续表") || s.StartsWith("单位")) return false;
        if (s.Length <= 3) return false;
        int cjk = s.Count(c => c >= '\u4E00' && c <= '\u9FFF');
        if (cjk < 4) return false;
        return !System.Text.RegularExpressions.Regex.IsMatch(s, @"^第?\d+页");
    }

    /// <summary>Left edges of each column plus the right edge of the last, from the cells' boxes (points).</summary>
    public static double[] Edges(Table t)
    {
        var edges = new double[t.ColCount + 1];
        var seen = new bool[t.ColCount + 1];
        foreach (var c in t.Cells)
        {
            Set(c.Col, c.Box.X);
            Set(c.Col + c.ColSpan, c.Box.Right);
        }
        for (int i = 0; i <= t.ColCount; i++)
            if (!seen[i]) edges[i] = i > 0 ? edges[i - 1] : 0;
        return edges;

        void Set(int i, double v)
        {
            if (i < 0 || i > t.ColCount || seen[i]) return;
            edges[i] = v; seen[i] = true;
        }
    }

    /// <summary>
    /// For each edge of <paramref name="next"/>, the index of the equal edge of <paramref name="head"/>; null when
    /// the outer edges differ or an inner edge has no counterpart (a different table).
    /// </summary>
    public static int[]? MapColumns(double[] head, double[] next) => MapColumns(head, next, EdgeTolerancePt);

    private static int[]? MapColumns(double[] head, double[] next, double tolerance)
    {
        if (head.Length < 2 || next.Length < 2) return null;
        var map = new int[next.Length];
        int k = 0;
        for (int i = 0; i < next.Length; i++)
        {
            while (k < head.Length && head[k] < next[i] - tolerance) k++;
            if (k >= head.Length || Math.Abs(head[k] - next[i]) > tolerance) return null;
            map[i] = k;
        }
        if (map[0] != 0 || map[^1] != head.Length - 1) return null;
        return map;
    }

    /// <summary>Column edges of two scanned pages agree within this many points once their widths are matched.</summary>
    public const double ScannedEdgeTolerancePt = 6;

    /// <summary>Scanned pages differ in zoom by this much at most (phone held a little nearer or farther).</summary>
    public const double MaxScanZoom = 0.05;

    private static bool Scanned(Table t) => t.Cells.Any(c => c.Source == CellSource.Ocr);

    /// <summary>
    /// <see cref="MapColumns"/> for two scanned pages: each photo has its own zoom and margin, so the continuation's
    /// edges are first scaled and shifted onto the head's outer edges (a zoom within <see cref="MaxScanZoom"/>), then
    /// matched with <see cref="ScannedEdgeTolerancePt"/> for what keystone leaves.
    /// </summary>
    public static int[]? MapColumnsScaled(double[] head, double[] next)
    {
        if (head.Length < 2 || next.Length < 2) return null;
        double hw = head[^1] - head[0], nw = next[^1] - next[0];
        if (hw <= 0 || nw <= 0 || Math.Abs(nw / hw - 1) > MaxScanZoom) return null;
        var scaled = next.Select(x => head[0] + (x - next[0]) * hw / nw).ToArray();
        return MapColumns(head, scaled, ScannedEdgeTolerancePt);
    }

    private sealed class Chain
    {
        private readonly Table _head;
        private readonly List<Cell> _cells;
        private readonly List<int> _rowPages;
        private int _rows;
        public Table Last { get; private set; }
        public double[] Edges { get; }
        public bool Joined { get; private set; }

        public Chain(Table head)
        {
            _head = head; Last = head;
            _cells = [.. head.Cells];
            _rowPages = Enumerable.Range(0, head.RowCount).Select(head.PageOfRow).ToList();
            _rows = head.RowCount;
            Edges = TableJoiner.Edges(head);
            _lastFull = head.LastRowFullCols?.ToHashSet() ?? [];
        }

        // Head columns of the chain's last row whose label filled its last line (see Table.LastRowFullCols).
        private HashSet<int> _lastFull;

        public void Append(Table t, int[] map)
        {
            int skip = RepeatedHeaderRows(t);
            if (skip < t.RowCount && MergeSplitRow(t, skip, map)) skip++;
            foreach (var c in t.Cells)
            {
                if (c.LastRow < skip) continue;
                int row = Math.Max(c.Row, skip);
                int col = map[c.Col], lastCol = map[c.Col + c.ColSpan] - 1;
                _cells.Add(c with { Row = _rows + row - skip, RowSpan = c.LastRow - row + 1, Col = col, ColSpan = lastCol - col + 1 });
            }
            for (int r = skip; r < t.RowCount; r++) _rowPages.Add(t.PageOfRow(r));
            _rows += t.RowCount - skip;
            Last = t; Joined = true;
            if (skip < t.RowCount) _lastFull = t.LastRowFullCols?.Where(c => c < map.Length - 1).Select(c => map[c]).ToHashSet() ?? [];
        }

        /// <summary>
        /// A row that a page break cut (Word lets a row break across pages): the rest of its wrapped labels opens
        /// the continuation as a row with no amount, each piece under a label of the previous page's last row that
        /// filled its line, none starting a new item (一、, (一), 1., a code). The pieces are appended to those labels.
        /// </summary>
        private bool MergeSplitRow(Table t, int row, int[] map)
        {
            if (_lastFull.Count == 0 || _rows == 0) return false;
            var pieces = t.Cells.Where(c => c.Row == row).ToList();
            if (pieces.Any(c => c.RowSpan != 1 || AmountParser.IsNumber(c.Text))) return false;
            var text = pieces.Where(c => !c.IsEmpty).ToList();
            if (text.Count == 0) return false;
            int lastRow = _rows - 1;
            var lastCells = _cells.Where(c => c.LastRow == lastRow).ToList();
            if (!lastCells.Any(c => c.RowSpan == 1 && AmountParser.IsNumber(c.Text))) return false;
            var targets = new List<(int Index, string Piece)>();
            foreach (var p in text)
            {
                int col = map[p.Col];
                int idx = _cells.FindIndex(c => c.LastRow == lastRow && c.Covers(lastRow, col));
                if (idx < 0 || !_lastFull.Contains(_cells[idx].Col) || _cells[idx].IsEmpty || AmountParser.IsNumber(_cells[idx].Text)) return false;
                var piece = p.Text.Trim();
                if (StartsNewItem(piece)) return false;
                targets.Add((idx, piece));
            }
            foreach (var (idx, piece) in targets)
            {
                var c = _cells[idx];
                var joined = c.Text.TrimEnd();
                joined += joined.Length > 0 && !GlyphText.IsCjk(joined[^1]) && !GlyphText.IsCjk(piece[0]) ? " " + piece : piece;
                _cells[idx] = c with { Text = joined };
            }
            return true;
        }

        private static bool StartsNewItem(string s) =>
            System.Text.RegularExpressions.Regex.IsMatch(s, @"^\s*([(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．\s]|\d{3,})");

        // Leading rows of the continuation whose text repeats the head table's first rows (a repeated header).
        private int RepeatedHeaderRows(Table t)
        {
            var hg = _head.ToGrid(); var tg = t.ToGrid();
            int n = 0;
            while (n < tg.Length && n < hg.Length && n < _head.RowCount - 1 && RowText(tg[n]) == RowText(hg[n]) && RowText(tg[n]).Length > 0) n++;
            return n;
        }

        private static string RowText(string[] row) =>
            string.Join("|", row.Select(s => new string(s.Where(c => !char.IsWhiteSpace(c)).ToArray())).Distinct());

        public Table ToTable() => !Joined ? _head : new Table
        {
            Page = _head.Page, Index = _head.Index, RowCount = _rows, ColCount = _head.ColCount,
            Cells = _cells, Box = _head.Box, RowPages = _rowPages, ContinuesPrevious = _head.ContinuesPrevious,
        };
    }
}
