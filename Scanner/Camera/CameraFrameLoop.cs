using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Intake.Imaging;

namespace Intake.Scanner.Camera;

/// <summary>
/// The live preview's frame loop. A dedicated thread reads the feed (reads block, and a camera's driver
/// is not thread-safe); frames cross to the consumer over a bounded channel and are assessed by the gate
/// as they are taken. A live camera never waits for the consumer: when the preview falls behind, the
/// stale frame is dropped and the newest one shown, so the preview lags by at most one frame. A recording
/// waits instead, so every one of its frames is seen (which is what makes tests deterministic).
/// The feed is borrowed: the caller disposes it after the enumeration ends.
/// </summary>
public sealed class CameraFrameLoop
{
    /// <summary>Frames waiting for the consumer: the newest for a camera, a couple for a recording.</summary>
    public const int LiveBufferedFrames = 1;

    public const int RecordedBufferedFrames = 2;

    // How long stopping waits for a read in progress (a camera delivers many frames a second).
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly ICameraFeed _feed;
    private readonly CaptureGate _gate;

    public CameraFrameLoop(ICameraFeed feed, CaptureGate gate)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(gate);
        _feed = feed;
        _gate = gate;
    }

    /// <summary>Assessed frames until the recording ends, the camera fails, or the caller stops. Each frame is the caller's to dispose.</summary>
    public async IAsyncEnumerable<CameraFrame> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = _feed.IsLive
            ? Channel.CreateBounded<RawFrame>(
                new BoundedChannelOptions(LiveBufferedFrames) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.DropOldest },
                static dropped => dropped.Image.Dispose())
            : Channel.CreateBounded<RawFrame>(
                new BoundedChannelOptions(RecordedBufferedFrames) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Read(channel.Writer, finished, stop.Token))
        {
            IsBackground = true,
            Name = $"camera {_feed.Name}",
        };
        thread.Start();
        try
        {
            await foreach (var raw in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                var frame = _gate.Assess(raw.Image, raw.Number, raw.Elapsed);
                yield return frame;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(finished.Task, Task.Delay(StopTimeout, CancellationToken.None)).ConfigureAwait(false);
            while (channel.Reader.TryRead(out var unread)) unread.Image.Dispose();
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Read(ChannelWriter<RawFrame> writer, TaskCompletionSource finished, CancellationToken stop)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            for (var number = 1; !stop.IsCancellationRequested; number++)
            {
                var image = _feed.ReadFrame();
                if (image is null) break;
                var raw = new RawFrame(image, number, clock.Elapsed);
                try
                {
                    // For a camera the write never waits (the oldest frame is dropped instead).
                    writer.WriteAsync(raw, stop).AsTask().GetAwaiter().GetResult();
                }
                catch
                {
                    image.Dispose();
                    throw;
                }
            }
            writer.TryComplete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
        finally
        {
            finished.TrySetResult();
        }
    }

    private readonly record struct RawFrame(Image Image, int Number, TimeSpan Elapsed);
}
