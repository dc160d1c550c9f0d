using Intake.Kiosk.Host.Hardware;
using Microsoft.Extensions.Options;

namespace Intake.Kiosk.Host.Health;

/// <summary>
/// Probes the scanner and cameras every <see cref="Interval"/> in the background (a SANE device list can take a while,
/// so /readyz answers from the last pass instead of probing per request) and records the scanner's state in
/// <see cref="KioskVitals"/>, where the heartbeat reads it.
/// </summary>
internal sealed class DeviceWatch(KioskVitals vitals, IOptions<HardwareOptions> hardware) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private volatile IReadOnlyList<string> _cameras = [];

    /// <summary>Camera device nodes seen by the last pass.</summary>
    public IReadOnlyList<string> Cameras => _cameras;

    /// <summary>Probes once now (the first pass, and tests).</summary>
    public void ProbeNow()
    {
        vitals.Scanner = hardware.Value.ProbeScanner
            ? ScannerProbe.Probe(hardware.Value.Scanner)
            : ScannerProbe.Off;
        _cameras = ScannerProbe.Cameras();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await Task.Run(ProbeNow, stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
