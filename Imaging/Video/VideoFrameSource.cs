using OpenCvSharp;

namespace Intake.Imaging.Video;

/// <summary>
/// Frames from a live V4L2 camera or from a recording of one (a video file, or an image sequence named by a printf
/// pattern such as "frame%03d.png"), decoded by OpenCV's videoio through OpenCvSharp's <see cref="VideoCapture"/>.
/// Frames are 8-bit BGR or grey with dpi 0. Use from one thread at a time; <see cref="ReadFrame"/> blocks until the
/// camera delivers. Disposing closes the device.
/// </summary>
public sealed class VideoFrameSource : IDisposable
{
    private readonly VideoCapture _capture;

    // Backends may hand back their own buffer, overwritten by the next read: frames are copied out of it.
    private readonly Mat _buffer = new();

    private VideoFrameSource(VideoCapture capture, string location, bool isLive)
    {
        _capture = capture;
        Location = location;
        IsLive = isLive;
        Width = (int)capture.Get(VideoCaptureProperties.FrameWidth);
        Height = (int)capture.Get(VideoCaptureProperties.FrameHeight);
        var fps = capture.Get(VideoCaptureProperties.Fps);
        FramesPerSecond = fps is > 0 and < 1000 ? fps : 0;
        var count = capture.Get(VideoCaptureProperties.FrameCount);
        FrameCount = isLive || !(count > 0) ? null : (int)count;
        Backend = capture.GetBackendName();
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
        // V4L2 only: with CAP_ANY a path under /dev could be handed to FFmpeg or GStreamer, which would treat the node as
        // a file and block.
        return Opened(() =>
        {
            var capture = new VideoCapture(devicePath, VideoCaptureAPIs.V4L2);
            if (capture.IsOpened() && width > 0 && height > 0)
            {
                capture.Set(VideoCaptureProperties.FrameWidth, width);
                capture.Set(VideoCaptureProperties.FrameHeight, height);
            }
            return capture;
        }, devicePath, isLive: true);
    }

    /// <summary>Opens a video file or an image-sequence pattern.</summary>
    public static VideoFrameSource OpenRecording(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // A printf pattern is an image sequence; asking for that backend by name keeps FFmpeg from trying (and logging) first.
        var sequence = path.Contains('%', StringComparison.Ordinal);
        return Opened(() => new VideoCapture(path, sequence ? VideoCaptureAPIs.IMAGES : VideoCaptureAPIs.ANY), path, isLive: false);
    }

    /// <summary>The next frame, or null at the end of a recording. A camera that stops delivering throws.</summary>
    public Image? ReadFrame()
    {
        return ImagingFailure.Guard(() =>
        {
            if (!_capture.Read(_buffer) || _buffer.Empty())
            {
                if (IsLive) throw new ImagingException(ImagingError.Io, "the camera delivered no frame");
                return null; // the end of the recording
            }
            return new Image(ToIntakePixels(_buffer), 0, 0);
        });
    }

    public void Dispose()
    {
        try
        {
            _capture.Release();
        }
        catch (OpenCVException)
        {
            // Closing a camera that vanished can throw inside the backend; the memory is freed regardless.
        }
        _capture.Dispose();
        _buffer.Dispose();
    }

    /// <summary>Our images are 8-bit grey or 8-bit BGR, whatever the camera or the file delivered.</summary>
    private static Mat ToIntakePixels(Mat frame)
    {
        using var eight = frame.Depth() == MatType.CV_8U ? Image.Share(frame)
            : frame.Depth() == MatType.CV_16U ? Converted(frame)
            : throw new ImagingException(ImagingError.Format, $"unsupported frame depth {frame.Depth()}");
        switch (eight.Channels())
        {
            case 1:
            case 3:
                return eight.Clone();
            case 4:
                var bgr = new Mat();
                Cv2.CvtColor(eight, bgr, ColorConversionCodes.BGRA2BGR);
                return bgr;
            default:
                throw new ImagingException(ImagingError.Format, $"unsupported frame with {eight.Channels()} channels");
        }
    }

    private static Mat Converted(Mat frame)
    {
        var eight = new Mat();
        frame.ConvertTo(eight, MatType.CV_8U, 1.0 / 257.0);
        return eight;
    }

    private static VideoFrameSource Opened(Func<VideoCapture> open, string location, bool isLive)
    {
        var capture = ImagingFailure.Guard(open);
        try
        {
            if (!capture.IsOpened()) throw new ImagingException(ImagingError.Io, $"cannot open {(isLive ? "camera" : "recording")} {location}");
            return new VideoFrameSource(capture, location, isLive);
        }
        catch
        {
            capture.Dispose();
            throw;
        }
    }
}
