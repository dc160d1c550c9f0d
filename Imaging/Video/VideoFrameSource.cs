using System.Text;
using Intake.Imaging.Native;

namespace Intake.Imaging.Video;

/// <summary>
/// Frames from a live V4L2 camera or from a recording of one (a video file, or an image sequence named
/// by a printf pattern such as "frame%03d.png"), decoded by OpenCV's videoio. Frames are 8-bit BGR or
/// grey with dpi 0. Use from one thread at a time; <see cref="ReadFrame"/> blocks until the camera
/// delivers. Disposing closes the device.
/// </summary>
public sealed class VideoFrameSource : IDisposable
{
    private readonly CaptureHandle _handle;

    private VideoFrameSource(CaptureHandle handle, string location)
    {
        _handle = handle;
        Location = location;
        NativeStatus.Check(ImagingNative.CaptureInfoGet(handle, out var info));
        IsLive = info.Kind == 1;
        Width = info.Width;
        Height = info.Height;
        FramesPerSecond = info.FramesPerSecond;
        FrameCount = info.FrameCount >= 0 ? info.FrameCount : null;
        Backend = BackendName(info);
    }

    /// <summary>The device path or the recording's path (or pattern) it was opened from.</summary>
    public string Location { get; }

    /// <summary>A camera (true) or a recording (false).</summary>
    public bool IsLive { get; }

    /// <summary>Frame size as the driver reports it; 0 when it does not say until the first frame.</summary>
    public int Width { get; }

    public int Height { get; }

    /// <summary>0 when unknown.</summary>
    public double FramesPerSecond { get; }

    /// <summary>Frames in a recording, when the container says; null for a camera.</summary>
    public int? FrameCount { get; }

    /// <summary>OpenCV's name for the driver: "V4L2", "CV_IMAGES", "FFMPEG", "CV_MJPEG"...</summary>
    public string Backend { get; }

    /// <summary>Opens a camera through V4L2, asking for <paramref name="width"/> x <paramref name="height"/> when both are set.</summary>
    public static VideoFrameSource OpenCamera(string devicePath, int width = 0, int height = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        var status = ImagingNative.CaptureOpenDevice(devicePath, width, height, out var handle);
        return Opened(status, handle, devicePath);
    }

    /// <summary>Opens a video file or an image-sequence pattern.</summary>
    public static VideoFrameSource OpenRecording(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var status = ImagingNative.CaptureOpenRecording(path, out var handle);
        return Opened(status, handle, path);
    }

    /// <summary>The next frame, or null at the end of a recording. A camera that stops delivering throws.</summary>
    public Image? ReadFrame()
    {
        NativeStatus.Check(ImagingNative.CaptureRead(_handle, out var frame));
        if (!frame.IsInvalid) return new Image(frame);
        frame.Dispose();
        return null;
    }

    public void Dispose() => _handle.Dispose();

    private static VideoFrameSource Opened(int status, CaptureHandle handle, string location)
    {
        try
        {
            NativeStatus.Check(status);
            return new VideoFrameSource(handle, location);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static unsafe string BackendName(ImagingNative.CaptureInfo info)
    {
        var name = new ReadOnlySpan<byte>(info.Backend, 32);
        var end = name.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? name : name[..end]);
    }
}
