using System.Diagnostics;

namespace Intake.Sync.Upload;

/// <summary>
/// An optional upload rate limit in bytes per second, so a kiosk on a shared office line leaves room for others.
/// The uploader asks it before each chunk; it waits until the average since the first chunk is back under the cap.
/// </summary>
public sealed class BandwidthCap(long bytesPerSecond)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long sent;

    public long BytesPerSecond { get; } = bytesPerSecond > 0 ? bytesPerSecond : throw new ArgumentOutOfRangeException(nameof(bytesPerSecond));

    public async Task WaitToSendAsync(long bytes, CancellationToken cancellationToken)
    {
        var due = TimeSpan.FromSeconds((double)Interlocked.Add(ref sent, bytes) / BytesPerSecond) - clock.Elapsed;
        if (due > TimeSpan.Zero) await Task.Delay(due, cancellationToken).ConfigureAwait(false);
    }
}
