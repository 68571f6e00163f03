using System.Diagnostics;
using CorpusGen;

// CorpusGen: writes the sample corpus (PDFs + ground truth) deterministically from --seed.
string outDir = "corpus";
int seed = 20261204;
bool small = false, planOnly = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": outDir = args[++i]; break;
        case "--seed": seed = int.Parse(args[++i]); break;
        case "--small": small = true; break;
        case "--plan": planOnly = true; break;
        case "-h" or "--help":
            Console.WriteLine("usage: CorpusGen [--out DIR] [--seed N] [--small] [--plan]");
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'");
            return 2;
    }
}
if (planOnly)
{
    // The plan alone (no LibreOffice, no scans): documents, pages and scanned pages per split.
    foreach (var g in Plan.Build(seed, small).GroupBy(e => e.Split))
    {
        foreach (var e in g)
            Console.WriteLine($"{e.Split}/{e.Doc.Name}: {e.Doc.Pages.Count} pages, {e.Doc.Pages.Count(p => p.Scan is not null)} scanned, "
                + $"{Truth.BudgetLines(e.Doc).Count} budget lines, {Truth.Indicators(e.Doc).Count} indicators");
        Console.WriteLine($"{g.Key}: {g.Count()} documents, {g.Sum(e => e.Doc.Pages.Count)} pages, {g.Sum(e => e.Doc.Pages.Count(p => p.Scan is not null))} scanned, "
            + $"{g.Sum(e => Truth.BudgetLines(e.Doc).Count)} budget lines, {g.Sum(e => Truth.Indicators(e.Doc).Count)} indicators");
    }
    return 0;
}
var sw = Stopwatch.StartNew();
try
{
    var stats = Generator.Run(outDir, seed, small, Console.Out);
    Console.WriteLine($"corpus: {stats.Docs} documents, {stats.Pages} pages ({stats.Scanned} scanned) in {sw.Elapsed.TotalSeconds:0.0} s → {Path.GetFullPath(outDir)}");
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
{
    Console.Error.WriteLine($"corpusgen: {e.Message}");
    return 1;
}
