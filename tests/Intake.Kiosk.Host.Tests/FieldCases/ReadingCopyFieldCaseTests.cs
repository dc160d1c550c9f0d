using System.Text.Json;
using FluentAssertions;
using Intake.Bench.PageGenerator;
using Intake.Imaging;
using Intake.Kiosk.Host.Tests.Cli;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>
/// Field cases `low-resolution/` (tesseract-ocr/tesseract#161) and `inverted-header/` (tesseract-ocr/tesseract#4086)
/// through the real commands: small print is read from an enlarged reading copy (the clean page stays at its own
/// size), a page still too coarse to read well says so (a warning from `intake ocr`, a failed check from `intake
/// process`), and white text on a dark bar is read once inverted. Generated variants: other text, typefaces, sizes,
/// resolutions and bar shades.
/// </summary>
public sealed class ReadingCopyFieldCaseTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-reading-copy-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_150_dpi_notice_is_read_enlarged_and_kept_as_scanned()
    {
        var input = FieldCase.File("low-resolution", "notice-150.png");

        var (ocr, text, page) = await Ocr(input);

        CharacterErrorRate.Of(text, FieldCase.Truth("low-resolution")).Should().BeLessThanOrEqualTo(0.015);
        var reading = page.GetProperty("cleanup").GetProperty("reading");
        reading.GetProperty("factor").GetDouble().Should().BeGreaterThanOrEqualTo(1.5, "6-pt lines at 150 dpi are too small for Tesseract");
        (page.GetProperty("width").GetInt32(), page.GetProperty("height").GetInt32()).Should().Be((1240, 1754), "boxes and the clean page are the scan's own pixels");
        page.GetProperty("words").EnumerateArray().Max(w => w.GetProperty("box")[0].GetInt32() + w.GetProperty("box")[2].GetInt32()).Should().BeLessThanOrEqualTo(1240);
        ocr.Error.Should().NotContain("quá thô", "enlarged, the page reads well");

        var (run, dossier) = await FieldCase.Process(Path.Combine(_folder.FullName, "dossier"), input);
        run.ExitCode.Should().Be(0, run.Error);
        FieldCase.FailedChecks(dossier!.Value).Should().NotContain(c => c.Name == "ocr.resolution");
        dossier.Value.GetProperty("pages")[0].GetProperty("width").GetInt32().Should().Be(1240, "the archived page stays as scanned");
    }

    [Theory]
    [InlineData("DejaVu Serif", 8, 120, 0.03)]
    [InlineData("DejaVu Sans", 7, 150, 0.03)]
    [InlineData("DejaVu Sans", 6, 160, 0.03)]
    public async Task Generated_small_print_is_read_through_ocr(string family, double points, int dpi, double maxCer)
    {
        var (pdf, truth) = VietnamesePage.Compose(
            ["Thông báo về việc thu phí vệ sinh môi trường năm 2026 đối với các hộ kinh doanh trên địa bàn phường Tân Định.",
             "Mức thu: hộ kinh doanh ăn uống 120.000 đồng mỗi tháng; hộ kinh doanh khác 60.000 đồng mỗi tháng.",
             "Người nộp phí mang theo biên lai của kỳ trước khi đến Bộ phận một cửa."],
            widthMm: 148, heightMm: 105, points: points, marginMm: 10, family: family);
        var input = Write($"small-{points}pt-{dpi}.png", pdf, dpi);

        var (_, text, page) = await Ocr(input);

        var cer = CharacterErrorRate.Of(text, truth);
        log.WriteLine($"{family} {points} pt at {dpi} dpi: factor {page.GetProperty("cleanup").GetProperty("reading").GetProperty("factor").GetDouble()}, CER {cer:P2}");
        page.GetProperty("cleanup").GetProperty("reading").GetProperty("factor").GetDouble().Should().BeGreaterThan(1);
        cer.Should().BeLessThanOrEqualTo(maxCer);
    }

    [Fact]
    public async Task A_page_too_coarse_to_read_well_says_so_through_both_commands()
    {
        var (pdf, _) = VietnamesePage.Compose(["Biên bản bàn giao hồ sơ lưu trữ của phường Đa Kao cho Trung tâm lưu trữ quận."], 148, 105, points: 6, marginMm: 10);
        var input = Write("coarse.png", pdf, 60);

        var (ocr, text, page) = await Ocr(input);
        log.WriteLine($"{page.GetProperty("cleanup")}\n{text}");
        ocr.Error.Should().Contain("Trang quét quá thô").And.Contain("The scan is too coarse").And.Contain("coarse.png");

        var (run, dossier) = await FieldCase.Process(Path.Combine(_folder.FullName, "dossier"), input);
        run.ExitCode.Should().Be(0, run.Error);
        FieldCase.FailedChecks(dossier!.Value).Should().Contain(c => c.Name == "ocr.resolution" && c.Message.StartsWith("Trang 1: Trang quét quá thô", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_field_case_title_bar_is_read_and_nothing_unread_is_passed_off_as_text()
    {
        var (_, text, page) = await Ocr(FieldCase.File("inverted-header", "header-bar.png"));

        var cer = CharacterErrorRate.Of(text, FieldCase.Truth("inverted-header"));
        log.WriteLine($"CER {cer:P2}\n{text}");
        page.GetProperty("cleanup").GetProperty("reading").GetProperty("invertedBars").GetInt32().Should().Be(1);
        Folded(text).Should().Contain("UY BAN NHAN DAN PHUONG BEN NGHE").And.Contain("PHIEU TIEP NHAN HO SO VA HEN TRA KET QUA");
        cer.Should().BeLessThanOrEqualTo(0.03);
        page.GetProperty("meanConfidence").GetDouble().Should().BeGreaterThan(0.8, "the bar no longer reads as garbage");
    }

    [Theory]
    [InlineData("DejaVu Serif", 16, 200, 25)]
    [InlineData("DejaVu Sans", 12, 300, 60)]
    public async Task Generated_bars_of_other_shades_sizes_and_typefaces_are_read(string family, double points, int dpi, int darkness)
    {
        var (pdf, _) = VietnamesePage.Compose(
            ["SỞ TƯ PHÁP THÀNH PHỐ", "Nội dung thông báo gửi các phòng ban trong tuần này.", "", "", "DANH MỤC GIẤY TỜ CẦN NỘP", "Bản sao giấy khai sinh và sổ hộ khẩu."],
            points: points, family: family);
        using var plain = VietnamesePage.Rasterise(pdf, dpi);
        var grey = FieldCase.GreyPixels(plain);
        var (width, height) = (plain.Width, plain.Height);
        ReadingCopyHelperTests.Bar(grey, width, ReadingCopyHelperTests.RowsOf(grey, width, height, fromEnd: false, 0), 0, width, darkness);
        ReadingCopyHelperTests.Bar(grey, width, ReadingCopyHelperTests.RowsOf(grey, width, height, fromEnd: true, 1), width / 20, width * 9 / 10, darkness + 30);
        using var barred = Image.FromPixels(grey, width, height, 1, width, dpi, dpi);
        var input = Path.Combine(_folder.FullName, $"bars-{dpi}.png");
        File.WriteAllBytes(input, barred.Encode(".png"));

        var (_, text, page) = await Ocr(input);

        log.WriteLine(text);
        page.GetProperty("cleanup").GetProperty("reading").GetProperty("invertedBars").GetInt32().Should().Be(2);
        Folded(text).Should().Contain("SO TU PHAP THANH PHO").And.Contain("DANH MUC GIAY TO CAN NOP");
    }

    /// <summary>`intake ocr INPUT --out DIR --format text,json`: the run, the text and the JSON's one page.</summary>
    private async Task<(CliRun Run, string Text, JsonElement Page)> Ocr(string input)
    {
        var outDir = Path.Combine(_folder.FullName, "ocr-" + Path.GetFileNameWithoutExtension(input));
        var run = await CliRun.Of(["ocr", input, "--out", outDir, "--format", "text,json"]);
        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        var stem = Path.Combine(outDir, Path.GetFileNameWithoutExtension(input));
        using var json = JsonDocument.Parse(File.ReadAllBytes(stem + ".json"));
        return (run, File.ReadAllText(stem + ".txt"), json.RootElement.GetProperty("pages")[0].Clone());
    }

    private string Write(string name, byte[] pdf, int dpi)
    {
        using var page = VietnamesePage.Rasterise(pdf, dpi);
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, page.Encode(".png"));
        return path;
    }

    private static string Folded(string text) => Intake.Dossiers.Text.VietnameseText.SearchKey(text);
}
