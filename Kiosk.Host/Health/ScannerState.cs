namespace Intake.Kiosk.Host.Health;

/// <summary>
/// The scanner as last probed. <see cref="Name"/> is what the heartbeat carries: <c>ready</c> (the configured device, or
/// any scanner when none is configured, answers), <c>absent</c> (none found), <c>error</c> (SANE itself failed) or
/// <c>unknown</c> (not probed yet). <see cref="Device"/> names the SANE device; <see cref="Problem"/> is Vietnamese / English.
/// </summary>
internal sealed record ScannerState(string Name, string? Device, string? Problem)
{
    public static readonly ScannerState Unknown = new("unknown", null, "Chưa kiểm tra máy quét / the scanner has not been probed yet");

    public bool IsReady => Name == "ready";
}
