using Intake.Imaging.Native;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Measures and removes the skew of a text page (projection profiles over ±<see cref="MaxDegrees"/>,
/// about 0.05° resolution). Quarter turns are the orientation stage's job, not this one's.
/// </summary>
public sealed class Deskewer
{
    /// <summary>Below this the page is left as it is: resampling would blur it for nothing.</summary>
    public const double NegligibleDegrees = 0.05;

    public Deskewer(double maxDegrees = 45, double minConfidence = 0.3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDegrees);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDegrees, 45);
        MaxDegrees = maxDegrees;
        MinConfidence = minConfidence;
    }

    public double MaxDegrees { get; }

    /// <summary>A measure less sure than this does not turn the page.</summary>
    public double MinConfidence { get; }

    public SkewEstimate Measure(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        NativeStatus.Check(ImagingNative.DeskewAngle(page.Handle, MaxDegrees, out var angle, out var confidence));
        return new SkewEstimate(angle, confidence);
    }

    /// <summary>
    /// The page turned straight, with the estimate that was applied. When the skew is negligible or
    /// the estimate unsure, <see cref="StraightenedPage.Page"/> is <paramref name="page"/> itself (not a copy).
    /// </summary>
    public StraightenedPage Straighten(Image page)
    {
        var skew = Measure(page);
        var turn = Math.Abs(skew.Degrees) >= NegligibleDegrees && skew.Confidence >= MinConfidence;
        return new StraightenedPage(turn ? page.Rotate(skew.Degrees) : page, skew, turn);
    }
}
