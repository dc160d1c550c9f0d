using System.Text.Json;
using FluentAssertions;
using Intake.Bench.PageGenerator;
using Intake.Imaging;
using Intake.Kiosk.Host.Tests.Cli;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Pipeline;

/// <summary>
/// The field cases about turning a page, run through the real `intake ocr`: a text block lying exactly on its
/// side (issue 9: deskew turned it by the 45° edge of its range and nothing was read) and an upright card back
/// that OSD calls upside down at low confidence (issue 10: turned 180°, CER 95 %), each with a generated variant.
/// </summary>
public sealed class TurnFieldCaseTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("intake-turns-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    /// <summary>
    /// Before the fix: deskew 45° at confidence 0.3, CER 100 %. Issue 9 asks for CER ≤ 1 %. 8 errors in its 856
    /// characters no reader avoids here: the page's canvas cuts off the ends of three words ("hầu", "được", "tích": 5
    /// errors) and the truth's "…" is printed as three dots (3), 0.93 %. A ninth, "phổ" for "phố" read from the
    /// binarised reading copy at word confidence 0.87 (1.05 %), is put right by the second look at weak words on the
    /// grey page (<c>WeakWordRereader</c>: "phố" at 0.96), as the tesseract CLI reads the grey page.
    /// </summary>
    [Fact]
    public async Task The_quarter_turned_page_is_read_upright_and_never_deskewed_by_45_degrees()
    {
        var (text, page) = await Ocr(Corpus.File("field-cases", "quarter-turn", "page-90.png"));
        var cer = CharacterErrorRate.Of(text, File.ReadAllText(Corpus.File("field-cases", "quarter-turn", "truth.txt")));
        log.WriteLine($"CER {cer:P2}; {page.GetProperty("cleanup")}");
        var cleanup = page.GetProperty("cleanup");
        cleanup.GetProperty("skew").GetProperty("rotated").GetBoolean().Should().BeFalse("a quarter turn is orientation's, not deskew's");
        cleanup.GetProperty("orientation").GetProperty("degrees").GetInt32().Should().Be(90);
        cer.Should().BeLessThanOrEqualTo(0.01);
    }

    [Fact]
    public async Task The_upright_card_back_is_not_turned_and_reads_within_3_percent()
    {
        var (text, page) = await Ocr(Corpus.File("field-cases", "card-back-upright", "back-an.png"));
        var cer = CharacterErrorRate.Of(text, File.ReadAllText(Corpus.File("field-cases", "card-back-upright", "truth.txt")));
        log.WriteLine($"CER {cer:P2}; {page.GetProperty("cleanup")}");
        page.GetProperty("cleanup").GetProperty("orientation").GetProperty("degrees").GetInt32().Should().Be(0);
        cer.Should().BeLessThanOrEqualTo(0.03);
    }

    /// <summary>Generated card backs of our own (other people, other wording, two typefaces), upright and upside down.</summary>
    [Theory]
    [InlineData("DejaVu Sans", 0)]
    [InlineData("DejaVu Sans", 180)]
    [InlineData("DejaVu Serif", 0)]
    [InlineData("DejaVu Serif", 180)]
    public async Task A_generated_card_back_is_set_upright_only_when_it_is_upside_down(string family, int turnedBy)
    {
        var (pdf, truth) = VietnamesePage.Compose(
        [
            "Đặc điểm nhân dạng / Personal identification:",
            "Sẹo chấm C:2cm trên trước đuôi mắt phải",
            "Ngày, tháng, năm / Date, month, year: 11/08/2022",
            "CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI",
            "IDVNM0870045127079087004512<<8",
            "8703140F3703146VNM<<<<<<<<<<<4",
            "TRAN<<THI<THANH<HUONG<<<<<<<<<",
        ], widthMm: 85.6, heightMm: 54, points: 7, marginMm: 4, family: family, blockWidthMm: 55);
        using var upright = VietnamesePage.Rasterise(pdf, 300);
        using var scanned = ScanDistortion.Apply(upright, turnedBy, seed: 77 + turnedBy, noise: 8, dustPerMillion: 5);
        var file = Path.Combine(_scratch, $"back-{family.Replace(' ', '-')}-{turnedBy}.png");
        File.WriteAllBytes(file, scanned.Encode(".png"));

        var (text, page) = await Ocr(file);
        var cer = CharacterErrorRate.Of(text, truth);
        var orientation = page.GetProperty("cleanup").GetProperty("orientation");
        log.WriteLine($"CER {cer:P2}; {orientation}");
        orientation.GetProperty("degrees").GetInt32().Should().Be((360 - turnedBy) % 360);
        cer.Should().BeLessThanOrEqualTo(0.03);
    }

    /// <summary>The text `intake ocr` wrote and its JSON report of the (single) page.</summary>
    private async Task<(string Text, JsonElement Page)> Ocr(string file)
    {
        var output = Directory.CreateDirectory(Path.Combine(_scratch, Path.GetFileNameWithoutExtension(file))).FullName;
        var run = await CliRun.Of("ocr", file, "--out", output, "--format", "text,json");
        run.ExitCode.Should().Be(0, run.Error);
        var stem = Path.Combine(output, Path.GetFileNameWithoutExtension(file));
        using var json = JsonDocument.Parse(File.ReadAllText(stem + ".json"));
        return (File.ReadAllText(stem + ".txt"), json.RootElement.GetProperty("pages")[0].Clone());
    }
}
