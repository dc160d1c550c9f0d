using Intake.Imaging;
using Intake.Imaging.Video;

namespace Intake.Scanner.Camera;

/// <summary>The kiosk's document camera, a V4L2 device such as /dev/video0, read through OpenCV.</summary>
public sealed class LiveCameraFeed : ICameraFeed
{
    /// <summary>What we ask the camera for: enough pixels for an ID card's small print at arm's length.</summary>
    public const int PreferredWidth = 1280;

    public const int PreferredHeight = 720;

    private readonly VideoFrameSource _source;

    private LiveCameraFeed(VideoFrameSource source) => _source = source;

    public string Name => $"camera:{_source.Location}";

    public bool IsLive => true;

    public int Width => _source.Width;

    public int Height => _source.Height;

    /// <summary>Opens the camera; a <see cref="CameraException"/> when it is absent, busy or not a capture node.</summary>
    public static LiveCameraFeed Open(string devicePath, int width = PreferredWidth, int height = PreferredHeight)
    {
        try
        {
            return new LiveCameraFeed(VideoFrameSource.OpenCamera(devicePath, width, height));
        }
        catch (ImagingException e) when (e.Error == ImagingError.Io)
        {
            throw CameraException.CannotOpen(devicePath, e);
        }
    }

    public Image? ReadFrame() => _source.ReadFrame();

    public void Dispose() => _source.Dispose();
}
