using System.Diagnostics;
using Intake.Imaging;
using Intake.Imaging.Video;

namespace Intake.Scanner.Camera;

/// <summary>
/// A recording standing in for the physical camera: a video file or an image sequence ("frame%03d.png").
/// Tests feed synthetic videos through it, and a technician can replay a citizen's session. By default
/// frames come as fast as they are consumed; <c>realTime</c> paces them at the recording's frame rate.
/// </summary>
public sealed class RecordedCameraFeed : ICameraFeed
{
    private readonly VideoFrameSource _source;
    private readonly TimeSpan _frameInterval;
    private readonly Stopwatch _clock = new();
    private int _delivered;

    private RecordedCameraFeed(VideoFrameSource source, bool realTime)
    {
        _source = source;
        _frameInterval = realTime && source.FramesPerSecond > 0 ? TimeSpan.FromSeconds(1 / source.FramesPerSecond) : TimeSpan.Zero;
    }

    public string Name => $"recording:{_source.Location}";

    public bool IsLive => false;

    public int? FrameCount => _source.FrameCount;

    public static RecordedCameraFeed Open(string path, bool realTime = false) => new(VideoFrameSource.OpenRecording(path), realTime);

    public Image? ReadFrame()
    {
        if (_frameInterval > TimeSpan.Zero)
        {
            if (!_clock.IsRunning) _clock.Start();
            var due = _frameInterval * _delivered - _clock.Elapsed;
            if (due > TimeSpan.Zero) Thread.Sleep(due);
        }
        var frame = _source.ReadFrame();
        if (frame is not null) _delivered++;
        return frame;
    }

    public void Dispose() => _source.Dispose();
}
