using System.Diagnostics;

namespace CorpusGen;

/// <summary>Runs the whole generation: plan → FODT → one soffice call → scans → PDFs and truth files.</summary>
public static class Generator
{
    public sealed record Stats(int Docs, int Pages, int Scanned);

    public static Stats Run(string outDir, int seed, bool small, TextWriter log)
    {
        var plan = Plan.Build(seed, small);
        string scratch = Path.Combine(outDir, "scratch");
        if (Directory.Exists(scratch)) Directory.Delete(scratch, true);
        Directory.CreateDirectory(scratch);
        foreach (var split in plan.Select(p => p.Split).Distinct()) Directory.CreateDirectory(Path.Combine(outDir, split));

        var sources = new List<string>();
        foreach (var e in plan)
        {
            string f = Path.Combine(scratch, e.Doc.Name + ".fodt");
            File.WriteAllText(f, Fodt.Write(e.Doc));
            sources.Add(f);
        }
        string wm = Path.Combine(scratch, "_watermark.fodt");
        File.WriteAllText(wm, Watermark.Fodt());
        sources.Add(wm);
        Soffice(sources, scratch, log);

        foreach (var e in plan)
        {
            string pdf = Path.Combine(scratch, e.Doc.Name + ".pdf");
            int pages = Tools.PageCount(pdf);
            if (pages != e.Doc.Pages.Count)
                throw new InvalidOperationException($"{e.Doc.Name}: LibreOffice made {pages} pages, the plan has {e.Doc.Pages.Count} (a page overflowed)");
        }
        int scanned = 0;
        foreach (var e in plan)
        {
            string src = Path.Combine(scratch, e.Doc.Name + ".pdf");
            string dst = Path.Combine(outDir, e.Split, e.Doc.Name + ".pdf");
            int n = Scanner.Publish(e.Doc, src, dst, Path.Combine(scratch, "_watermark.pdf"), scratch);
            scanned += n;
            File.WriteAllText(Path.Combine(outDir, e.Split, e.Doc.Name + ".truth.json"), Truth.Json(e.Doc));
            log.WriteLine($"  {e.Split}/{e.Doc.Name}: {e.Doc.Pages.Count} pages, {n} scanned");
        }
        Directory.Delete(scratch, true);
        return new(plan.Count, plan.Sum(p => p.Doc.Pages.Count), scanned);
    }

    static void Soffice(List<string> files, string outDir, TextWriter log)
    {
        // A private profile: other soffice processes on the machine must not capture or lock this conversion.
        string profile = Path.Combine(Path.GetTempPath(), $"corpusgen-lo-{Environment.ProcessId}");
        var psi = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--norestore", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", outDir })
            psi.ArgumentList.Add(a);
        foreach (var f in files) psi.ArgumentList.Add(f);
        var sw = Stopwatch.StartNew();
        using (var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start soffice"))
        {
            p.StandardOutput.ReadToEnd(); p.StandardError.ReadToEnd();
            p.WaitForExit();
        }
        try { Directory.Delete(profile, true); } catch (IOException) { }
        foreach (var f in files)
            if (!File.Exists(Path.ChangeExtension(f, ".pdf"))) throw new InvalidOperationException($"soffice did not convert {Path.GetFileName(f)}");
        log.WriteLine($"  soffice: {files.Count} files in {sw.Elapsed.TotalSeconds:0.0} s");
    }
}

public static class Tools
{
    public static string Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {exe}");
        var errTask = p.StandardError.ReadToEndAsync();
        string o = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} failed ({p.ExitCode}): {errTask.Result}");
        return o;
    }

    public static int PageCount(string pdf)
    {
        foreach (var line in Run("pdfinfo", pdf).Split('\n'))
            if (line.StartsWith("Pages:")) return int.Parse(line[6..].Trim());
        throw new InvalidOperationException($"pdfinfo gave no page count for {pdf}");
    }
}
