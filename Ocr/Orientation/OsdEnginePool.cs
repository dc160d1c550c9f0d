using System.Collections.Concurrent;
using Intake.Imaging;

namespace Intake.Ocr.Orientation;

/// <summary>One OSD engine per worker, each created on first need and reused, so the model loads once per engine.</summary>
internal sealed class OsdEnginePool : IDisposable
{
    private readonly string _dataPath;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<OsdEngine> _idle = [];
    private readonly ConcurrentBag<OsdEngine> _all = [];

    public OsdEnginePool(string dataPath, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        _dataPath = dataPath;
        _slots = new SemaphoreSlim(workers, workers);
        // A missing model fails here, named, not inside a worker.
        Return(Create());
    }

    public OsdResult? Detect(Image page, int characters, CancellationToken cancellationToken)
    {
        _slots.Wait(cancellationToken);
        try
        {
            var engine = _idle.TryTake(out var idle) ? idle : Create();
            try
            {
                return engine.Detect(page, characters);
            }
            finally
            {
                Return(engine);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        foreach (var engine in _all) engine.Dispose();
        _slots.Dispose();
    }

    private void Return(OsdEngine engine) => _idle.Add(engine);

    private OsdEngine Create()
    {
        var engine = new OsdEngine(_dataPath);
        _all.Add(engine);
        return engine;
    }
}
