using Intake.Imaging.Cleanup;

namespace Intake.Pipeline.Reports;

/// <summary>
/// How a page's reading copy was made (issue 10): the text size measured and the factor the copy was enlarged by
/// (<see cref="ReadingScale"/>; 1: read at the page's own resolution), and how many white-on-dark bars were inverted.
/// Word boxes are always reported in the clean page's pixels, whatever the factor.
/// </summary>
public sealed record ReadingCopyReport(ReadingScale Scale, int InvertedBars)
{
    /// <summary>Whether the print was measured at all (pages scanned at 250 dpi or more are not: their print is large enough).</summary>
    public bool Measured { get; init; } = true;

    /// <summary>
    /// Whether a page is judged after reading (<see cref="ReadingResolution.Judge"/>): it needed enlarging, its smallest
    /// print is small even so, or it carries ink whose text was too small to measure at all (6-pt print at 60 dpi).
    /// </summary>
    public bool Judged(bool blank) =>
        Measured && (Scale.Enlarges
        || (Scale.SmallestXHeight > 0 && Scale.SmallestXHeightRead < ReadingResolution.PoorXHeight)
        || (Scale.BodyXHeight <= 0 && !blank));
}
