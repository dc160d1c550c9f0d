using System.Collections.Concurrent;
using Intake.Sync.Outbox;

namespace Intake.Kiosk.Host.Health;

/// <summary>
/// What the kiosk's parts report about themselves for /readyz, /metrics, the heartbeat and the technician page: the
/// outbox the delivery loop holds, failed delivery attempts, scanner errors by kind and the scanner's last known state.
/// One per process (<see cref="Shared"/>): the delivery loop of `intake serve` and `intake sync` is static code outside
/// the web host's services; tests make their own.
/// </summary>
internal sealed class KioskVitals
{
    private readonly ConcurrentDictionary<string, long> _scannerErrors = new(StringComparer.Ordinal);
    private long _syncFailures;
    private IOutbox? _outbox;
    private volatile ScannerState _scanner = ScannerState.Unknown;

    public static KioskVitals Shared { get; } = new();

    /// <summary>The outbox of the store this process holds, or null while none is open.</summary>
    public IOutbox? Outbox => Volatile.Read(ref _outbox);

    /// <summary>Failed delivery attempts since the process started.</summary>
    public long SyncFailures => Interlocked.Read(ref _syncFailures);

    /// <summary>Scanner errors since the process started, by kind (SANE status names: jammed, no_docs, cover_open, io_error…).</summary>
    public IReadOnlyDictionary<string, long> ScannerErrors => _scannerErrors;

    /// <summary>The scanner's state as last probed; the heartbeat sends <see cref="ScannerState.Name"/>.</summary>
    public ScannerState Scanner
    {
        get => _scanner;
        set => _scanner = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Makes <paramref name="outbox"/> the one /readyz and /metrics read until the returned handle is disposed.</summary>
    public IDisposable AttachOutbox(IOutbox outbox)
    {
        Volatile.Write(ref _outbox, outbox);
        return new Detach(() => Interlocked.CompareExchange(ref _outbox, null, outbox));
    }

    public void RecordSyncFailure() => Interlocked.Increment(ref _syncFailures);

    public void RecordScannerError(string kind) => _scannerErrors.AddOrUpdate(kind, 1, (_, n) => n + 1);

    /// <summary>Backlog (entries not acknowledged, capped at 100,000) and the age of the oldest in seconds; null without an outbox.</summary>
    public (int Backlog, double? OldestAgeSeconds)? ReadOutbox(DateTimeOffset now)
    {
        if (Outbox is not { } outbox) return null;
        var pending = outbox.Pending(100_000);
        return (pending.Count, pending.Count == 0 ? null : (now - pending.Min(e => e.EnqueuedAt)).TotalSeconds);
    }

    private sealed class Detach(Action detach) : IDisposable
    {
        public void Dispose() => detach();
    }
}
