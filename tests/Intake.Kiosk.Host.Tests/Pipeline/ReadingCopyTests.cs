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
/// Which copy Tesseract should read: the Sauvola-binarised OCR copy or the straightened page itself.
/// The default must be the one with the lower error on the same pages; this keeps that decision honest.
/// </summary>
public sealed class ReadingCopyTests(SharedPipeline shared, ITestOutputHelper log) : IClassFixture<SharedPipeline>
{
    [Fact]
    public async Task The_default_reading_copy_is_the_more_accurate_one()
    {
        using var upright = SkewSweep.Upright();
        var cases = new List<(string Name, Func<Image> Page, string Truth)>
        {
            ("sweep 0", () => SkewSweep.Turned(upright, 0), SkewSweep.Truth),
            ("sweep -25", () => SkewSweep.Turned(upright, -25), SkewSweep.Truth),
            ("sweep 180", () => SkewSweep.Turned(upright, 180), SkewSweep.Truth),
            ("eurotext_deskew", Load("tess4j", "eurotext_deskew.png"), Truth("eurotext.txt")),
            ("phototest-rotated-L", Load("tesseract-test", "phototest-rotated-L.png"), Truth("phototest.txt")),
        };
        var errors = new Dictionary<bool, double>();
        foreach (var binarised in new[] { false, true })
        {
            var readings = await shared.Read([.. cases.Select(c => c.Page)], new PageCleanerOptions { ReadBinarised = binarised });
            var cers = cases.Select((c, i) => CharacterErrorRate.Of(readings[i].Text, c.Truth)).ToList();
            errors[binarised] = cers.Average();
            log.WriteLine($"{(binarised ? "binarised copy" : "straightened page")}: mean CER {errors[binarised]:P2} ("
                + string.Join(", ", cases.Select((c, i) => $"{c.Name} {cers[i]:P2}")) + ")");
        }
        var chosen = new PageCleanerOptions().ReadBinarised;
        errors[chosen].Should().BeLessThanOrEqualTo(errors[!chosen]);
    }

    private static Func<Image> Load(string folder, string file) => () =>
    {
        using var source = ImageSource.Open(Corpus.File(folder, file));
        return source.Decode();
    };

    private static string Truth(string file) => File.ReadAllText(Corpus.File("tesseract-test", file));
}
