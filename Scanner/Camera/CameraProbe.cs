using System.Globalization;
using Intake.Imaging;
using Intake.Imaging.Video;

namespace Intake.Scanner.Camera;

/// <summary>
/// Finds the cameras: every /dev/video* node, opened through V4L2 in turn. A UVC webcam exposes two
/// nodes, one for pictures and one for metadata; the second does not open as a capture device and is
/// listed as unusable rather than hidden, so a technician sees what the kernel sees.
/// </summary>
public static class CameraProbe
{
    public static IReadOnlyList<string> DeviceNodes(string deviceFolder = "/dev")
    {
        if (!Directory.Exists(deviceFolder)) return [];
        return Directory.EnumerateFileSystemEntries(deviceFolder, "video*")
            .Where(p => int.TryParse(Path.GetFileName(p)["video".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderBy(p => int.Parse(Path.GetFileName(p)["video".Length..], CultureInfo.InvariantCulture))
            .ToList();
    }

    public static IReadOnlyList<CameraDeviceInfo> List(string deviceFolder = "/dev") => DeviceNodes(deviceFolder).Select(Probe).ToList();

    public static CameraDeviceInfo Probe(string devicePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        try
        {
            using var source = VideoFrameSource.OpenCamera(devicePath);
            return new CameraDeviceInfo(devicePath, true, source.Width, source.Height, source.Backend, null);
        }
        catch (ImagingException e)
        {
            return new CameraDeviceInfo(devicePath, false, 0, 0, "", e.Message);
        }
    }
}
