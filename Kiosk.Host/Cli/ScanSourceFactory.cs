using Intake.Scanner;
using Intake.Scanner.Camera;
using Intake.Scanner.Replay;
using Intake.Scanner.Sane;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// Turns a --device id into a scan source: "replay:FOLDER" replays images as a feeder, "camera:/dev/videoN"
/// is the document camera, "recording:PATTERN" a recording played in its place; anything else is a SANE
/// device name ("test:0", "fujitsu:fi-7160:12345"), found again by model if it was re-plugged.
/// </summary>
internal static class ScanSourceFactory
{
    public static IScanSource Create(string device)
    {
        ArgumentException.ThrowIfNullOrEmpty(device);
        if (device.StartsWith("replay:", StringComparison.Ordinal)) return new ReplayScanner(device["replay:".Length..]);
        if (device.StartsWith("camera:", StringComparison.Ordinal)) return CameraScanner.ForDevice(device["camera:".Length..]);
        if (device.StartsWith("recording:", StringComparison.Ordinal)) return CameraScanner.ForRecording(device["recording:".Length..]);
        return new SaneScanner(DeviceLocator.ForName(device));
    }
}
