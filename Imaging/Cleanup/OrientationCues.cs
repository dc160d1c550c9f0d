using Intake.Imaging.Native;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Cheap evidence of a straightened page's quarter turn (a few milliseconds at 200 dpi), so the costly
/// orientation detector is only asked about the pages it leaves open.
/// <see cref="LineRatio"/>: how much peakier the ink's row profile is than its column profile; text
/// lines running across give well above 1, a page lying on its side well below.
/// <see cref="UpConfidence"/> (lines across) and <see cref="LeftConfidence"/> (lines down, measured after
/// a clockwise quarter turn): Leptonica's signed ascender/descender confidence, positive when the
/// letters stand upright, 0 when there were too few letters to count.
/// </summary>
public sealed record OrientationCues(double LineRatio, double UpConfidence, double LeftConfidence)
{
    /// <summary>The ascender confidence in the direction the lines run: the only one of the two that was measured.</summary>
    public double AlongLines => LineRatio >= 1 ? UpConfidence : LeftConfidence;

    public static OrientationCues Measure(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        NativeStatus.Check(ImagingNative.MeasureOrientationCues(page.Handle, out var cues));
        return new OrientationCues(cues.LineRatio, cues.UpConfidence, cues.LeftConfidence);
    }
}
