using System.Text.Json;
using FluentAssertions;
using Intake.Bench.PageGenerator;
using Intake.Kiosk.Host.Tests.Cli;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>
/// Field case `png-alpha/` (tesseract-ocr/tesseract#369): a page whose paper is transparent is laid on white at
/// decode, for every way a file can be transparent, so its text is read, it is not "blank", and the archived page
/// is not black.
/// </summary>
public sealed class PngAlphaTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-png-alpha-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_field_case_pages_are_read_not_blank_and_archived_on_white()
    {
        string[] inputs = [FieldCase.File("png-alpha", "rgba-transparent.png"), FieldCase.File("png-alpha", "graya-transparent.png")];
        var ocrDir = Path.Combine(_folder.FullName, "ocr");

        var ocr = await CliRun.Of(["ocr", .. inputs, "--out", ocrDir, "--format", "text,json"]);

        ocr.ExitCode.Should().Be(0, ocr.Error);
        foreach (var input in inputs)
        {
            var stem = Path.Combine(ocrDir, Path.GetFileNameWithoutExtension(input));
            var cer = CharacterErrorRate.Of(File.ReadAllText(stem + ".txt"), FieldCase.Truth("png-alpha"));
            log.WriteLine($"{Path.GetFileName(input)}: CER {cer:P2}");
            cer.Should().BeLessThanOrEqualTo(0.02);
            using var json = JsonDocument.Parse(File.ReadAllBytes(stem + ".json"));
            json.RootElement.GetProperty("pages")[0].GetProperty("cleanup").GetProperty("blank").GetProperty("isBlank").GetBoolean()
                .Should().BeFalse("a transparent page laid on white still carries its text");
        }

        var outDir = Path.Combine(_folder.FullName, "dossier");
        var (run, dossier) = await FieldCase.Process(outDir, inputs);

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        FieldCase.FailedChecks(dossier!.Value).Should().NotContain(c => c.Name == "page.blank");
        var pdf = Path.Combine(outDir, "dossier.pdf");
        for (var page = 1; page <= 2; page++)
            FieldCase.MeanBrightness(pdf, page).Should().BeGreaterThan(200, $"archived page {page} is white paper with text, not black");
        ExternalTool.Run("pdftotext", pdf, "-").Should().Contain("Lê Thị Ánh Tuyết");
    }

    [Fact]
    public async Task Every_alpha_layout_is_laid_on_white_in_png_and_tiff()
    {
        // other text, a smaller page and another resolution than the field case
        var (pdf, truth) = VietnamesePage.Compose(
            ["GIẤY BIÊN NHẬN HỒ SƠ", "Ông/bà Trịnh Văn Quyết đã nộp hồ sơ đăng ký thường trú tại phường Tân Định.", "Ngày hẹn trả kết quả: 14 tháng 11 năm 2025. Lệ phí: miễn."],
            widthMm: 148, heightMm: 210, points: 13, marginMm: 15);
        using var page = VietnamesePage.Rasterise(pdf, 200);
        var grey = FieldCase.GreyPixels(page);
        var inputs = new List<string>();
        foreach (var kind in Enum.GetValues<PngAlphaKind>())
        {
            var path = Path.Combine(_folder.FullName, $"{kind}.png");
            File.WriteAllBytes(path, TransparentPng.Encode(grey, page.Width, page.Height, kind, 200));
            inputs.Add(path);
        }

        // an RGBA TIFF with unassociated alpha, black under its transparent paper
        var rgba = new byte[grey.Length * 4];
        for (var i = 0; i < grey.Length; i++) rgba[i * 4 + 3] = (byte)(255 - grey[i]);
        var tiff = Path.Combine(_folder.FullName, "rgba.tif");
        File.WriteAllBytes(tiff, TiffWriter.Write([new TiffImage(page.Width, page.Height, 4, rgba, 200)]));
        inputs.Add(tiff);
        var outDir = Path.Combine(_folder.FullName, "ocr");

        var run = await CliRun.Of(["ocr", .. inputs, "--out", outDir]);

        run.ExitCode.Should().Be(0, run.Error);
        foreach (var input in inputs)
        {
            var cer = CharacterErrorRate.Of(File.ReadAllText(Path.Combine(outDir, Path.GetFileNameWithoutExtension(input) + ".txt")), truth);
            log.WriteLine($"{Path.GetFileName(input)}: CER {cer:P2}");
            cer.Should().BeLessThanOrEqualTo(0.02, Path.GetFileName(input));
        }
    }
}
