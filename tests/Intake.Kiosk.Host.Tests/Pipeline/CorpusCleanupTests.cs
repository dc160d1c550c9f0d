using FluentAssertions;
using Intake.Bench.PageGenerator;
using Intake.Imaging;
using Intake.Kiosk.Host.Reading;
using Intake.Pipeline;
using Intake.Pipeline.Reports;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Pipeline;

/// <summary>
/// Issue 3's acceptance cases on the shared corpus, through the whole cleanup pipeline. Angles are
/// the counter-clockwise corrections Image.Rotate takes (see Imaging's DeskewerTests for the signs).
/// </summary>
public sealed class CorpusCleanupTests(SharedPipeline shared, ITestOutputHelper log) : IClassFixture<SharedPipeline>
{
    private static Func<Image> File(string folder, string name, int page = 0) => () =>
    {
        using var source = ImageSource.Open(Corpus.File(folder, name));
        return source.Decode(page);
    };

    private static Func<Image> Pdf(string name, int page, int dpi = 300) => () => PdfRaster.Rasterise(Corpus.File("ocrmypdf", name), dpi, page);

    private async Task<PageReading> One(Func<Image> page) => (await shared.Read([page]))[0];

    private PieceReport Report(PageReading reading)
    {
        var piece = reading.Pieces.Should().ContainSingle().Subject;
        var r = piece.Cleanup!;
        log.WriteLine($"skew {r.Skew?.Degrees:F3} ({r.Skew?.Confidence:F2}, rotated {r.Skew?.Rotated}, reverted {r.Skew?.Reverted}); "
            + $"turn {r.Orientation?.Degrees} by {r.Orientation?.Method} (OSD {r.Orientation?.OsdDegrees} {r.Orientation?.OsdConfidence:F1}); "
            + $"residual {r.ResidualSkew?.Degrees:F3}; mean confidence {piece.Text.MeanConfidence:F2}; "
            + string.Join(" ", reading.Stages.Concat(reading.Cleanup!.Stages).Concat(r.Stages).Select(s => $"{s.Stage}={s.Milliseconds:F0}ms")));
        return r;
    }

    [Fact]
    public async Task Skew_pdf_is_straightened_by_1_865_degrees()
    {
        var report = Report(await One(Pdf("skew.pdf", 1)));
        report.Skew!.Degrees.Should().BeApproximately(1.865, 0.2);
        report.Skew.Rotated.Should().BeTrue();
        report.Orientation!.Degrees.Should().Be(0);
    }

    [Fact]
    public async Task Rotated_skew_pdf_comes_out_upright_and_straightened_by_2_79_degrees()
    {
        var reading = await One(Pdf("rotated_skew.pdf", 1));
        var report = Report(reading);
        // pdftoppm has already applied the page's /Rotate 90, so what is left is the skew.
        report.Orientation!.Degrees.Should().Be(0);
        var total = report.Skew!.Degrees + (report.ResidualSkew?.Rotated == true ? report.ResidualSkew.Degrees : 0);
        Math.Abs(total).Should().BeApproximately(2.79, 0.3);
        reading.Pieces[0].Text.MeanConfidence.Should().BeGreaterThan(0.75, "the page reads upright");
    }

    [Fact]
    public async Task All_four_pages_of_cardinal_pdf_come_out_upright()
    {
        var readings = await shared.Read([.. Enumerable.Range(1, 4).Select(p => Pdf("cardinal.pdf", p, 150))]);
        var turns = readings.Select(r => Report(r).Orientation!.Degrees).ToArray();
        turns.Distinct().Should().HaveCount(4, "the pages lie at 90, 180, 270 and 0 degrees");
        readings.Should().OnlyContain(r => r.Pieces[0].Text.MeanConfidence > 0.8);
        foreach (var reading in readings.Skip(1))
            CharacterErrorRate.Of(reading.Text, readings[0].Text).Should().BeLessThan(0.02, "it is one page four ways");
    }

    [Theory]
    [MemberData(nameof(SbrunnerDeskewAngles.Cases), MemberType = typeof(SbrunnerDeskewAngles))]
    public async Task Real_skewed_scans_report_the_same_angle_as_sbrunner_deskew(int number, double expected)
    {
        var report = Report(await One(File("deskew-sbrunner", $"deskew-{number}.png")));
        report.Skew!.Degrees.Should().BeApproximately(expected, 0.5);
        report.Orientation!.Degrees.Should().Be(0);
    }

    [Theory]
    [InlineData("tesseract-test", "phototest-rotated-L.png", "phototest.txt", 0.01)]
    [InlineData("tesseract-test", "phototest-rotated-R.png", "phototest.txt", 0.01)]
    [InlineData("tesseract-test", "phototest-rotated-180.png", "phototest.txt", 0.01)]
    [InlineData("tess4j", "eurotext_deskew.png", "eurotext.txt", 0.03)]
    [InlineData("tess4j", "eurotext90.png", "eurotext.txt", 0.03)]
    public async Task Turned_and_skewed_pages_read_within_the_error_budget(string folder, string file, string truth, double maxCer)
    {
        var reading = await One(File(folder, file));
        Report(reading);
        var cer = CharacterErrorRate.Of(reading.Text, System.IO.File.ReadAllText(Corpus.File("tesseract-test", truth)));
        log.WriteLine($"{file}: CER {cer:P2}");
        cer.Should().BeLessThanOrEqualTo(maxCer);
    }

    [Fact]
    public async Task Vietsample2_page_1_comes_out_upright()
    {
        var reading = await One(File("vietocr", "vietsample2.tif"));
        var report = Report(reading);
        report.Orientation!.Degrees.Should().NotBe(0);
        reading.Pieces[0].Text.MeanConfidence.Should().BeGreaterThan(0.7);
    }

    [Fact]
    public async Task A_single_word_page_is_not_turned_by_a_false_skew()
    {
        var reading = await One(File("tesseract-test", "viet.tif"));
        Report(reading);
        reading.Text.Should().Contain("tiếng");
    }
}
