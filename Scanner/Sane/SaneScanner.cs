using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Intake.Scanner.Sane.Native;

namespace Intake.Scanner.Sane;

/// <summary>
/// A SANE scanner as an <see cref="IScanSource"/>. Each scan runs on a dedicated thread that owns the
/// device from open to close (SANE handles are not thread-safe and sane_read blocks), and hands pages
/// over a small bounded channel: when the consumer falls behind (OCR is slower than a feeder) the thread
/// waits before starting the next sheet rather than piling full-resolution pages up in memory.
/// A feeder batch ends normally when the backend reports NO_DOCS; NO_DOCS before the first page is an
/// error ("the document feeder is empty"). Cancelling calls sane_cancel, which stops a page mid-read.
/// </summary>
public sealed class SaneScanner : IScanSource
{
    /// <summary>Pages buffered between the scanning thread and the consumer.</summary>
    public const int BufferedPages = 2;

    // How long stopping waits for the scan thread to close the device before giving up on it.
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly DeviceLocator _locator;
    private readonly Action<SaneDevice>? _configure;

    /// <param name="locator">Which scanner.</param>
    /// <param name="configure">Device-specific settings applied after the request's (e.g. a backend's "swdeskew").</param>
    public SaneScanner(DeviceLocator locator, Action<SaneDevice>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(locator);
        _locator = locator;
        _configure = configure;
    }

    public string Name => _locator.Current.Name;

    public DeviceLocator Locator => _locator;

    public async IAsyncEnumerable<ScannedPage> ScanAsync(ScanRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Dpi);
        var channel = Channel.CreateBounded<ScannedPage>(new BoundedChannelOptions(BufferedPages)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Run(request, channel.Writer, finished, stop.Token))
        {
            IsBackground = true,
            Name = $"sane {Name}",
        };
        thread.Start();
        try
        {
            await foreach (var page in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
                yield return page;
        }
        finally
        {
            // Reached on completion, on error, on cancellation, and when the consumer stops early:
            // in every case the device must be closed before the next scan can open it.
            await stop.CancelAsync().ConfigureAwait(false);
            // A backend that ignores sane_cancel leaves its (background) thread behind after the timeout;
            // the device then stays open and the next scan reports "the scanner is busy".
            await Task.WhenAny(finished.Task, Task.Delay(StopTimeout, CancellationToken.None)).ConfigureAwait(false);
            while (channel.Reader.TryRead(out var unread)) unread.Dispose();
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Run(ScanRequest request, ChannelWriter<ScannedPage> writer, TaskCompletionSource finished, CancellationToken stop)
    {
        try
        {
            using var session = SaneSession.Acquire();
            using var device = _locator.Open(session);
            var source = Configure(device, request);
            var label = $"{device.Name} ({source})";
            try
            {
                ScanBatch(device, request, label, writer, stop);
            }
            finally
            {
                // Ends the feeder batch (and a scan interrupted by an exception) before sane_close.
                device.Cancel();
            }
            writer.TryComplete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            writer.TryComplete(new OperationCanceledException(stop));
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

    private static void ScanBatch(SaneDevice device, ScanRequest request, string label, ChannelWriter<ScannedPage> writer, CancellationToken stop)
    {
        var limit = request.UsesFeeder ? request.MaxPages ?? int.MaxValue : 1;
        for (var number = 1; number <= limit; number++)
        {
            stop.ThrowIfCancellationRequested();
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            Imaging.Image image;
            try
            {
                image = device.ScanPage(stop);
            }
            catch (SaneException e) when (e.Status == SaneStatus.NoDocs && request.UsesFeeder && number > 1)
            {
                return;
            }
            var page = new ScannedPage(image, number, label, started, clock.Elapsed);
            try
            {
                // Blocking is right here: this thread exists only to feed this channel.
                writer.WriteAsync(page, stop).AsTask().GetAwaiter().GetResult();
            }
            catch
            {
                page.Dispose();
                throw;
            }
        }
    }

    private string Configure(SaneDevice device, ScanRequest request)
    {
        device.SetSource(request.Source);
        device.SetMode(request.Mode == ColorMode.Gray ? SaneScanMode.Gray : SaneScanMode.Color);
        device.SetResolution(request.Dpi);
        device.SetArea(request.Area);
        _configure?.Invoke(device);
        return device.FindOption("source") is { IsActive: true } option
            ? Convert.ToString(device.GetOption(option.Name), System.Globalization.CultureInfo.InvariantCulture) ?? request.Source.ToString()
            : request.Source.ToString();
    }
}
