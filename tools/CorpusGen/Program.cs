using System.Diagnostics;
using CorpusGen;

// CorpusGen: writes the sample corpus (PDFs + ground truth) deterministically from --seed.
string outDir = "corpus";
int seed = 20261204;
bool small = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": outDir = args[++i]; break;
        case "--seed": seed = int.Parse(args[++i]); break;
        case "--small": small = true; break;
        case "-h" or "--help":
            Console.WriteLine("usage: CorpusGen [--out DIR] [--seed N] [--small]");
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'");
            return 2;
    }
}
var sw = Stopwatch.StartNew();
try
{
    var stats = Generator.Run(outDir, seed, small, Console.Out);
    Console.WriteLine($"corpus: {stats.Docs} documents, {stats.Pages} pages ({stats.Scanned} scanned) in {sw.Elapsed.TotalSeconds:0.0} s → {Path.GetFullPath(outDir)}");
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or IOException)
{
    Console.Error.WriteLine($"corpusgen: {e.Message}");
    return 1;
}
