using System.Text.Json;
using FluentAssertions;
using Intake.Imaging;
using Intake.TestSupport;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Cli;

[Collection(SaneCliGroup.Name)]
public sealed class ScanVerbTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("intake-scan-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Writes_the_feeder_pages_as_numbered_pngs_with_their_dpi()
    {
        var run = await CliRun.Of("scan", "--device", "test:0", "--source", "adf", "--dpi", "50", "--mode", "gray", "--out", _scratch);

        run.ExitCode.Should().Be(0, run.Error);
        var files = Directory.GetFiles(_scratch).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        // The test backend's feeder holds ten sheets.
        files.Should().Equal(Enumerable.Range(1, 10).Select(n => $"page-{n:000}.png"));
        using var first = ImageSource.Open(Path.Combine(_scratch, "page-001.png"));
        first.Pages[0].DpiX.Should().BeApproximately(50, 0.5);
        using var image = first.Decode();
        image.Channels.Should().Be(1);
        run.Output.Should().Contain("page-010.png").And.Contain("scanned 10 page(s)");
    }

    [Fact]
    public async Task A_flatbed_scan_in_colour_gives_one_page()
    {
        var run = await CliRun.Of("scan", "--device", "test:0", "--dpi", "75", "--out", _scratch);

        run.ExitCode.Should().Be(0, run.Error);
        var file = Directory.GetFiles(_scratch).Should().ContainSingle().Subject;
        using var source = ImageSource.Open(file);
        source.Pages[0].DpiY.Should().BeApproximately(75, 0.5);
        using var image = source.Decode();
        image.Channels.Should().Be(3);
    }

    [Fact]
    public async Task A_replay_folder_scans_like_a_feeder()
    {
        var pages = Path.Combine(_scratch, "in");
        Directory.CreateDirectory(pages);
        for (var i = 0; i < 3; i++)
        {
            using var image = Image.FromPixels(Enumerable.Repeat((byte)(60 * i), 40 * 30).ToArray(), 40, 30, 1, 40, 0, 0);
            File.WriteAllBytes(Path.Combine(pages, $"{i}.png"), image.Encode(".png"));
        }
        var output = Path.Combine(_scratch, "out");

        var run = await CliRun.Of("scan", "--device", $"replay:{pages}", "--source", "adf", "--dpi", "200", "--out", output);

        run.ExitCode.Should().Be(0, run.Error);
        Directory.GetFiles(output).Should().HaveCount(3);
        using var first = ImageSource.Open(Path.Combine(output, "page-001.png"));
        first.Pages[0].DpiX.Should().BeApproximately(200, 0.5, "a replayed file without dpi takes the requested one");
    }

    [Fact]
    public async Task With_process_a_replayed_pdf_becomes_pages_and_a_dossier_beside_them()
    {
        var pdf = Corpus.File("ocrmypdf", "cardinal.pdf");

        var run = await CliRun.Of("scan", "--device", $"replay:{pdf}", "--dpi", "100", "--out", _scratch,
            "--process", "--procedure", "1.001193", "--operator", "Lê Thị Hồng", "--kiosk", "K07");

        run.ExitCode.Should().Be(0, run.Error);
        File.Exists(Path.Combine(_scratch, "page-001.png")).Should().BeTrue("a flatbed request replays the PDF's first page");
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_scratch, "dossier", "dossier.json")));
        var root = json.RootElement;
        root.GetProperty("code").GetString().Should().StartWith("K07");
        root.GetProperty("operator").GetString().Should().Be("Lê Thị Hồng");
        root.GetProperty("procedure").GetProperty("code").GetString().Should().Be("1.001193");
        root.GetProperty("pages").GetArrayLength().Should().Be(1);
        File.Exists(Path.Combine(_scratch, "dossier", "dossier.pdf")).Should().BeTrue();
        run.Output.Should().Contain("scanned 1 page(s)").And.Contain("dossier K07");
    }

    [Fact]
    public async Task Dossier_options_without_process_are_a_usage_error()
    {
        var run = await CliRun.Of("scan", "--device", "test:0", "--out", _scratch, "--procedure", "1.001193");

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("--procedure").And.Contain("--process");
        Directory.GetFiles(_scratch).Should().BeEmpty();
    }

    [Fact]
    public async Task A_replayed_file_that_is_not_a_pdf_is_one_line_naming_it()
    {
        var fake = Path.Combine(_scratch, "scan.pdf");
        File.WriteAllText(fake, "not a PDF");

        var run = await CliRun.Of("scan", "--device", $"replay:{fake}", "--source", "adf", "--out", Path.Combine(_scratch, "out"), "--process");

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith("intake: không đọc được PDF / cannot read the PDF").And.Contain(fake);
        Directory.Exists(Path.Combine(_scratch, "out", "dossier")).Should().BeFalse();
    }

    [Theory]
    [InlineData("nothing:9", "Không tìm thấy máy quét")]
    [InlineData("camera:/dev/video-intake-missing", "Không mở được máy ảnh")]
    [InlineData("replay:/intake-no-such-folder", "Không tìm thấy thư mục phát lại")]
    public async Task A_device_that_is_not_there_is_one_clear_line_and_exit_2(string device, string vietnamese)
    {
        var run = await CliRun.Of("scan", "--device", device, "--out", _scratch);

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith($"intake: {vietnamese}");
        Directory.GetFiles(_scratch).Should().BeEmpty();
    }

    [Theory]
    [InlineData("--source", "tray")]
    [InlineData("--mode", "sepia")]
    [InlineData("--dpi", "5")]
    public async Task A_bad_option_value_is_one_usage_line_and_exit_2(string option, string value)
    {
        var run = await CliRun.Of("scan", "--device", "test:0", option, value, "--out", _scratch);

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(value);
    }

    [Fact]
    public async Task Without_an_output_folder_nothing_is_scanned()
    {
        var run = await CliRun.Of("scan", "--device", "test:0");

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("--out");
    }

    [Fact]
    public async Task An_empty_feeder_says_so()
    {
        var run = await CliRun.Of("scan", "--device", $"replay:{_scratch}", "--source", "adf", "--out", Path.Combine(_scratch, "out"));

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith("intake: Không có trang nào để phát lại");
    }
}
