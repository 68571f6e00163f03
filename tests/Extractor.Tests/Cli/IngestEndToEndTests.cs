using Extractor.Storage;
using Extractor.Tests.Engines;
using Extractor.Tests.Storage;

namespace Extractor.Tests.Cli;

/// <summary>`extractor ingest` as a user runs it: the real executable, worker processes, a real SQLite file.</summary>
public sealed class IngestEndToEndTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    [Fact]
    public void BrokenFilesAreReportedAndGoodOnesIngested()
    {
        var input = Directory.CreateDirectory(_dir.File("in")).FullName;
        var sub = Directory.CreateDirectory(Path.Combine(input, "子目录")).FullName;
        File.WriteAllBytes(Path.Combine(input, "empty.pdf"), []);
        File.WriteAllBytes(Path.Combine(input, "random.pdf"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        File.WriteAllText(Path.Combine(input, "notes.txt"), "不是 PDF");
        var real = File.ReadAllBytes(EngineTestData.JiangsuPdf);
        File.WriteAllBytes(Path.Combine(input, "truncated.pdf"), real[..(real.Length / 40)]);
        File.Copy(EngineTestData.JiangsuPdf, Path.Combine(sub, "2019年度部门预算公开.PDF"));
        CliRunner.MakeScanPdf(Path.Combine(input, "scan.pdf"), seed: 1, pages: 2);

        var run = CliRunner.Run(_dir.Path, ["ingest", input, Path.Combine(input, "notes.txt"), "--db", "x.db", "--workers", "2"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2 ingested", run.Stdout);
        Assert.Contains("4 failed", run.Stdout);

        using (var store = SqliteStore.Open(_dir.File("x.db")))
        {
            var docs = store.Documents();
            Assert.Equal(["2019年度部门预算公开.PDF", "scan.pdf"], docs.Select(d => d.FileName).Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(33, docs.Single(d => d.FileName.EndsWith(".PDF")).PageCount);
            var pages = store.Pages("scan.pdf");
            Assert.Equal(2, pages.Count);
            Assert.All(pages, p => Assert.True(p.Scanned && !p.TextLayerUsable));
            Assert.Contains(store.Pages("2019年度部门预算公开.PDF"), p => p.TextLayerUsable && !p.Scanned);
            var failures = store.Failures().ToDictionary(f => f.FileName);
            Assert.Equal(["empty.pdf", "notes.txt", "random.pdf", "truncated.pdf"], failures.Keys.Order(StringComparer.Ordinal).ToArray());
            Assert.All(failures.Values, f => Assert.Equal("open", f.Stage));
            Assert.Contains("empty", failures["empty.pdf"].Message);
            Assert.Contains("not a PDF", failures["notes.txt"].Message);
            Assert.Contains("damaged", failures["truncated.pdf"].Message);
        }
        foreach (var f in new[] { "empty.pdf", "notes.txt", "random.pdf", "truncated.pdf" }) Assert.Contains(f, run.Stdout);

        // A rerun skips what is stored and changes nothing.
        var again = CliRunner.Run(_dir.Path, ["ingest", input, "--db", "x.db", "--workers", "1"]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("0 ingested, 2 unchanged", again.Stdout);
        using (var store = SqliteStore.Open(_dir.File("x.db"))) Assert.Equal(2, store.Documents().Count);
    }

    [Fact]
    public void NothingIngestableGivesANonZeroExitCode()
    {
        File.WriteAllBytes(_dir.File("empty.pdf"), []);
        var run = CliRunner.Run(_dir.Path, ["ingest", _dir.File("empty.pdf"), "--db", "x.db"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("empty.pdf", run.Stdout);
        var none = CliRunner.Run(_dir.Path, ["ingest", _dir.File("nowhere"), "--db", "x.db"]);
        Assert.Equal(1, none.ExitCode);
    }

    [Fact]
    public void CrashingAndHangingWorkersAreRecordedAndTheBatchGoesOn()
    {
        var input = Directory.CreateDirectory(_dir.File("in")).FullName;
        CliRunner.MakeScanPdf(Path.Combine(input, "a-__crash__.pdf"), seed: 2);
        CliRunner.MakeScanPdf(Path.Combine(input, "b-__hang__.pdf"), seed: 3);
        for (int i = 0; i < 3; i++) CliRunner.MakeScanPdf(Path.Combine(input, $"good{i}.pdf"), seed: 10 + i);
        var env = new Dictionary<string, string> { ["EXTRACTOR_TEST_FAULT"] = "crash:__crash__,hang:__hang__" };

        // The timeout leaves a good one-page scan room on a loaded 2-core machine (6 s timed one out beside an eval).
        var run = CliRunner.Run(_dir.Path, ["ingest", input, "--db", "x.db", "--workers", "2", "--timeout", "15"], env: env);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 ingested", run.Stdout);
        using var store = SqliteStore.Open(_dir.File("x.db"));
        Assert.Equal(3, store.Documents().Count);
        var failures = store.Failures().ToDictionary(f => f.FileName);
        Assert.Equal("crash", failures["a-__crash__.pdf"].Stage);
        Assert.Contains("worker process died", failures["a-__crash__.pdf"].Message);
        Assert.Equal("timeout", failures["b-__hang__.pdf"].Stage);
        Assert.Contains("[crash]", run.Stdout);
        Assert.Contains("[timeout]", run.Stdout);
    }

    [Fact]
    public void AKilledBatchLeavesNoHalfDocumentAndNoWorkersAndARerunContinues()
    {
        var input = Directory.CreateDirectory(_dir.File("in")).FullName;
        CliRunner.MakeScanPdf(Path.Combine(input, "a.pdf"), seed: 20);
        CliRunner.MakeScanPdf(Path.Combine(input, "b-__hang__.pdf"), seed: 21);
        CliRunner.MakeScanPdf(Path.Combine(input, "c.pdf"), seed: 22);
        var db = _dir.File("x.db");

        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { CliRunner.ExtractorDll, "ingest", input, "--db", db, "--workers", "1", "--timeout", "600" }) psi.ArgumentList.Add(a);
        psi.Environment["EXTRACTOR_TEST_FAULT"] = "hang:__hang__";
        using var parent = System.Diagnostics.Process.Start(psi)!;
        // Wait until the worker hangs on b (a is stored by then: files go in name order to the single worker).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && WorkersOf(db).Count == 0) Thread.Sleep(200);
        while (DateTime.UtcNow < deadline && !DocumentStored(db, "a.pdf")) Thread.Sleep(200);
        Assert.NotEmpty(WorkersOf(db));
        parent.Kill();   // the parent only: its worker must notice and go
        parent.WaitForExit();
        var gone = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < gone && WorkersOf(db).Count > 0) Thread.Sleep(200);
        Assert.Empty(WorkersOf(db));

        var rerun = CliRunner.Run(_dir.Path, ["ingest", input, "--db", db, "--workers", "1"]);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("2 ingested, 1 unchanged", rerun.Stdout);
        using var store = SqliteStore.Open(db);
        Assert.Equal(3, store.Documents().Count);
        Assert.All(store.Documents(), d => Assert.Single(store.Pages(d.FileName)));
    }

    private static bool DocumentStored(string db, string file)
    {
        if (!File.Exists(db)) return false;
        try
        {
            using var store = SqliteStore.Open(db);
            return store.Documents().Any(d => d.FileName == file);
        }
        catch (Microsoft.Data.Sqlite.SqliteException) { return false; }
    }

    /// <summary>Worker processes serving this database, from /proc (their command line names the database).</summary>
    private static List<int> WorkersOf(string db)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmd = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (cmd.Contains("worker") && cmd.Contains(Path.GetFullPath(db))) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
