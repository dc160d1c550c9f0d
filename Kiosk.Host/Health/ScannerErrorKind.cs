using Intake.Scanner.Sane;
using Intake.Scanner.Sane.Native;

namespace Intake.Kiosk.Host.Health;

/// <summary>
/// The kind label of intake_scanner_errors_total: SANE's status in snake case (SANE standard 1.06, §4.2.5
/// SANE_Status: jammed, no_docs, cover_open, io_error, device_busy…). Whoever drives the scanner records each
/// error through <see cref="KioskVitals.RecordScannerError"/> with this.
/// </summary>
internal static class ScannerErrorKind
{
    /// <summary>The kinds every kiosk shows, at 0 until they happen, so a dashboard's series exist from the start.</summary>
    public static readonly IReadOnlyList<string> Common = ["jammed", "no_docs", "cover_open", "io_error", "device_busy", "access_denied"];

    public static string Of(SaneException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Of(error.Status);
    }

    public static string Of(SaneStatus status) => status switch
    {
        SaneStatus.DeviceBusy => "device_busy",
        SaneStatus.NoDocs => "no_docs",
        SaneStatus.CoverOpen => "cover_open",
        SaneStatus.IoError => "io_error",
        SaneStatus.NoMem => "no_mem",
        SaneStatus.AccessDenied => "access_denied",
        SaneStatus.WarmingUp => "warming_up",
        SaneStatus.HardwareLocked => "hardware_locked",
        _ => status.ToString().ToLowerInvariant(),
    };
}
