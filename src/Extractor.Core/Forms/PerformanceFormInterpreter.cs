using System.Text.RegularExpressions;
using Extractor.Domain;
using Extractor.Facts;

namespace Extractor.Forms;

/// <summary>
/// Reads 绩效目标表 / 绩效自评表 / 整体绩效自评表: the project's key-value cells (项目名称, 实施单位, 资金 …)
/// and the indicator rows under the 一级/二级/三级指标 header, block by block (实施期 | 年度 side by side).
/// </summary>
public static partial class PerformanceFormInterpreter
{
    public sealed record Result(List<Project> Projects, List<Indicator> Indicators);

    private enum ValueKind { Target, Actual, Weight, Score, Reason }

    private sealed record Block(int Level1Col, int Level2Col, int NameFirst, int NameLast, List<(int Col, ValueKind Kind)> Values, string? Period);

    public static Result Read(Table table, int tableIndex, FormType form, DocumentInfo info)
    {
        var projects = new List<Project>();
        var indicators = new List<Indicator>();
        var index = new CellIndex(table);
        Project? current = null;
        List<Block>? blocks = null;
        var fill = new Dictionary<int, string>();   // last level text per column, for rows left blank under a merge
        var taken = new HashSet<Cell>(ReferenceEqualityComparer.Instance);   // merged score/weight cells already given out
        var pending = new Dictionary<Block, (string Level1, decimal? Weight, decimal? Score)>();   // group score on a row with no indicator
        bool inIndicators = false;
        string? fundsUnit = null;
        int fundsScoreCol = -1;

        void Flush() { if (current is not null) projects.Add(current); }
        Project Cur() => current ??= new Project
        {
            Name = form == FormType.OverallPerformanceSelfEvaluation ? info.UnitName ?? "" : "",
            Form = form, FirstPage = table.Page,
        };

        for (int r = 0; r < table.RowCount; r++)
        {
            var cells = RowCells(index, r);
            var texts = cells.Select(c => TextNorm.Normalize(c.Text)).ToList();
            if (texts.All(t => t.Length == 0)) continue;
            var firstText = texts.First(t => t.Length > 0);

            if (texts.Any(t => t.Contains("三级指标") || t == "指标名称") || texts.Count(t => t is "一级指标" or "二级指标") >= 2 ||
                texts.Count(LevelLike) >= 2 && texts.Any(t => ValueKindOf(t) is not null) ||
                texts.Any(LevelLike) && texts.Any(t => ValueKindOf(t) == ValueKind.Target) &&
                texts.Select(ValueKindOf).OfType<ValueKind>().Distinct().Count() >= 2)
            {
                blocks = HeaderBlocks(cells, texts, form, index, r);
                inIndicators = blocks.Count > 0;
                fill.Clear();
                pending.Clear();
                continue;
            }
            // The sign-off row ends the indicators even when its first label is misread (只页人 for 负责人).
            if (IsStopRow(firstText) || texts.Any(IsSignOff)) inIndicators = false;

            // A funds block headed 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分: its 得分 is the execution score.
            if (!inIndicators && texts.Contains("得分") && texts.Any(t => t.Contains("预算数") || t.Contains("执行数")))
                fundsScoreCol = cells[texts.IndexOf("得分")].Col;
            // Key-value cells (not inside the indicator rows, whose names may read like keys).
            for (int i = 0; i < cells.Count && !inIndicators; i++)
            {
                var key = KeyOf(texts[i]);
                if (key.Contains("(元)")) fundsUnit = "元";
                else if (key.Contains("(万元)")) fundsUnit = "万元";
                var value = NextValue(cells, texts, i);
                var bare = TextNorm.StripPointsNote(Regex.Replace(key, @"\((万元|元)\)$", ""));
                if (bare == "年度资金总额" && fundsScoreCol >= 0 && Cur().ExecutionScore is null
                    && AmountParser.Parse(index.Text(r, fundsScoreCol)) is { Kind: AmountKind.Number } fs)
                    current = Cur() with { ExecutionScore = fs.Value };
                switch (bare)
                {
                    case "项目名称" when value is not null && !inIndicators:
                        Flush();
                        current = new Project { Name = value, Form = form, FirstPage = table.PageOfRow(r) };
                        break;
                    case "主管部门" or "主管部门及代码" or "预算部门" when value is not null:
                        current = Cur() with { Department = value }; break;
                    case "实施单位" or "项目单位" when value is not null:
                        current = Cur() with { ImplementingUnit = value }; break;
                    case "项目属性" when value is not null:
                        current = Cur() with { Attribute = value }; break;
                    case "项目期" or "项目起止时间" or "实施期" or "项目实施期" when value is not null:
                        current = Cur() with { Period = value }; break;
                    case "项目负责人" or "负责人" when value is not null:
                        current = Cur() with { Manager = value }; break;
                    case "部门名称" or "单位名称" or "部门(单位)名称" when value is not null && form == FormType.OverallPerformanceSelfEvaluation:
                        current = Cur() with { Name = value }; break;
                    case "年度资金总额" or "项目预算金额" or "预算金额" or "年度预算数" or "预算数" or "全年预算数":
                        if (value is null) break;
                        if (AmountParser.Value(value) is { } f && Cur().TotalFundsWan is null)
                            current = Cur() with { TotalFundsWan = AmountParser.ToWan(f, key.Contains("(元)") ? "元" : key.Contains("(万元)") ? "万元" : fundsUnit ?? "万元") };
                        break;
                    case "项目执行情况" or "预算执行率" or "预算执行情况" when value is not null:
                        // The score is the row's last plain number (预算执行率98% may sit between).
                        if (LastNumber(texts, i + 1) is { } es) current = Cur() with { ExecutionScore = es };
                        break;
                    case "评价等级" or "自评等级" when value is not null:
                        current = Cur() with { Grade = value }; break;
                }
            }
            if (firstText.StartsWith("总分") || firstText == "合计" && texts.Count(t => t.Length > 0) <= 3 && form != FormType.PerformanceTarget)
            {
                var score = texts.Skip(1).Reverse().Select(AmountParser.Value).FirstOrDefault(v => v is not null);
                if (score is not null) current = Cur() with { TotalScore = score };
                inIndicators = false;
                continue;
            }
            if (firstText.StartsWith("自评结论") && GradeRegex().Match(string.Concat(texts)) is { Success: true } gm && Cur().Grade is null)
                current = Cur() with { Grade = gm.Groups[1].Value };

            if (!inIndicators || blocks is null) continue;
            var row = new List<Indicator>();
            foreach (var b in blocks)
            {
                var ind = ReadIndicator(index, tableIndex, form, r, b, fill, taken, pending, Cur().Name);
                if (ind is not null) row.Add(ind);
            }
            if (row.Count == 2 && cells.Any(c => c.Source == CellSource.Ocr)) ShareComparator(row);
            indicators.AddRange(row);
        }
        Flush();
        // Indicators were read before the project name may have been known (整体绩效自评表 headers).
        return new Result(projects.Where(p => p.Name.Length > 0).ToList(), indicators);
    }

    private static Indicator? ReadIndicator(CellIndex table, int tableIndex, FormType form, int r, Block b, Dictionary<int, string> fill,
        HashSet<Cell> taken, Dictionary<Block, (string Level1, decimal? Weight, decimal? Score)> pending, string project)
    {
        // A level cell's text, or when it reads empty the level above it in the column (Filled).
        (string Text, bool Filled) Level(int col)
        {
            if (col < 0) return ("", false);
            var t = TextNorm.StripPointsNote(TextNorm.Normalize(table.Text(r, col)));
            if (table.At(r, col) is { Source: CellSource.Ocr }) t = OcrLexicon.SnapIndicatorLevel(t);
            if (t.Length > 0) { fill[col] = t; return (t, false); }
            return (fill.GetValueOrDefault(col, ""), true);
        }
        var (l1, l1Filled) = Level(b.Level1Col);
        var l2 = Level(b.Level2Col).Text;
        // A scan that lost the 一级指标 cell (merged over the group, read empty or as debris) still says it through
        // the 二级指标: the framework puts 数量/质量/时效 under 产出指标, 经济/社会效益 under 效益指标 …. (An empty
        // reading otherwise takes the level above, which is the previous group's.)
        if (table.At(r, Math.Max(0, b.Level2Col)) is { Source: CellSource.Ocr } && FormVocabulary.ParentLevel(l2) is { } parent &&
            (!FormVocabulary.IndicatorLevels.Contains(l1) || l1Filled && l1 != parent))
            l1 = parent;
        string name = "";
        int nameCol = b.NameLast;
        for (int c = b.NameLast; c >= b.NameFirst; c--)
        {
            var t = TextNorm.Normalize(table.Text(r, c));
            if (t.Length == 0 || IndexLabel().IsMatch(t)) continue;
            name = t; nameCol = table.At(r, c)?.Col ?? c; break;
        }
        string? target = null, actual = null, reason = null;
        decimal? weight = null, score = null;
        Cell? weightCell = null, scoreCell = null;
        bool targetScanned = false;
        // The fact is as sure as the least sure cell it is read from (a value misread under a clear name is as wrong).
        double valueConfidence = 1.0;
        foreach (var (col, kind) in b.Values)
        {
            var cell = table.At(r, col);
            if (cell is null || cell.IsEmpty) continue;
            if (kind != ValueKind.Reason && !(kind is ValueKind.Weight or ValueKind.Score && taken.Contains(cell)))
                valueConfidence = Math.Min(valueConfidence, cell.Confidence);
            var text = TextNorm.Normalize(cell.Text);
            switch (kind)
            {
                // A scanned target whose column header was not read missed the lexicon's ≥/≤ repair ("295%", ">100%").
                case ValueKind.Target when target is null:
                    targetScanned = cell.Source == CellSource.Ocr;
                    target = targetScanned ? OcrLexicon.RestoreComparator(text) ?? text : text;
                    break;
                case ValueKind.Actual: actual ??= text; break;
                case ValueKind.Reason: reason ??= text; break;
                // A score merged over a whole 一级指标 group belongs to the group's first indicator only.
                case ValueKind.Weight when !taken.Contains(cell): weight ??= ScoreValue(cell, text); weightCell ??= cell; break;
                case ValueKind.Score when !taken.Contains(cell): score ??= ScoreValue(cell, text); scoreCell ??= cell; break;
            }
        }
        if (targetScanned && target is not null && actual is not null)
            target = OcrLexicon.ComparatorFromActual(target, actual) ?? target;
        if (weightCell is not null) taken.Add(weightCell);
        if (scoreCell is not null) taken.Add(scoreCell);
        // Specks and rule ends in a scanned row the form leaves blank (成本指标 | | ) read as a character or a mark or two
        // ("人", "Se" | "~X"): no indicator has a name of less than two Chinese characters and no value with a digit or
        // a Chinese character in it.
        if (table.At(r, nameCol) is { Source: CellSource.Ocr } || targetScanned)
        {
            bool junkTarget = target is null || !target.Any(c => TextNorm.IsCjk(c) || char.IsAsciiDigit(c));
            if (name.Count(TextNorm.IsCjk) < 2 && junkTarget && actual is null && weight is null && score is null) (name, target) = ("", null);
        }
        if (name.Length == 0 && target is null)
        {
            // An empty first row of a group can still carry the group's score (unmerged dumps): keep it for the next row.
            if (score is not null || weight is not null) pending[b] = (l1, weight, score);
            return null;
        }
        if (pending.TryGetValue(b, out var pend))
        {
            pending.Remove(b);
            if (pend.Level1 == l1) { score ??= pend.Score; weight ??= pend.Weight; }
        }
        var nameCell = table.At(r, nameCol);
        return new Indicator
        {
            Form = form, Project = project, Period = b.Period, Level1 = l1, Level2 = l2, Name = name,
            Target = target, TargetParsed = target is null ? null : TargetParser.Parse(target),
            Actual = actual, Weight = weight, Score = score, DeviationReason = reason,
            Cell = new CellRef(table.Table.PageOfRow(r), tableIndex, r, nameCol),
            RawText = nameCell?.Text ?? "", Confidence = Math.Min(nameCell?.Confidence ?? 1.0, valueConfidence),
        };
    }

    /// <summary>
    /// A 分值 or 得分 as printed. In a scanned cell that reads as no number, letters the engines take for digits in a
    /// short cell ("ll" for 11, "O" for 0, "S" for 5) are those digits: the column holds nothing else.
    /// </summary>
    private static decimal? ScoreValue(Cell cell, string text)
    {
        var value = AmountParser.Value(text);
        if (value is not null || cell.Source != CellSource.Ocr || text.Length is 0 or > 4) return value;
        var digits = new string(text.Select(c => c switch { 'l' or 'I' or '|' or 'i' => '1', 'O' or 'o' => '0', 'S' or 's' => '5', 'Z' => '2', 'B' => '8', _ => c }).ToArray());
        return digits.All(c => char.IsAsciiDigit(c) || c == '.') ? AmountParser.Value(digits) : null;
    }

    /// <summary>
    /// The 实施期 and 年度 blocks of a scanned 绩效目标表 row: when one target reads "≥5年" and the other the same value
    /// without its sign ("5年") or with the sign read as a "2" ("25年"), both are "≥5年": the engines have no ≥ and
    /// the shape test missed it in one block. Other differences are left as read.
    /// </summary>
    private static void ShareComparator(List<Indicator> row)
    {
        for (int k = 0; k < 2; k++)
        {
            var (signed, other) = (row[k].Target, row[1 - k].Target);
            if (signed is not { Length: > 1 } || other is null || signed[0] is not ('≥' or '≤')) continue;
            var rest = signed[1..];
            if (other == rest || other == "2" + rest && signed[0] == '≥')
                row[1 - k] = row[1 - k] with { Target = signed, TargetParsed = TargetParser.Parse(signed) };
        }
    }

    // A level header read with its numeral or a stroke wrong ("-级指怀", ":级指标", "-级昔标").
    private static bool LevelLike(string t) => t.Length is >= 3 and <= 5 && (t.Contains("级指") || LevelShape().IsMatch(t));

    [GeneratedRegex("^.?.级.标$")]
    private static partial Regex LevelShape();

    private static List<Block> HeaderBlocks(List<Cell> cells, List<string> texts, FormType form, CellIndex table, int headerRow)
    {
        var level1 = new List<int>(); var level2 = new List<int>(); var level3 = new List<(int First, int Last)>();
        var values = new List<(int Col, ValueKind Kind)>();
        for (int i = 0; i < cells.Count; i++)
        {
            var t = texts[i];
            if (t.Contains("一级指标")) level1.Add(cells[i].Col);
            else if (t.Contains("二级指标")) level2.Add(cells[i].Col);
            else if (t.Contains("三级指标") || t == "指标名称") level3.Add((cells[i].Col, cells[i].LastCol));
            else if (ValueKindOf(t) is { } k) values.Add((cells[i].Col, k));
        }
        // A level header with its numeral and last character misread ("-级指怀", ":级指标"): the first such cell right
        // of the 一级指标 header, or right before a 三级指标 header, is the 二级指标 (levels stand in order).
        for (int i = 0; i < cells.Count; i++)
        {
            var t = texts[i];
            if (!LevelLike(t) || t.Contains("一级指标") || t.Contains("二级指标") || t.Contains("三级指标")) continue;
            int col = cells[i].Col, after = cells[i].LastCol + 1;
            if (level2.Contains(col) || level3.Any(l => l.First == col)) continue;
            bool afterLevel1 = level1.Contains(col - 1) || cells.Any(c => c.LastCol == col - 1 && level1.Contains(c.Col));
            bool beforeLevel3 = level3.Any(l => l.First == after);
            if (afterLevel1 || beforeLevel3) level2.Add(col);
        }
        level2.Sort();
        // A 二级指标 header always has the 三级指标 header right after it: a cell there that reads as no header at all
        // is that header, misread (a scan's "AN").
        foreach (var c2 in level2)
        {
            int k2 = cells.FindIndex(c => c.Col == c2);
            int next = cells.FindIndex(c => c.Col == cells[k2].LastCol + 1);
            if (next < 0 || level3.Any(l => l.First == cells[next].Col)) continue;
            var t = texts[next];
            // "=级指标" there is the 三级指标 header with its 三 misread; 一级/二级 are never right of 二级指标.
            if (t.Contains("一级指标") || t.Contains("二级指标") || ValueKindOf(t) is not null) continue;
            level3.Add((cells[next].Col, cells[next].LastCol));
        }
        // Misread past that, so that a block has no 三级指标 ("人" for it, "-级昔标" for 二级指标), the 指标值 headers place
        // them: a 绩效目标表 block's 指标值 stands right of its 三级指标, that right of its 二级指标, and the first
        // block's that right of the 一级指标. Only cells no other header claims (自评 forms put 分值 between).
        bool Claimed(int col) => level1.Contains(col) || level2.Contains(col) || level3.Any(l => col >= l.First && col <= l.Last) ||
            values.Any(v => v.Col == col);
        int LeftOf(int col) => cells.FindIndex(c => c.LastCol == col - 1);
        var targets = values.Where(v => v.Kind == ValueKind.Target).Select(v => v.Col).Order().ToList();
        for (int t = 0; t < targets.Count; t++)
        {
            int vcol = targets[t], prev = t == 0 ? -1 : targets[t - 1];
            if (level3.Any(l => l.First > prev && l.Last < vcol)) continue;
            int k3 = LeftOf(vcol);
            // A 自评 form's 分值 stands between the 三级指标 and its 年度指标值.
            while (k3 >= 0 && values.Any(v => v.Col == cells[k3].Col && v.Kind == ValueKind.Weight)) k3 = LeftOf(cells[k3].Col);
            if (k3 < 0 || texts[k3].Contains("绩效指标")) continue;
            if (Claimed(cells[k3].Col))
            {
                // A "二级指标" right before a 指标值 is the 三级指标 with its numeral misread (a seal over 三): a 二级 header
                // never stands next to its values. It takes that place when the cell left of it is no header.
                int left = LeftOf(cells[k3].Col);
                if (!level2.Contains(cells[k3].Col) || left < 0 || Claimed(cells[left].Col) || texts[left].Contains("绩效指标")) continue;
                level2.Remove(cells[k3].Col);
            }
            level3.Add((cells[k3].Col, cells[k3].LastCol));
            int k2 = LeftOf(cells[k3].Col);
            if (k2 < 0 || Claimed(cells[k2].Col) || texts[k2].Contains("绩效指标")) continue;
            level2.Add(cells[k2].Col);
            int k1 = LeftOf(cells[k2].Col);
            if (level1.Count == 0 && k1 >= 0 && !Claimed(cells[k1].Col) && LevelLike(texts[k1])) level1.Add(cells[k1].Col);
        }
        level2.Sort();
        level3.Sort();
        var blocks = new List<Block>();
        for (int i = 0; i < level3.Count; i++)
        {
            var (nf, nl) = level3[i];
            int prevEnd = i == 0 ? -1 : level3[i - 1].Last;
            int nextStart = i + 1 < level3.Count ? level3[i + 1].First : int.MaxValue;
            int l2 = level2.Where(c => c > prevEnd && c < nf).DefaultIfEmpty(-1).Max();
            int l1 = level1.Where(c => c > prevEnd && c < nf).DefaultIfEmpty(-1).Max();
            if (l1 < 0 && level1.Count > 0) l1 = level1[0];   // the 年度 block shares the 一级指标 column
            int blockEnd = Math.Min(nextStart, level2.Concat(level1).Where(c => c > nl).DefaultIfEmpty(int.MaxValue).Min());
            var vals = values.Where(v => v.Col > nl && v.Col < blockEnd).ToList();
            var unread = cells.Where((c, k) => c.Col > nl && c.Col < blockEnd && c.Source == CellSource.Ocr && ValueKindOf(texts[k]) is null
                && !texts[k].Contains("级指标")).Select(c => c.Col).ToList();
            if (unread.Count > 0) vals = InferUnreadColumns(table, headerRow, vals, unread, form);
            string? period = level3.Count >= 2 && form == FormType.PerformanceTarget ? (i == 0 ? "实施期" : "年度") : null;
            blocks.Add(new Block(l1, l2, nf, nl, vals, period));
        }
        return blocks;
    }

    /// <summary>
    /// The value columns of a block whose scanned header cells read as no header ("人什" for 分值, "cial Laced" for
    /// 偏差原因分析及改进措施), told from what their body cells hold and where they stand: columns of bare small
    /// numbers are 分值 then 得分; other columns are 指标值, 完成值 and 偏差原因, in that order around the columns
    /// whose headers were read. A column that fits no missing kind stays unread.
    /// </summary>
    private static List<(int Col, ValueKind Kind)> InferUnreadColumns(CellIndex table, int headerRow,
        List<(int Col, ValueKind Kind)> known, List<int> unread, FormType form)
    {
        var result = new List<(int Col, ValueKind Kind)>(known);
        bool NumbersColumn(List<string> body) => body.Count > 0 && body.Count(t => BareScore().IsMatch(t)) >= 0.6 * body.Count;
        // A self-evaluation exists to give 得分, while templates without 分值 are common (… | 完成值 | 未完成原因 |
        // 自评得分): its one column of numbers, no 分值 or 得分 header read, is the 得分.
        bool loneScore = form is FormType.PerformanceSelfEvaluation or FormType.OverallPerformanceSelfEvaluation
            && !known.Any(v => v.Kind is ValueKind.Weight or ValueKind.Score)
            && unread.Count(c => NumbersColumn(BodyTexts(table, headerRow, c))) == 1;
        ValueKind[] numberKinds = loneScore ? [ValueKind.Score] : [ValueKind.Weight, ValueKind.Score];
        ValueKind[] textKinds = form == FormType.PerformanceTarget ? [ValueKind.Target] : [ValueKind.Target, ValueKind.Actual, ValueKind.Reason];
        foreach (var col in unread)
        {
            var body = BodyTexts(table, headerRow, col);
            if (body.Count == 0) continue;
            bool numbers = NumbersColumn(body);
            // Short words without digits (%, 人, 正向, 定量) are a unit, direction or nature column: no value of ours.
            if (!numbers && body.Count(t => t.Length <= 3 && !t.Any(char.IsAsciiDigit)) >= 0.8 * body.Count) continue;
            var order = numbers ? numberKinds : textKinds;
            // The first kind of the column's family still missing that keeps the family's left-to-right order with
            // the columns already known.
            foreach (var kind in order)
            {
                if (result.Any(v => v.Kind == kind)) continue;
                int rank = Array.IndexOf(order, kind);
                bool fits = result.All(v => Array.IndexOf(order, v.Kind) is var vr && (vr < 0 || (vr < rank ? v.Col < col : v.Col > col)));
                if (!fits) continue;
                result.Add((col, kind));
                break;
            }
        }
        result.Sort((a, b) => a.Col.CompareTo(b.Col));
        return result;
    }

    // The non-empty texts of one column under a header row, down to the first row that ends the indicators.
    private static List<string> BodyTexts(CellIndex table, int headerRow, int col)
    {
        var list = new List<string>();
        for (int r = headerRow + 1; r < table.Table.RowCount; r++)
        {
            var first = TextNorm.Normalize(table.Text(r, 0));
            if (IsStopRow(first)) break;
            if (table.At(r, col) is not { } cell || cell.Col != col) continue;
            var t = TextNorm.Normalize(cell.Text);
            if (t.Length > 0) list.Add(t);
        }
        return list;
    }

    private static ValueKind? ValueKindOf(string t)
    {
        if (t.Contains("偏差") || t.Contains("原因")) return ValueKind.Reason;
        if (t.Contains("完成值") || t.Contains("实际值") || t.Contains("完成情况")) return ValueKind.Actual;
        if (t.Contains("指标值") || t.Contains("目标值")) return ValueKind.Target;
        if (t.Contains("得分")) return ValueKind.Score;
        if (t is "分值" or "权重" or "权重(%)" or "指标分值" || t.StartsWith("分值")) return ValueKind.Weight;
        return null;
    }

    private static bool IsStopRow(string t) => t.StartsWith("总分") || t.StartsWith("自评结论")
        || t.StartsWith("评价人员") || t.StartsWith("主要经验") || t.StartsWith("存在问题") || t.StartsWith("项目名称") || t.StartsWith("说明");

    private static bool IsSignOff(string t) => t.StartsWith("经办人") || t.StartsWith("填报日期") || t.StartsWith("填报人")
        || t.StartsWith("审核人") || t.StartsWith("负责人");

    private static string KeyOf(string t) => t.TrimEnd(':');

    private static decimal? LastNumber(List<string> texts, int from)
    {
        for (int j = texts.Count - 1; j >= from; j--)
            if (AmountParser.Parse(texts[j]) is { Kind: AmountKind.Number } p) return p.Value;
        return null;
    }

    /// <summary>The next non-empty distinct cell to the right of cell <paramref name="i"/>, unless it is itself a key.</summary>
    private static string? NextValue(List<Cell> cells, List<string> texts, int i)
    {
        for (int j = i + 1; j < cells.Count; j++)
        {
            if (texts[j].Length == 0) continue;
            return texts[j] == texts[i] || texts[j].EndsWith(':') ? null : texts[j];
        }
        return null;
    }

    /// <summary>The distinct cells of a row, left to right (a merged cell once).</summary>
    private static List<Cell> RowCells(CellIndex table, int r)
    {
        var list = new List<Cell>();
        for (int c = 0; c < table.Table.ColCount; c++)
        {
            var cell = table.At(r, c);
            if (cell is not null && (list.Count == 0 || !ReferenceEquals(list[^1], cell))) list.Add(cell);
        }
        return list;
    }

    // A 分值 or 得分 as printed: a bare number up to 100 (no unit, no sign).
    [GeneratedRegex(@"^(100|\d{1,2})(\.\d{1,2})?$")]
    private static partial Regex BareScore();
    [GeneratedRegex(@"^指标\d+$")]
    private static partial Regex IndexLabel();
    [GeneratedRegex(@"等级(?:为)?[“""']?([优良中差])")]
    private static partial Regex GradeRegex();
}
