using FluentAssertions;
using Intake.Scanner.Camera;

namespace Intake.Scanner.Tests.Camera;

public sealed class CameraFrameLoopTests
{
    [Fact]
    public async Task A_slow_preview_of_a_live_camera_skips_stale_frames_instead_of_queueing_them()
    {
        using var feed = new StubLiveCameraFeed(new SyntheticFrame(CardUnderCamera.Held));
        var numbers = new List<int>();
        await foreach (var frame in new CameraFrameLoop(feed, new CaptureGate()).RunAsync())
            using (frame)
            {
                numbers.Add(frame.Number);
                await Task.Delay(200);
                if (numbers.Count == 4) break;
            }

        numbers.Should().BeInAscendingOrder();
        numbers.Zip(numbers.Skip(1), (a, b) => b - a).Should().OnlyContain(gap => gap > 1, "the camera kept delivering while the preview was busy");
    }
}
