using Intake.Pages;
using System.Globalization;
using FluentAssertions;
using Intake.Imaging;
using Intake.Imaging.Cleanup;
using Intake.Ocr.Orientation;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Ocr.Tests.Orientation;

/// <summary>
/// The measurement behind <see cref="OrientationDetector.DefaultSureAbove"/>: upright corpus pages (text pages,
/// cards, passports, forms) turned by each quarter, asked of OSD the way the detector asks (the middle band with a
/// short look, the whole page with Tesseract's), with every answer's confidence printed beside whether it was right.
/// The cut is only sound while every wrong answer stays below it, which is what this test checks.
/// </summary>
public sealed class OsdConfidenceMeasurementTests(ITestOutputHelper log)
{
    /// <summary>Upright pages of every kind the kiosk reads; the card back is the one OSD called 180° at 2.5-3.3 (issue 10).</summary>
    public static readonly string[][] UprightPages =
    [
        ["tesseract-test", "phototest.tif"],
        ["tesseract-test", "eurotext.tif"],
        ["tesseract-test", "viet.tif"],
        ["tesseract-test", "8087_054.3B.tif"],
        ["tesseract-test", "8071_093.3B.tif"],
        ["ocrmypdf", "linn.png"],
        ["ocrmypdf", "typewriter.png"],
        ["passporteye", "passport-td2.png"],
        ["passporteye", "passport-td3.png"],
        ["field-cases", "card-back-upright", "back-an.png"],
        ["field-cases", "mrz-ocrb", "back-only-flatbed.png"],
        ["field-cases", "form-not-card", "form.png"],
        ["field-cases", "low-resolution", "notice-150.png"],
        ["field-cases", "inverted-header", "header-bar.png"],
    ];

    [Fact]
    public void No_wrong_osd_answer_reaches_the_cut()
    {
        using var osd = new OsdEnginePool(TessdataLocator.Resolve(new OcrOptions()), 1);
        var wrong = new List<(string Page, double Confidence)>();
        var right = new List<double>();
        foreach (var parts in UprightPages)
        {
            using var source = ImageSource.Open(Corpus.File(parts));
            using var upright = source.Decode();
            foreach (var turnedBy in new[] { 0, 90, 180, 270 })
            {
                using var page = turnedBy == 0 ? upright.Rotate(0) : upright.Rotate(turnedBy);
                var expected = (360 - turnedBy) % 360;
                var cues = OrientationCues.Measure(page);
                var line = $"{parts[^1],-24} {turnedBy,3}: cues lines {cues.LineRatio:F2} up {cues.UpConfidence:F1} left {cues.LeftConfidence:F1}";
                foreach (var (look, answer) in Ask(osd, page))
                {
                    if (answer is null) { line += $" | {look}: none"; continue; }
                    var turn = OrientationDetector.TurnUndoing(answer.PageDegrees);
                    var ok = turn == expected;
                    line += $" | {look}: {turn} at {answer.Confidence.ToString("F2", CultureInfo.InvariantCulture)}{(ok ? "" : " WRONG")}";
                    if (ok) right.Add(answer.Confidence);
                    else wrong.Add(($"{parts[^1]} turned {turnedBy} ({look})", answer.Confidence));
                }
                log.WriteLine(line);
            }
        }
        var highestWrong = wrong.Count == 0 ? 0 : wrong.Max(w => w.Confidence);
        log.WriteLine($"right answers: {right.Count}, {right.Count(c => c >= OrientationDetector.DefaultSureAbove)} at or above the cut {OrientationDetector.DefaultSureAbove}; "
            + $"wrong answers: {wrong.Count}, highest {highestWrong:F2}");
        wrong.Where(w => w.Confidence >= OrientationDetector.DefaultSureAbove).Should().BeEmpty();
    }

    private static IEnumerable<(string Look, OsdResult? Answer)> Ask(OsdEnginePool osd, Image page)
    {
        var height = page.Height / OrientationDetector.BandParts;
        if (height >= OrientationDetector.MinBandHeight)
        {
            using var band = page.Crop(new PixelRect(0, (page.Height - height) / 2, page.Width, height));
            yield return ("band", osd.Detect(band, OrientationDetector.BandCharacters, CancellationToken.None));
        }
        yield return ("page", osd.Detect(page, OsdEngine.DefaultCharacters, CancellationToken.None));
    }
}
