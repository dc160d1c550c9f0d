using Intake.Imaging;
using Intake.Kiosk.Host.Hardware;
using Intake.Kiosk.Host.Hardware.Gpio;
using Intake.Scanner.Sane;
using Microsoft.Extensions.Options;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// Paper placed on the scanner (the GPIO paper sensor's <see cref="StatusMachine.PaperInserted"/>) scans it for the
/// session waiting on its scan screen, through the scan button's own path (<see cref="CitizenSessions.ScanWaiting"/>):
/// the page then shows on the session's event stream like any other. No waiting session, a scan already running, or a
/// confirmed or ended session: nothing happens. Off with <see cref="HardwareOptions.ScanOnPaper"/> = false.
/// </summary>
internal sealed partial class PaperStartsScan(StatusLight light, CitizenSessions sessions, IOptions<HardwareOptions> hardware, ILogger<PaperStartsScan> log) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (hardware.Value.ScanOnPaper) light.Machine.PaperInserted += OnPaperInserted;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        light.Machine.PaperInserted -= OnPaperInserted;
        await _stop.CancelAsync().ConfigureAwait(false);
    }

    public void Dispose() => _stop.Dispose();

    // raised on the GPIO event thread: the scan runs on its own, and its failure is logged and lights the error lamp
    private void OnPaperInserted()
    {
        if (_stop.IsCancellationRequested || sessions.ScanWaiting(_stop.Token) is not { } scan) return;
        _ = ReportAsync(scan);
    }

    private async Task ReportAsync(Task<int> scan)
    {
        try
        {
            var page = await scan.ConfigureAwait(false);
            ScannedOnPaper(log, page);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is InvalidOperationException or ImagingException or SaneException or IOException)
        {
            // the exception's type and message name the device or file, never what is written on the page
            ScanOnPaperFailed(log, e.GetType().Name, e.Message);
            light.Machine.Fault($"Không quét được trang / the page could not be scanned: {e.GetType().Name}");
        }
    }

    [LoggerMessage(EventId = 1308, Level = LogLevel.Information, Message = "paper on the sensor: page {Page} scanned for the waiting session")]
    private static partial void ScannedOnPaper(ILogger log, int page);

    [LoggerMessage(EventId = 1309, Level = LogLevel.Warning, Message = "paper on the sensor: the scan failed ({Type}: {Problem})")]
    private static partial void ScanOnPaperFailed(ILogger log, string type, string problem);
}
