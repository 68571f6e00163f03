using System.CommandLine;
using Extractor.Cli.Output;
using Extractor.Storage;

namespace Extractor.Cli.Commands;

/// <summary>`query lines|indicators|codes|sql`: what researchers ask of the database.</summary>
public static class QueryCommand
{
    public static Command Create()
    {
        var command = new Command("query", "query budget lines, indicators, subject codes or run a read-only SELECT (查询)");
        command.Subcommands.Add(Lines());
        command.Subcommands.Add(Indicators());
        command.Subcommands.Add(Codes());
        command.Subcommands.Add(Sql());
        return command;
    }

    private static (Option<string> Db, Option<string> Format, Option<int> Limit) Common(Command c)
    {
        var db = CliCommon.DbOption();
        var format = CliCommon.FormatOption("table", "table", "csv", "json");
        var limit = new Option<int>("--limit") { Description = "at most this many rows (0 = all)", DefaultValueFactory = _ => 0 };
        c.Options.Add(db);
        c.Options.Add(format);
        c.Options.Add(limit);
        return (db, format, limit);
    }

    private static Option<string?> Text(Command c, string name, string description)
    {
        var o = new Option<string?>(name) { Description = description };
        c.Options.Add(o);
        return o;
    }

    private static Command Lines()
    {
        var c = new Command("lines", "budget lines (预算/决算 科目金额) by code prefix, name, column, unit, year, form");
        var (db, format, limit) = Common(c);
        var code = Text(c, "--code", "科目编码 prefix, e.g. 208 or 20805");
        var name = Text(c, "--name", "keyword in 科目名称");
        var column = Text(c, "--column", "keyword in the column path, e.g. 基本支出");
        var unit = Text(c, "--unit", "keyword in the unit name (单位名称)");
        var year = new Option<int?>("--year") { Description = "year (年度)" };
        c.Options.Add(year);
        var form = Text(c, "--form", "form type label, e.g. 支出总表");
        var file = Text(c, "--file", "PDF file name");
        c.SetAction(r =>
        {
            using var store = CliCommon.OpenExisting(r.GetValue(db)!);
            if (store is null) return 1;
            var rows = store.QueryBudgetLines(new BudgetLineQuery
            {
                CodePrefix = r.GetValue(code), NameKeyword = r.GetValue(name), Column = r.GetValue(column), Unit = r.GetValue(unit),
                Year = r.GetValue(year), Form = r.GetValue(form), File = r.GetValue(file), Limit = LimitOf(r.GetValue(limit)),
            });
            Tabular.Write(r.GetValue(format)!,
                ["unit_name", "year", "kind", "form_type", "file", "page", "code", "name", "column", "amount", "raw", "confidence", "flagged"],
                rows.Select(l => new object?[] { l.UnitName, l.Year, l.Kind, l.Form, l.File, l.Page, l.Code, l.Name, l.Column, l.Amount, l.Raw, l.Confidence, l.Flagged }),
                Console.Out);
            return 0;
        });
        return c;
    }

    private static Command Indicators()
    {
        var c = new Command("indicators", "performance indicators (绩效指标) by keyword, unit, year, form, project");
        var (db, format, limit) = Common(c);
        var keyword = new Argument<string?>("keyword") { Description = "keyword in 一级/二级/三级指标 or the target", Arity = ArgumentArity.ZeroOrOne };
        c.Arguments.Add(keyword);
        var unit = Text(c, "--unit", "keyword in the unit name (单位名称)");
        var year = new Option<int?>("--year") { Description = "year (年度)" };
        c.Options.Add(year);
        var form = Text(c, "--form", "form type label, e.g. 绩效目标表");
        var project = Text(c, "--project", "keyword in the project name (项目名称)");
        var file = Text(c, "--file", "PDF file name");
        c.SetAction(r =>
        {
            using var store = CliCommon.OpenExisting(r.GetValue(db)!);
            if (store is null) return 1;
            var rows = store.QueryIndicators(new IndicatorQuery
            {
                Keyword = r.GetValue(keyword), Unit = r.GetValue(unit), Year = r.GetValue(year), Form = r.GetValue(form),
                Project = r.GetValue(project), File = r.GetValue(file), Limit = LimitOf(r.GetValue(limit)),
            });
            Tabular.Write(r.GetValue(format)!,
                ["unit_name", "year", "form_type", "file", "page", "project", "period", "level1", "level2", "name", "target", "actual", "weight", "score", "confidence", "flagged"],
                rows.Select(i => new object?[] { i.UnitName, i.Year, i.Form, i.File, i.Page, i.Project, i.Period, i.Level1, i.Level2, i.Name, i.Target, i.Actual, i.Weight, i.Score, i.Confidence, i.Flagged }),
                Console.Out);
            return 0;
        });
        return c;
    }

    private static Command Codes()
    {
        var c = new Command("codes", "subject codes learned from the stored forms (科目编码)");
        var (db, format, limit) = Common(c);
        var code = Text(c, "--code", "code prefix");
        var name = Text(c, "--name", "keyword in the name");
        c.SetAction(r =>
        {
            using var store = CliCommon.OpenExisting(r.GetValue(db)!);
            if (store is null) return 1;
            var rows = store.SubjectCodes(r.GetValue(code), r.GetValue(name)).AsEnumerable();
            if (LimitOf(r.GetValue(limit)) is var n and < int.MaxValue) rows = rows.Take(n);
            Tabular.Write(r.GetValue(format)!, ["code", "name", "level", "documents"],
                rows.Select(s => new object?[] { s.Code, s.Name, s.Level, s.SeenCount }), Console.Out);
            return 0;
        });
        return c;
    }

    private static Command Sql()
    {
        var c = new Command("sql", "run one read-only SELECT (views: v_budget_lines, v_indicators)");
        var (db, format, limit) = Common(c);
        var sql = new Argument<string>("select") { Description = "SELECT …" };
        c.Arguments.Add(sql);
        c.SetAction(r =>
        {
            using var store = CliCommon.OpenExisting(r.GetValue(db)!);
            if (store is null) return 1;
            try
            {
                int lim = r.GetValue(limit);
                var result = store.QueryReadOnly(r.GetValue(sql)!, lim > 0 ? lim : 1_000_000);
                Tabular.Write(r.GetValue(format)!, result.Columns, result.Rows, Console.Out);
                return 0;
            }
            catch (ReadOnlyQueryException ex)
            {
                Console.Error.WriteLine($"rejected: {ex.Message}");
                return 2;
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                Console.Error.WriteLine($"SQL error: {ex.Message}");
                return 2;
            }
        });
        return c;
    }

    private static int LimitOf(int limit) => limit > 0 ? limit : int.MaxValue;
}
