using FluentAssertions;
using Intake.Scanner.Camera;
using Xunit.Abstractions;

namespace Intake.Scanner.Tests.Camera;

public sealed class CaptureGateTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"intake-camera-{Guid.NewGuid():N}");

    [Fact]
    public async Task Each_part_of_the_story_is_judged_for_what_is_wrong_with_it()
    {
        var video = SyntheticCardVideo.Write(_folder, CardUnderCamera.Story());
        using var feed = RecordedCameraFeed.Open(video);
        var verdicts = new List<FrameAssessment>();
        await foreach (var frame in new CameraFrameLoop(feed, new CaptureGate()).RunAsync())
            using (frame)
            {
                verdicts.Add(frame.Assessment);
                log.WriteLine($"{frame.Number,3} {frame.Assessment.Problem,-10} conf {frame.Assessment.Quad?.Confidence:0.00} cover {frame.Assessment.Coverage:0.00} stable {frame.Assessment.StableFrames} sharp {frame.Assessment.Quality?.Sharpness:0.000} glare {frame.Assessment.Quality?.GlareFraction:0.0000}");
            }

        verdicts.Should().HaveCount(CardUnderCamera.FirstClearFrame + 12);
        verdicts.Take(CardUnderCamera.MovingFrames).Should().OnlyContain(v => v.Problem == CaptureProblem.Moving);
        verdicts.Skip(CardUnderCamera.MovingFrames).Take(CardUnderCamera.BlurredFrames).Should().OnlyContain(v => v.Problem == CaptureProblem.Blurred);
        verdicts.Skip(CardUnderCamera.MovingFrames + CardUnderCamera.BlurredFrames).Take(CardUnderCamera.GlareFrames).Should().OnlyContain(v => v.Problem == CaptureProblem.Glare);
        verdicts.Skip(CardUnderCamera.FirstClearFrame).Should().OnlyContain(v => v.IsAcceptable);
        verdicts.Should().OnlyContain(v => v.Quad != null && v.Coverage > 0.2 && v.Coverage < 0.6);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
