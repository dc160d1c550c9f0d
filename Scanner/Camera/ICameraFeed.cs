using Intake.Imaging;

namespace Intake.Scanner.Camera;

/// <summary>
/// Where camera frames come from: the kiosk's camera (<see cref="LiveCameraFeed"/>) or a recording played
/// in its place (<see cref="RecordedCameraFeed"/>). Used by one thread at a time.
/// </summary>
public interface ICameraFeed : IDisposable
{
    /// <summary>For logs and <see cref="ScannedPage.Source"/>, e.g. "camera:/dev/video0".</summary>
    string Name { get; }

    /// <summary>A live camera cannot wait for a slow consumer: its stale frames are dropped. A recording can.</summary>
    bool IsLive { get; }

    /// <summary>The next frame, blocking until it is there; null when a recording has ended.</summary>
    Image? ReadFrame();
}
