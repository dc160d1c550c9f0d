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
    /// With <paramref name="inkMargin"/> (pixels), a turned page keeps only its ink plus that margin instead of
    /// the whole canvas the turn widens: the cheaper page for every later stage, in one resampling.
    /// </summary>
    public StraightenedPage Straighten(Image page, int? inkMargin = null)
    {
        var skew = Measure(page);
        var turn = Math.Abs(skew.Degrees) >= NegligibleDegrees && skew.Confidence >= MinConfidence;
        if (!turn) return new StraightenedPage(page, skew, false);
        return new StraightenedPage(inkMargin is { } margin ? RotateToInk(page, skew.Degrees, margin) : page.Rotate(skew.Degrees), skew, true);
    }

    private static Image RotateToInk(Image page, double degrees, int margin)
    {
        NativeStatus.Check(ImagingNative.RotateToInk(page.Handle, degrees, margin, out var result));
        return new Image(result);
    }
}
