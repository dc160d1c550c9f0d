using FluentAssertions;
using Intake.Imaging.Cleanup;
using Intake.Scanner.Camera;

namespace Intake.Scanner.Tests.Camera;

public sealed class AutoCaptureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"intake-camera-{Guid.NewGuid():N}");

    [Fact]
    public async Task Exactly_one_sharp_straight_capture_comes_out_of_the_story()
    {
        var video = SyntheticCardVideo.Write(_folder, CardUnderCamera.Story(clearFrames: 12));
        var gate = new CaptureGate();
        using var autoCapture = new AutoCapture(gate.Settings);
        using var feed = RecordedCameraFeed.Open(video);
        var captures = new List<CameraCapture>();
        await foreach (var frame in new CameraFrameLoop(feed, gate).RunAsync())
            using (frame)
                if (autoCapture.Offer(frame) is { } capture)
                    captures.Add(capture);
        if (autoCapture.Finish() is { } last) captures.Add(last);

        captures.Should().ContainSingle("the card stays in view after it is captured, and must not be captured again");
        using var only = captures[0];
        // Not a moving, blurred or glaring frame, and not the soft first clear one when sharper ones follow.
        only.FrameNumber.Should().BeGreaterThan(CardUnderCamera.FirstClearFrame + 1);
        only.Quality.Sharpness.Should().BeGreaterThan(gate.Settings.MinSharpness);
        CaptureQuality.Measure(only.Document).Sharpness.Should().BeGreaterThan(0.6);
        ((double)only.Document.Width / only.Document.Height).Should().BeApproximately(SyntheticCard.AspectRatio, SyntheticCard.AspectRatio * 0.03);
        // Straight: the card was turned 4 degrees and tilted in the frame; its text lines are level after the warp.
        var skew = new Deskewer().Measure(only.Document);
        Math.Abs(skew.Degrees).Should().BeLessThan(1.0);
    }

    [Fact]
    public async Task A_document_that_leaves_and_comes_back_is_captured_again()
    {
        var story = CardUnderCamera.Story(clearFrames: 5).ToList();
        story.AddRange(Enumerable.Repeat(new SyntheticFrame(null), 4));
        story.AddRange(Enumerable.Repeat(new SyntheticFrame(CardUnderCamera.Held), 6));
        var video = SyntheticCardVideo.Write(_folder, story);
        var gate = new CaptureGate();
        using var autoCapture = new AutoCapture(gate.Settings);
        using var feed = RecordedCameraFeed.Open(video);
        var captured = 0;
        await foreach (var frame in new CameraFrameLoop(feed, gate).RunAsync())
            using (frame)
                using (var capture = autoCapture.Offer(frame))
                    captured += capture is null ? 0 : 1;

        captured.Should().Be(2);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
