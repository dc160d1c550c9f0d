using Intake.TestSupport;
using FluentAssertions;
using Intake.Imaging.Cleanup;
using Xunit;

namespace Intake.Imaging.Tests.Cleanup;

/// <summary>
/// Sign convention: Deskewer reports the counter-clockwise turn that straightens the page.
/// skew.pdf's text runs down to the right (the page is turned 1.865° clockwise), so we expect
/// +1.865; OCRmyPDF's "-1.865" states the page's own turn. sbrunner/deskew reports the correcting
/// angle counter-clockwise too (deskew-8's text runs down to the right and it says +15), so its
/// numbers are compared as they are.
/// </summary>
public sealed class DeskewerTests
{
    private readonly Deskewer _deskewer = new();

    [Fact]
    public void Skew_pdf_is_turned_1_865_degrees_clockwise()
    {
        using var page = CleanupCorpus.Rasterise("ocrmypdf", "skew.pdf", 1, 150);
        var skew = _deskewer.Measure(page);
        skew.Degrees.Should().BeApproximately(1.865, 0.2);
        skew.Confidence.Should().BeGreaterThan(0.5);
    }

    [Theory]
    [MemberData(nameof(SbrunnerDeskewAngles.Cases), MemberType = typeof(SbrunnerDeskewAngles))]
    public void Real_skewed_scans_agree_with_sbrunner_deskew(int number, double expected)
    {
        using var page = CleanupCorpus.Load("deskew-sbrunner", $"deskew-{number}.png");
        var skew = _deskewer.Measure(page);
        skew.Degrees.Should().BeApproximately(expected, 0.5);
        skew.Confidence.Should().BeGreaterThan(0.3);
    }

    [Fact]
    public void A_straight_page_turned_by_any_angle_up_to_40_degrees_is_measured_within_0_2()
    {
        using var upright = CleanupCorpus.Load("tesseract-test", "phototest.tif");
        for (var degrees = -40; degrees <= 40; degrees += 5)
        {
            using var turned = upright.Rotate(degrees);
            var skew = _deskewer.Measure(turned);
            skew.Degrees.Should().BeApproximately(-degrees, 0.2, "the page was turned {0}°", degrees);
        }
    }

    [Fact]
    public void A_straight_page_measures_zero_and_is_not_resampled()
    {
        using var page = CleanupCorpus.Load("tesseract-test", "phototest.tif");
        var result = _deskewer.Straighten(page);
        result.Skew.Degrees.Should().Be(0);
        result.Skew.Confidence.Should().BeGreaterThan(0.5);
        result.Rotated.Should().BeFalse();
        result.Page.Should().BeSameAs(page);
    }

    [Fact]
    public void A_rasterised_vietnamese_page_is_straight()
    {
        using var page = CleanupCorpus.Rasterise("vietocr", "vietsample1.pdf", 1, 150);
        _deskewer.Measure(page).Degrees.Should().BeApproximately(0, 0.1);
    }

    [Fact]
    public void Straighten_turns_a_skewed_page_upright()
    {
        using var upright = CleanupCorpus.Load("tesseract-test", "phototest.tif");
        using var turned = upright.Rotate(-6);
        var result = _deskewer.Straighten(turned);
        result.Rotated.Should().BeTrue();
        using var straight = result.Page;
        _deskewer.Measure(straight).Degrees.Should().BeApproximately(0, 0.15);
    }

    [Fact]
    public void A_blank_page_has_no_confidence()
    {
        using var blank = Image.FromPixels(Enumerable.Repeat((byte)250, 400 * 300).ToArray(), 400, 300, 1, 400, 150, 150);
        var skew = _deskewer.Measure(blank);
        skew.Confidence.Should().BeLessThan(0.3);
        _deskewer.Straighten(blank).Page.Should().BeSameAs(blank);
    }

    [Fact]
    public void A_turned_page_keeps_only_its_ink_window_with_the_margin_asked_for()
    {
        using var upright = CleanupCorpus.Load("tesseract-test", "phototest.tif");
        using var skewed = upright.Rotate(-20);
        var margin = 20;
        var whole = _deskewer.Straighten(skewed);
        var window = _deskewer.Straighten(skewed, margin);
        using var wholePage = whole.Page;
        using var windowPage = window.Page;
        window.Rotated.Should().BeTrue();
        window.Skew.Should().Be(whole.Skew);
        ((long)windowPage.Width * windowPage.Height).Should().BeLessThan((long)wholePage.Width * wholePage.Height / 2,
            "the white corners the turn adds are left out");
        // All the ink is kept, with about the margin around it (the window is found at analysis size).
        var ink = ContentCropper.FindInk(windowPage, 0);
        ink.X.Should().BeInRange(margin / 2, margin * 3);
        ink.Y.Should().BeInRange(margin / 2, margin * 3);
        (windowPage.Width - ink.Right).Should().BeInRange(margin / 2, margin * 3);
        (windowPage.Height - ink.Bottom).Should().BeInRange(margin / 2, margin * 3);
    }

    // Issue 9, point 5: quarter turns belong to orientation. Before, the sweep stopped at ±45 and crowned
    // its own edge on a page lying on its side (45° at confidence 0.3, then the page was turned by 45).

    [Fact]
    public void The_quarter_turn_field_case_measures_straight_and_is_not_resampled()
    {
        using var page = CleanupCorpus.Load("field-cases", "quarter-turn", "page-90.png");
        var result = _deskewer.Straighten(page);
        result.Skew.Degrees.Should().BeApproximately(0, 0.1, "its lines run exactly vertical: a quarter turn, no skew");
        result.Rotated.Should().BeFalse();
        result.Page.Should().BeSameAs(page);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(270)]
    [InlineData(180)]
    public void A_page_turned_by_a_quarter_turn_is_never_resampled(int turnedBy)
    {
        using var upright = CleanupCorpus.Load("tesseract-test", "phototest.tif");
        using var turned = upright.Rotate(turnedBy);
        var result = _deskewer.Straighten(turned);
        result.Skew.Degrees.Should().BeApproximately(0, 0.1);
        result.Rotated.Should().BeFalse();
    }

    [Theory]
    [InlineData(90 + 12)]
    [InlineData(90 - 30)]
    [InlineData(270 + 7)]
    [InlineData(270 - 40)]
    public void A_page_turned_beyond_a_quarter_is_measured_by_its_skew_from_the_nearest_quarter(int turnedBy)
    {
        using var upright = CleanupCorpus.Load("tesseract-test", "phototest.tif");
        using var turned = upright.Rotate(turnedBy);
        var skew = _deskewer.Measure(turned);
        var fromQuarter = turnedBy - 90 * Math.Round(turnedBy / 90.0);
        skew.Degrees.Should().BeApproximately(-fromQuarter, 0.2);
        skew.Confidence.Should().BeGreaterThan(0.3);
    }

    [Theory]
    [InlineData(20, 10)]
    [InlineData(-25, 20)]
    [InlineData(15, 15)]
    public void A_skew_at_or_beyond_the_edge_of_the_range_never_resamples(int turnedBy, double maxDegrees)
    {
        var narrow = new Deskewer(maxDegrees);
        using var upright = CleanupCorpus.Load("tesseract-test", "phototest.tif");
        using var turned = upright.Rotate(turnedBy);
        var result = narrow.Straighten(turned);
        result.Skew.Confidence.Should().Be(0, "no turn inside ±{0}° straightens it", maxDegrees);
        result.Rotated.Should().BeFalse();
        result.Page.Should().BeSameAs(turned);
    }

    [Fact]
    public void A_skew_just_inside_the_range_is_still_straightened()
    {
        var narrow = new Deskewer(20);
        using var upright = CleanupCorpus.Load("tesseract-test", "phototest.tif");
        using var turned = upright.Rotate(-18);
        var result = narrow.Straighten(turned);
        using var straight = result.Page;
        result.Rotated.Should().BeTrue();
        result.Skew.Degrees.Should().BeApproximately(18, 0.2);
    }
}
