using Intake.Kiosk.Host.Hardware;
using Intake.Scanner.Camera;
using Intake.Scanner.Sane;

namespace Intake.Kiosk.Host.Health;

/// <summary>
/// Looks for the kiosk's devices: the SANE scanner (the configured device, else any local one) and the V4L2 cameras.
/// Local backends only: a network backend can take seconds to answer, and the kiosk's scanner is on USB.
/// </summary>
internal static class ScannerProbe
{
    /// <summary>What the scanner check says when probing is turned off (<see cref="HardwareOptions.ProbeScanner"/>).</summary>
    public static readonly ScannerState Off = new("unknown", null, "Không kiểm tra máy quét (ProbeScanner=false) / scanner probing is off (ProbeScanner=false)");

    /// <summary>The scanner's state now; never throws (a SANE failure is the state <c>error</c>).</summary>
    public static ScannerState Probe(string? device)
    {
        try
        {
            using var session = SaneSession.Acquire();
            var devices = session.GetDevices(localOnly: true);
            var found = device is { Length: > 0 } ? devices.FirstOrDefault(d => d.Name == device) : devices.Count > 0 ? devices[0] : null;
            if (found is not null) return new ScannerState("ready", found.Name, null);
            return new ScannerState("absent", device, device is { Length: > 0 }
                ? $"Không thấy máy quét {device} / scanner {device} not found"
                : "Không thấy máy quét nào / no scanner found");
        }
        catch (SaneException e)
        {
            KioskVitals.Shared.RecordScannerError(ScannerErrorKind.Of(e));
            return new ScannerState("error", device, $"Lỗi SANE / SANE failed: {e.Message}");
        }
        catch (DllNotFoundException e)
        {
            return new ScannerState("error", device, $"Không nạp được libsane / libsane not loadable: {e.Message}");
        }
    }

    /// <summary>
    /// The camera device nodes (/dev/videoN). Not opened: a probe must not take the camera from a capture in progress;
    /// `intake devices` opens each one.
    /// </summary>
    public static IReadOnlyList<string> Cameras(string deviceFolder = "/dev") => CameraProbe.DeviceNodes(deviceFolder);
}
