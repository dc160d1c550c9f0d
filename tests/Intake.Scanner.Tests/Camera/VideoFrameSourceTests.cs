using FluentAssertions;
using Intake.Imaging.Video;

namespace Intake.Scanner.Tests.Camera;

public sealed class VideoFrameSourceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"intake-camera-{Guid.NewGuid():N}");

    [Fact]
    public void An_image_sequence_plays_as_a_recording_and_ends()
    {
        var video = SyntheticCardVideo.Write(_folder, [new SyntheticFrame(CardUnderCamera.Held), new SyntheticFrame(null), new SyntheticFrame(CardUnderCamera.Held, Glare: true)]);

        using var source = VideoFrameSource.OpenRecording(video);

        source.IsLive.Should().BeFalse();
        source.Backend.Should().Be("CV_IMAGES");
        var frames = 0;
        while (source.ReadFrame() is { } frame)
            using (frame)
            {
                frames++;
                (frame.Width, frame.Height, frame.Channels).Should().Be((SyntheticCardVideo.FrameWidth, SyntheticCardVideo.FrameHeight, 3));
                frame.DpiX.Should().Be(0);
            }
        frames.Should().Be(3);
        source.ReadFrame().Should().BeNull("a recording stays ended");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
