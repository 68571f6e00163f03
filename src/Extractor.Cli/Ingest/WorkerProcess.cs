using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Extractor.Cli.Ingest;

/// <summary>
/// One `extractor worker` child process. A native crash or a hang kills only this process; the parent records the
/// file as failed and starts a new one.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly BlockingCollection<string> _results = new();
    private readonly ConcurrentQueue<string> _stderrTail = new();
    private readonly Thread _reader;
    private readonly ManualResetEventSlim _ready = new();

    /// <summary>How long a new worker may take to start (runtime start-up, opening the store, loading models).</summary>
    public static TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(120);

    private WorkerProcess(System.Diagnostics.Process process)
    {
        _process = process;
        _reader = new Thread(ReadStdout) { IsBackground = true, Name = "worker-stdout" };
        _reader.Start();
        _process.ErrorDataReceived += (sender, e) =>
        {
            if (e.Data is null) return;
            _stderrTail.Enqueue(e.Data);
            while (_stderrTail.Count > 20) _stderrTail.TryDequeue(out _);
        };
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>How to start this same program: the apphost directly, or `dotnet extractor.dll` when run that way.</summary>
    public static (string FileName, List<string> Args) SelfCommand()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which executable is running");
        var entry = Assembly.GetEntryAssembly()?.Location;
        var exe = Path.GetFileNameWithoutExtension(processPath);
        if (exe.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(entry))
            return (processPath, [entry]);
        return (processPath, []);
    }

    public static WorkerProcess Start(string dbPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (file, args) = SelfCommand();
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("worker");
        psi.ArgumentList.Add("--db");
        psi.ArgumentList.Add(Path.GetFullPath(dbPath));
        psi.ArgumentList.Add("--parent");
        psi.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // libgomp reads this when libtesseract loads: unlimited OpenMP threads make OCR several times slower.
        psi.Environment.TryAdd("OMP_THREAD_LIMIT", "1");
        if (environment is not null) foreach (var (k, v) in environment) psi.Environment[k] = v;
        var p = System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException($"cannot start worker {file}");
        return new WorkerProcess(p);
    }

    private void ReadStdout()
    {
        try
        {
            string? line;
            while ((line = _process.StandardOutput.ReadLine()) is not null)
            {
                if (line.StartsWith(WorkerProtocol.ResultPrefix, StringComparison.Ordinal)) _results.Add(line);
                else if (line == WorkerProtocol.ReadyLine) _ready.Set();
            }
        }
        catch (Exception) { /* the pipe broke: the process is gone */ }
        finally
        {
            _results.CompleteAdding();
            _ready.Set(); // wake a waiter: Process() then finds the stream completed and reports the crash
        }
    }

    /// <summary>Sends one file and waits for its result; a crash or time-out comes back as a Failed result.</summary>
    public WorkerResult Process(string path, TimeSpan timeout, out bool workerLost)
    {
        workerLost = false;
        if (!_ready.Wait(StartupTimeout))
        {
            workerLost = true;
            Kill();
            return Failed(path, "worker", $"worker did not start within {StartupTimeout.TotalSeconds:0} s{StderrSuffix()}", TimeSpan.Zero);
        }
        var started = Stopwatch.StartNew();
        try
        {
            _process.StandardInput.WriteLine(WorkerProtocol.Request(path));
            _process.StandardInput.Flush();
        }
        catch (IOException) { /* the worker already died; TryTake below sees the completed stream */ }

        string? line = null;
        bool got;
        try { got = _results.TryTake(out line, timeout); }
        catch (InvalidOperationException) { got = false; }
        if (got && WorkerProtocol.ParseResponse(line!) is { } result) return result;

        workerLost = true;
        if (_results.IsCompleted || _process.HasExited)
        {
            _process.WaitForExit(5000);
            string code = _process.HasExited ? _process.ExitCode.ToString() : "?";
            return Failed(path, "crash", $"worker process died (exit code {code}){StderrSuffix()}", started.Elapsed);
        }
        Kill();
        return Failed(path, "timeout", $"no result after {timeout.TotalSeconds:0} s; worker killed (处理超时)", started.Elapsed);
    }

    private static WorkerResult Failed(string path, string stage, string message, TimeSpan elapsed) =>
        new() { Path = path, Status = WorkerStatus.Failed, Stage = stage, Message = message, Seconds = elapsed.TotalSeconds };

    private string StderrSuffix()
    {
        Thread.Sleep(50); // let the stderr reader catch the last lines
        var tail = _stderrTail.ToArray().Where(l => !string.IsNullOrWhiteSpace(l)).TakeLast(3).ToArray();
        return tail.Length == 0 ? "" : ": " + string.Join(" | ", tail).Trim();
    }

    public void Kill()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(5000);
    }

    /// <summary>Closes stdin so the worker finishes its loop; kills it if it does not exit in time.</summary>
    public void Dispose()
    {
        try { _process.StandardInput.Close(); } catch (IOException) { }
        if (!_process.WaitForExit(10_000)) Kill();
        _process.Dispose();
    }
}
