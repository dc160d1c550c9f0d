using Intake.Imaging.Native;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Measures and removes the skew of a text page (projection profiles over every line direction, about
/// 0.05° resolution), within ±<see cref="MaxDegrees"/>. Quarter turns are the orientation stage's job,
/// not this one's: a page whose lines run at 90° + s is measured as skewed by s, and one lying exactly
/// on its side as straight. An estimate at the edge of the range (within <see cref="EdgeDegrees"/> of
/// <see cref="MaxDegrees"/>) or below <see cref="MinConfidence"/> never resamples the page.
/// </summary>
public sealed class Deskewer
{
    /// <summary>Below this the page is left as it is: resampling would blur it for nothing.</summary>
    public const double NegligibleDegrees = 0.05;

    /// <summary>
    /// A skew this close to <see cref="MaxDegrees"/> is the range's edge, not a measurement: the lines may
    /// run beyond it (the native measure reports confidence 0 there, and this guard repeats it).
    /// </summary>
    public const double EdgeDegrees = 1.0;

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
    /// The page turned straight, with the estimate that was applied. When the skew is negligible, at the
    /// edge of the range or the estimate unsure, <see cref="StraightenedPage.Page"/> is <paramref name="page"/> itself (not a copy).
    /// With <paramref name="inkMargin"/> (pixels), a turned page keeps only its ink plus that margin instead of
    /// the whole canvas the turn widens: the cheaper page for every later stage, in one resampling.
    /// </summary>
    public StraightenedPage Straighten(Image page, int? inkMargin = null)
    {
        var skew = Measure(page);
        var turn = Math.Abs(skew.Degrees) >= NegligibleDegrees && Math.Abs(skew.Degrees) <= MaxDegrees - EdgeDegrees
            && skew.Confidence >= MinConfidence;
        if (!turn) return new StraightenedPage(page, skew, false);
        return new StraightenedPage(inkMargin is { } margin ? RotateToInk(page, skew.Degrees, margin) : page.Rotate(skew.Degrees), skew, true);
    }

    private static Image RotateToInk(Image page, double degrees, int margin)
    {
        NativeStatus.Check(ImagingNative.RotateToInk(page.Handle, degrees, margin, out var result));
        return new Image(result);
    }
}
