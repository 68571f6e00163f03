using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Extractor.Cli.Output;

/// <summary>Writes rows as a terminal table, CSV or a JSON array (column names as keys).</summary>
public static class Tabular
{
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static void Write(string format, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, TextWriter output)
    {
        switch (format)
        {
            case "csv": WriteCsv(columns, rows, output); break;
            case "json": WriteJson(columns, rows, output); break;
            default: WriteTable(columns, rows, output); break;
        }
    }

    public static void WriteTable(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, TextWriter output)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var c in columns) table.AddColumn(new TableColumn(new Text(c)));
        int n = 0;
        foreach (var r in rows)
        {
            table.AddRow(r.Select(v => (IRenderable)new Text(Format(v))).ToArray());
            n++;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        console.Write(table);
        output.WriteLine($"{n} row(s)");
    }

    public static void WriteCsv(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, TextWriter output)
    {
        using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        foreach (var c in columns) csv.WriteField(c);
        csv.EndRecord();
        foreach (var r in rows)
        {
            foreach (var v in r) csv.WriteField(Format(v));
            csv.EndRecord();
        }
        csv.Flush();
    }

    public static void WriteJson(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, TextWriter output)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOptions))
        {
            w.WriteStartArray();
            foreach (var r in rows)
            {
                w.WriteStartObject();
                for (int i = 0; i < columns.Count; i++)
                {
                    w.WritePropertyName(columns[i]);
                    WriteValue(w, i < r.Length ? r[i] : null);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
    }

    public static void WriteValue(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case decimal d: w.WriteNumberValue(d); break;
            case double d: w.WriteNumberValue(d); break;
            case float f: w.WriteNumberValue(f); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case byte[] bytes: w.WriteBase64StringValue(bytes); break;
            default: w.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
        }
    }

    public static string Format(object? v) => v switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
