using FluentAssertions;
using Intake.Imaging;
using Intake.Scanner.Camera;

namespace Intake.Scanner.Tests.Camera;

public sealed class CameraScannerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"intake-camera-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_scan_gives_one_flattened_page_whose_dpi_comes_from_the_card_size()
    {
        var video = SyntheticCardVideo.Write(_folder, CardUnderCamera.Story());
        var scanner = CameraScanner.ForRecording(video);

        var pages = await Collect(scanner.ScanAsync(new ScanRequest(Dpi: 300)));

        using var page = pages.Should().ContainSingle().Subject;
        page.Number.Should().Be(1);
        page.Source.Should().Be($"recording:{video}");
        page.Image.Channels.Should().Be(3);
        // 85.6 mm across the card's width: about 420 px in the frame is about 125 dpi, not the 300 asked for.
        page.Image.DpiX.Should().BeApproximately(page.Image.Width * 25.4 / 85.6, 0.5);
        page.Image.DpiY.Should().BeApproximately(page.Image.Height * 25.4 / 54.0, 0.5 + page.Image.DpiX * 0.03);
        page.Image.DpiX.Should().BeInRange(100, 160);
    }

    [Fact]
    public async Task Grey_mode_gives_a_grey_page()
    {
        var video = SyntheticCardVideo.Write(_folder, CardUnderCamera.Story(clearFrames: 4));

        var pages = await Collect(CameraScanner.ForRecording(video).ScanAsync(new ScanRequest(Mode: ColorMode.Gray)));

        using var page = pages.Single();
        page.Image.Channels.Should().Be(1);
    }

    [Fact]
    public async Task The_preview_sees_every_frame_with_the_hint_for_the_citizen()
    {
        var video = SyntheticCardVideo.Write(_folder, CardUnderCamera.Story(clearFrames: 6));
        var hints = new List<string>();
        var scanner = CameraScanner.ForRecording(video, new CameraScannerOptions { Preview = frame => hints.Add(frame.Assessment.Hint) });

        using var capture = await scanner.CaptureAsync();

        hints.Should().Contain(CaptureProblemText.Describe(CaptureProblem.Blurred));
        hints.Should().Contain(CaptureProblemText.Describe(CaptureProblem.Glare));
        hints.Should().HaveCount(capture.FrameNumber + 1, "capture is decided after three good frames; the sharpest was the second");
    }

    [Fact]
    public async Task A_card_never_in_focus_is_never_captured_and_the_message_says_why()
    {
        var video = SyntheticCardVideo.Write(_folder, CardUnderCamera.NeverSharp());

        var act = () => Collect(CameraScanner.ForRecording(video).ScanAsync(new ScanRequest()));

        (await act.Should().ThrowAsync<CameraException>())
            .Which.Message.Should().StartWith("Không chụp được").And.Contain("blurred");
    }

    [Fact]
    public async Task A_live_camera_that_shows_nothing_usable_gives_up_after_its_timeout()
    {
        var scanner = new CameraScanner("camera:stub", () => new StubLiveCameraFeed(new SyntheticFrame(null)),
            new CameraScannerOptions { Timeout = TimeSpan.FromMilliseconds(300) });

        var act = () => Collect(scanner.ScanAsync(new ScanRequest()));

        (await act.Should().ThrowAsync<CameraException>()).Which.Message.Should().Contain("place the document in view");
    }

    [Fact]
    public async Task Cancelling_a_live_scan_stops_it()
    {
        var scanner = new CameraScanner("camera:stub", () => new StubLiveCameraFeed(new SyntheticFrame(null)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => Collect(scanner.ScanAsync(new ScanRequest(), cancel.Token));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void A_missing_camera_is_reported_as_such_not_a_hang()
    {
        var act = () => LiveCameraFeed.Open("/dev/video-intake-missing");

        act.Should().Throw<CameraException>().Which.Message.Should().StartWith("Không mở được máy ảnh").And.Contain("/dev/video-intake-missing");
    }

    [Fact]
    public void A_missing_recording_is_an_imaging_error()
    {
        var act = () => RecordedCameraFeed.Open(Path.Combine(_folder, "nothing%03d.png"));

        act.Should().Throw<ImagingException>().Which.Error.Should().Be(ImagingError.Io);
    }

    private static async Task<List<ScannedPage>> Collect(IAsyncEnumerable<ScannedPage> pages)
    {
        var list = new List<ScannedPage>();
        await foreach (var page in pages) list.Add(page);
        return list;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
