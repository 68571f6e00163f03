using System.Collections.Concurrent;

namespace Extractor.Ocr;

/// <summary>
/// A fixed number of <see cref="OcrEngine"/>s shared by worker threads: <see cref="Rent"/> blocks until one is free.
/// Engines are created lazily and reused. Keep size ≤ cores (each engine is single-threaded with OMP_THREAD_LIMIT=1).
/// </summary>
public sealed class OcrEnginePool : IDisposable
{
    private readonly SemaphoreSlim _free;
    private readonly ConcurrentBag<OcrEngine> _idle = [];
    private readonly List<OcrEngine> _all = [];
    private readonly string _languages;
    private readonly string? _tessdata;
    private volatile bool _disposed;

    public OcrEnginePool(int size, string languages = "chi_sim+eng", string? tessdata = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        _languages = languages;
        _tessdata = tessdata;
        _free = new SemaphoreSlim(size, size);
    }

    public int Size { get; }

    /// <summary>Engines created so far (≤ Size).</summary>
    public int Created { get { lock (_all) return _all.Count; } }

    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _free.Wait();
        try
        {
            if (!_idle.TryTake(out var engine))
            {
                engine = new OcrEngine(_languages, _tessdata);
                lock (_all) _all.Add(engine);
            }
            return new Lease(this, engine);
        }
        catch
        {
            _free.Release();
            throw;
        }
    }

    private void Return(OcrEngine engine)
    {
        if (_disposed) { engine.Dispose(); }
        else _idle.Add(engine);
        _free.Release();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (_all)
        {
            foreach (var e in _all) e.Dispose(); // OcrEngine.Dispose waits for a running call (lock) and is idempotent
            _all.Clear();
        }
    }

    /// <summary>Exclusive use of one engine until disposed.</summary>
    public sealed class Lease : IDisposable
    {
        private OcrEnginePool? _pool;
        internal Lease(OcrEnginePool pool, OcrEngine engine) { _pool = pool; Engine = engine; }
        public OcrEngine Engine { get; }

        public void Dispose()
        {
            var pool = Interlocked.Exchange(ref _pool, null);
            pool?.Return(Engine);
        }
    }
}
