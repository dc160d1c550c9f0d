using Intake.Imaging;
using Intake.Scanner.Camera;

namespace Intake.Scanner.Tests.Camera;

/// <summary>Stands in for a live camera: the same rendered frame over and over at about 30 frames a second, never ending.</summary>
internal sealed class StubLiveCameraFeed(SyntheticFrame shows) : ICameraFeed
{
    private readonly byte[] _pixels = SyntheticCardVideo.Render(shows);

    public int FramesRead { get; private set; }

    public string Name => "camera:stub";

    public bool IsLive => true;

    public Image? ReadFrame()
    {
        Thread.Sleep(33);
        FramesRead++;
        return Image.FromPixels(_pixels, SyntheticCardVideo.FrameWidth, SyntheticCardVideo.FrameHeight, 3, SyntheticCardVideo.FrameWidth * 3, 0, 0);
    }

    public void Dispose()
    {
    }
}
