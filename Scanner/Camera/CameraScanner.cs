using Intake.Pages;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Intake.Imaging;
using Intake.Imaging.Cleanup;

namespace Intake.Scanner.Camera;

/// <summary>
/// The document camera as an <see cref="IScanSource"/>: like a flatbed, each scan gives one page, the
/// document captured automatically when it is sharp, free of glare, large enough and held still (see
/// <see cref="CaptureGate"/> and <see cref="AutoCapture"/>), cut out and flattened. A camera does not
/// know the paper's distance, so the page's dpi comes from its shape: an ID-1 card is 85.6 mm wide and
/// an A4 page 297 mm tall; anything else is stamped with the requested dpi.
/// </summary>
public sealed class CameraScanner : IScanSource
{
    private const double A4LongMm = 297.0;
    private const double A4ShortMm = 210.0;

    private readonly Func<ICameraFeed> _openFeed;
    private readonly CameraScannerOptions _options;

    /// <param name="name">For logs and page sources, e.g. "camera:/dev/video0".</param>
    /// <param name="openFeed">Opens the feed for one scan; the scanner disposes it when the scan ends.</param>
    public CameraScanner(string name, Func<ICameraFeed> openFeed, CameraScannerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(openFeed);
        Name = name;
        _openFeed = openFeed;
        _options = options ?? new CameraScannerOptions();
    }

    public string Name { get; }

    public static CameraScanner ForDevice(string devicePath, CameraScannerOptions? options = null) =>
        new($"camera:{devicePath}", () => LiveCameraFeed.Open(devicePath), options);

    /// <summary>A recording played in place of the camera (tests, a technician's replay); it never times out.</summary>
    public static CameraScanner ForRecording(string path, CameraScannerOptions? options = null) =>
        new($"recording:{path}", () => RecordedCameraFeed.Open(path), (options ?? new CameraScannerOptions()) with { Timeout = null });

    public async IAsyncEnumerable<ScannedPage> ScanAsync(ScanRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Dpi);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        Image page;
        using (var capture = await CaptureAsync(cancellationToken).ConfigureAwait(false))
            page = Finish(capture.Document, request);
        yield return new ScannedPage(page, 1, Name, started, clock.Elapsed);
    }

    /// <summary>Runs the frame loop until the first capture; the feed is opened and closed here.</summary>
    public async Task<CameraCapture> CaptureAsync(CancellationToken cancellationToken = default)
    {
        using var feed = await Task.Run(_openFeed, cancellationToken).ConfigureAwait(false);
        using var timeout = _options.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var autoCapture = new AutoCapture(_options.Gate);
        var loop = new CameraFrameLoop(feed, new CaptureGate(_options.Gate));
        var lastProblem = CaptureProblem.NoDocument;
        try
        {
            await foreach (var frame in loop.RunAsync(linked.Token).ConfigureAwait(false))
            {
                using (frame)
                {
                    lastProblem = frame.Assessment.Problem;
                    _options.Preview?.Invoke(frame);
                    if (autoCapture.Offer(frame) is { } capture) return capture;
                }
            }
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw CameraException.TimedOut(feed.Name, _options.Timeout ?? TimeSpan.Zero, lastProblem, e);
        }
        return autoCapture.Finish() ?? throw CameraException.NothingUsable(feed.Name, lastProblem);
    }

    private static Image Finish(Image document, ScanRequest request)
    {
        var (dpiX, dpiY) = DpiFromShape(document.Width, document.Height, request.Dpi);
        var page = document.WithDpi(dpiX, dpiY);
        if (request.Mode != ColorMode.Gray || page.Channels == 1) return page;
        using (page)
            return page.ToGray();
    }

    /// <summary>The dpi a known document shape implies; the requested dpi for any other shape.</summary>
    private static (double X, double Y) DpiFromShape(int width, int height, int requestedDpi)
    {
        var landscape = width >= height;
        double longPx = landscape ? width : height, shortPx = landscape ? height : width;
        var aspect = longPx / shortPx;
        foreach (var (longMm, shortMm) in new[] { (Id1Card.LongMm, Id1Card.ShortMm), (A4LongMm, A4ShortMm) })
        {
            if (Math.Abs(aspect / (longMm / shortMm) - 1) > 0.04) continue;
            double alongLong = longPx * 25.4 / longMm, alongShort = shortPx * 25.4 / shortMm;
            return landscape ? (alongLong, alongShort) : (alongShort, alongLong);
        }
        return (requestedDpi, requestedDpi);
    }
}
