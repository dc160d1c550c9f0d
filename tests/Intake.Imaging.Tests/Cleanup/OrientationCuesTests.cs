using FluentAssertions;
using Intake.Imaging.Cleanup;
using Xunit;

namespace Intake.Imaging.Tests.Cleanup;

/// <summary>
/// The cheap orientation evidence: which way the lines run, and Leptonica's signed ascender count in
/// that direction. Image.Rotate turns counter-clockwise, so a 90 turn leaves the text's top facing left.
/// </summary>
public sealed class OrientationCuesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(180)]
    public void Lines_across_and_letters_standing_up_or_hanging_down(int turn)
    {
        using var upright = CleanupCorpus.Load("tesseract-test", "phototest.tif");
        using var page = upright.Rotate(turn);
        var cues = OrientationCues.Measure(page);
        cues.LineRatio.Should().BeGreaterThan(1.4);
        if (turn == 0) cues.UpConfidence.Should().BeGreaterThan(8);
        else cues.UpConfidence.Should().BeLessThan(-8);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(270)]
    public void A_page_on_its_side_shows_lines_running_down(int turn)
    {
        using var upright = CleanupCorpus.Load("tesseract-test", "phototest.tif");
        using var page = upright.Rotate(turn);
        var cues = OrientationCues.Measure(page);
        cues.LineRatio.Should().BeLessThan(1 / 1.4);
        // Turned counter-clockwise by 90, the letters' tops face left: after Leptonica's clockwise
        // quarter turn they stand up again (positive).
        if (turn == 90) cues.LeftConfidence.Should().BeGreaterThan(8);
        else cues.LeftConfidence.Should().BeLessThan(-8);
    }

    [Theory]
    [InlineData("passport-td3.png")]
    [InlineData("100_pass-polx.jpg")]
    [InlineData("100_pass-cze2.jpg")]
    public void Upper_case_documents_give_no_confident_answer(string file)
    {
        // Passports are capitals and MRZ: no ascenders or descenders to count, so the cue must stay
        // below its decision level (8) and leave the page to OSD, even where its sign is wrong.
        using var page = CleanupCorpus.Load("passporteye", file);
        var cues = OrientationCues.Measure(page);
        Math.Abs(cues.AlongLines).Should().BeLessThan(8);
    }

    [Fact]
    public void A_blank_page_has_nothing_to_count()
    {
        using var blank = Image.FromPixels(Enumerable.Repeat((byte)255, 600 * 800).ToArray(), 600, 800, 1, 600, 300, 300);
        var cues = OrientationCues.Measure(blank);
        cues.UpConfidence.Should().Be(0);
        cues.LeftConfidence.Should().Be(0);
    }
}
