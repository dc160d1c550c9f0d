using FluentAssertions;
using Intake.Scanner.Camera;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Cli;

[Collection(SaneCliGroup.Name)]
public sealed class DevicesVerbTests
{
    [Fact]
    public async Task Lists_the_test_scanner_with_its_sources_resolutions_and_modes()
    {
        var run = await CliRun.Of("devices");

        run.ExitCode.Should().Be(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        lines.Should().Contain("Máy quét / scanners:");
        lines.Should().Contain("test:0  Noname frontend-tester (virtual device)");
        lines.Should().Contain("nguồn giấy / sources: Flatbed, Automatic Document Feeder");
        lines.Should().Contain(l => l.StartsWith("độ phân giải / resolutions (dpi): 1–1200", StringComparison.Ordinal));
        lines.Should().Contain("chế độ màu / modes: Gray, Color");
    }

    [Fact]
    public async Task Lists_every_video_node_under_cameras()
    {
        var run = await CliRun.Of("devices");

        run.ExitCode.Should().Be(0, run.Error);
        var cameras = run.Output[run.Output.IndexOf("Máy ảnh / cameras:", StringComparison.Ordinal)..];
        var nodes = CameraProbe.DeviceNodes();
        if (nodes.Count == 0) cameras.Should().Contain("(không có / none)");
        foreach (var node in nodes) cameras.Should().Contain(node);
    }
}
