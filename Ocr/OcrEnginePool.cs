using Intake.Pages;
using System.Collections.Concurrent;
using Intake.Imaging;

namespace Intake.Ocr;

/// <summary>
/// One Tesseract engine per worker (as many as cores by default), each created once and reused for
/// every page it reads, so models load once per engine per process rather than once per page.
/// The pool bounds concurrency; callers parallelise across pages.
/// </summary>
public sealed class OcrEnginePool : IDisposable
{
    private readonly OcrOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<TesseractEngine> _idle = [];
    private readonly ConcurrentBag<TesseractEngine> _all = [];

    public OcrEnginePool(OcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = TessdataLocator.Resolve(options); // a missing model fails here, named, not inside a worker
        _options = options;
        Workers = options.EffectiveWorkers;
        _slots = new SemaphoreSlim(Workers, Workers);
    }

    public int Workers { get; }

    public OcrOptions Options => _options;

    /// <summary>Loads every engine now (in parallel), for a server that should answer its first request quickly.</summary>
    public void WarmUp()
    {
        var engines = new TesseractEngine[Workers - _all.Count];
        Parallel.For(0, engines.Length, i => engines[i] = Create());
        foreach (var engine in engines) _idle.Add(engine);
    }

    /// <summary>Recognises a page on the calling thread, waiting for a free engine.</summary>
    public PageText Recognize(Image image, OcrOutputs outputs = OcrOutputs.Text, int pageNumber = 0, CancellationToken cancellationToken = default) =>
        WithEngine(engine => engine.Recognize(image, outputs, pageNumber), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on the calling thread with a free engine (waiting for one), so a page and the second
    /// looks at its words share the engine whose models are already loaded. The engine is the caller's only until
    /// <paramref name="work"/> returns.
    /// </summary>
    public T WithEngine<T>(Func<TesseractEngine, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        _slots.Wait(cancellationToken);
        try
        {
            var engine = _idle.TryTake(out var idle) ? idle : Create();
            try
            {
                return work(engine);
            }
            finally
            {
                _idle.Add(engine);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public Task<PageText> RecognizeAsync(Image image, OcrOutputs outputs = OcrOutputs.Text, int pageNumber = 0, CancellationToken cancellationToken = default) =>
        Task.Run(() => Recognize(image, outputs, pageNumber, cancellationToken), cancellationToken);

    public void Dispose()
    {
        foreach (var engine in _all) engine.Dispose();
        _slots.Dispose();
    }

    private TesseractEngine Create()
    {
        var engine = new TesseractEngine(_options);
        _all.Add(engine);
        return engine;
    }
}
