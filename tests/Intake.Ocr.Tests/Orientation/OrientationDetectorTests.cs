using Intake.Pages;
using FluentAssertions;
using Intake.Imaging;
using Intake.Ocr.Orientation;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Ocr.Tests.Orientation;

/// <summary>
/// Convention: <see cref="PageOrientation.Degrees"/> is the counter-clockwise turn (Image.Rotate) that
/// sets the page upright, so a page made by <c>upright.Rotate(d)</c> must come back as <c>(360 - d) % 360</c>.
/// </summary>
public sealed class OrientationDetectorTests(SharedOrientationDetector shared, ITestOutputHelper log) : IClassFixture<SharedOrientationDetector>
{
    private PageOrientation Detect(Image page)
    {
        var found = shared.Detector.Detect(page);
        log.WriteLine($"turn {found.Degrees} by {found.Method}; OSD {found.OsdDegrees} conf {found.OsdConfidence:F2}; "
            + string.Join(", ", found.Candidates.Select(c => $"{c.Degrees}:{c.Legibility:F2}/{c.Words}")));
        return found;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void A_page_turned_by_a_quarter_turn_is_turned_back(int turnedBy)
    {
        using var upright = OrientationCorpus.Load("tesseract-test", "phototest.tif");
        using var turned = upright.Rotate(turnedBy);
        Detect(turned).Degrees.Should().Be((360 - turnedBy) % 360);
    }

    [Theory]
    [InlineData("phototest-rotated-L.png")]
    [InlineData("phototest-rotated-R.png")]
    [InlineData("phototest-rotated-180.png")]
    public void The_rotated_phototests_read_upright_after_the_turn(string file)
    {
        using var page = OrientationCorpus.Load("tesseract-test", file);
        var orientation = Detect(page);
        orientation.IsUpright.Should().BeFalse();
        using var upright = page.Rotate(orientation.Degrees);
        var text = shared.Readers.Recognize(upright);
        CharacterErrorRate.Of(text.Text, File.ReadAllText(Corpus.File("tesseract-test", "phototest.txt"))).Should().BeLessThan(0.02);
    }

    [Fact]
    public void Eurotext_lying_on_its_side_is_turned_back()
    {
        using var page = OrientationCorpus.Load("tess4j", "eurotext90.png");
        var orientation = Detect(page);
        orientation.IsUpright.Should().BeFalse();
        using var upright = page.Rotate(orientation.Degrees);
        Detect(upright).Degrees.Should().Be(0);
    }

    [Fact]
    public void All_four_pages_of_cardinal_pdf_end_up_upright()
    {
        for (var number = 1; number <= 4; number++)
        {
            using var page = OrientationCorpus.Rasterise("ocrmypdf", "cardinal.pdf", number, 150);
            var orientation = Detect(page);
            using var upright = page.Rotate(orientation.Degrees);
            var text = shared.Readers.Recognize(upright);
            log.WriteLine($"cardinal p{number}: mean confidence {text.MeanConfidence:F2}");
            text.MeanConfidence.Should().BeGreaterThan(0.75, "page {0} must read upright", number);
            Detect(upright).Degrees.Should().Be(0, "page {0} is upright after the turn", number);
        }
    }

    [Fact]
    public void Vietsample2_page_1_is_turned_upright()
    {
        using var page = OrientationCorpus.Load("vietocr", "vietsample2.tif");
        var orientation = Detect(page);
        orientation.IsUpright.Should().BeFalse();
        using var upright = page.Rotate(orientation.Degrees);
        shared.Readers.Recognize(upright).MeanConfidence.Should().BeGreaterThan(0.7);
    }

    [Theory]
    [InlineData("tesseract-test", "phototest.tif")]
    [InlineData("tesseract-test", "eurotext.tif")]
    [InlineData("tesseract-test", "viet.tif")]
    [InlineData("tesseract-test", "8087_054.3B.tif")]
    public void An_upright_page_is_never_turned(string folder, string file)
    {
        using var page = OrientationCorpus.Load(folder, file);
        Detect(page).Degrees.Should().Be(0);
    }

    [Fact]
    public void When_osd_is_unsure_reading_the_candidates_decides_and_upright_stays_upright()
    {
        // A detector that never trusts OSD, so every answer comes from reading the candidate turns.
        using var doubting = new OrientationDetector(shared.Readers, sureAbove: double.PositiveInfinity, trustCues: false);
        using var upright = OrientationCorpus.Load("tesseract-test", "phototest.tif");
        using var lines = upright.Crop(new PixelRect(0, 0, upright.Width, 400));
        foreach (var turnedBy in new[] { 0, 90, 180, 270 })
        {
            using var turned = lines.Rotate(turnedBy);
            var found = doubting.Detect(turned);
            log.WriteLine($"turned {turnedBy}: " + string.Join(", ", found.Candidates.Select(c => $"{c.Degrees}:{c.Legibility:F2}/{c.Words}")));
            found.Method.Should().Be(OrientationMethod.Recognition);
            found.Degrees.Should().Be((360 - turnedBy) % 360);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void A_text_page_is_oriented_by_the_cheap_cues_without_asking_osd(int turnedBy)
    {
        using var upright = OrientationCorpus.Load("tesseract-test", "phototest.tif");
        using var turned = upright.Rotate(turnedBy);
        var found = Detect(turned);
        found.Method.Should().Be(OrientationMethod.Ascenders);
        found.OsdConfidence.Should().BeNull("OSD was not asked");
        found.Degrees.Should().Be((360 - turnedBy) % 360);
    }

    [Fact]
    public void A_capitals_only_passport_is_left_to_osd()
    {
        using var page = OrientationCorpus.Load("passporteye", "passport-td3.png");
        var found = Detect(page);
        found.Method.Should().NotBe(OrientationMethod.Ascenders);
        found.Degrees.Should().Be(0);
    }

    // Issue 10, low-confidence orientation: OSD calls this upright card back 180° at 3.1-3.3, and Leptonica
    // counts none of its letters, so nothing confirms the guess; reading both candidates keeps it upright.
    [Fact]
    public void An_upright_card_back_that_osd_guesses_upside_down_is_not_turned()
    {
        using var page = OrientationCorpus.Load("field-cases", Path.Combine("card-back-upright", "back-an.png"));
        var found = Detect(page);
        found.OsdDegrees.Should().Be(180, "this is the guess the field case is about");
        found.OsdConfidence.Should().BeLessThan(OrientationDetector.DefaultSureAbove);
        found.Method.Should().Be(OrientationMethod.Recognition, "an unconfirmed guess is read against upright");
        found.Degrees.Should().Be(0);
    }

    [Fact]
    public void The_same_card_back_upside_down_is_turned_by_reading()
    {
        using var upright = OrientationCorpus.Load("field-cases", Path.Combine("card-back-upright", "back-an.png"));
        using var page = upright.Rotate(180);
        Detect(page).Degrees.Should().Be(180);
    }

    [Theory]
    [InlineData(2.0, 5.1, 0, 0, true)]
    [InlineData(2.0, -6.1, 0, 180, true)]
    [InlineData(2.26, 0, 0, 180, false)]
    [InlineData(2.0, 5.1, 0, 180, false)]
    [InlineData(0.6, 0, 4.0, 270, true)]
    [InlineData(0.6, 0, -4.0, 90, true)]
    [InlineData(1.5, 0, 4.0, 270, false)]
    [InlineData(0.6, 1.0, 1.0, 270, false)]
    public void Cues_confirm_an_unsure_osd_answer_only_when_lines_and_ascenders_both_lean_its_way(
        double lineRatio, double up, double left, int turn, bool confirms)
    {
        OrientationDetector.Leans(new Intake.Imaging.Cleanup.OrientationCues(lineRatio, up, left), turn).Should().Be(confirms);
    }
}
