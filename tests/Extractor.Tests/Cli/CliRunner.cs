using System.Diagnostics;
using System.Text;
using Extractor.Imaging;
using Extractor.Pdf;

namespace Extractor.Tests.Cli;

/// <summary>Runs the real `extractor` executable (`dotnet extractor.dll …`) and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static string ExtractorDll
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "extractor.dll");
            if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "extractor.runtimeconfig.json"))) return beside;
            throw new FileNotFoundException("extractor.dll (with its runtimeconfig) not found beside the tests", beside);
        }
    }

    public static Result Run(string workDir, IEnumerable<string> args, string? stdin = null, IDictionary<string, string>? env = null, int timeoutSeconds = 240)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add(ExtractorDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["OMP_THREAD_LIMIT"] = "1";
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"extractor {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A small image-only PDF whose pixels depend on <paramref name="seed"/> (so every file has its own sha256).</summary>
    public static void MakeScanPdf(string path, int seed, int pages = 1)
    {
        var images = new List<GrayImage>();
        for (int k = 0; k < pages; k++)
        {
            var img = new GrayImage(300, 420, 72);
            var rnd = new Random(seed * 31 + k);
            for (int n = 0; n < 40; n++)
            {
                int x = rnd.Next(0, 280), y = rnd.Next(0, 400);
                for (int dy = 0; dy < 12; dy++) for (int dx = 0; dx < 16; dx++) img[x + dx, y + dy] = 0;
            }
            images.Add(img);
        }
        ImagePdfWriter.Write(path, images);
    }
}
