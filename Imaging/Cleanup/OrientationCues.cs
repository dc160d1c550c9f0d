using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Cheap evidence of a straightened page's quarter turn (a few milliseconds at 200 dpi), so the costly
/// orientation detector is only asked about the pages it leaves open.
/// <see cref="LineRatio"/>: how much peakier the ink's row profile is than its column profile; text
/// lines running across give well above 1, a page lying on its side well below.
/// <see cref="UpConfidence"/> (lines across) and <see cref="LeftConfidence"/> (lines down, measured after
/// a clockwise quarter turn): Leptonica's signed ascender/descender confidence (<see cref="AscenderCount"/>, its
/// pixUpDownDetect over OpenCV), positive when the letters stand upright, 0 when there were too few letters to count.
/// </summary>
public sealed record OrientationCues(double LineRatio, double UpConfidence, double LeftConfidence)
{
    /// <summary>The ascender confidence in the direction the lines run: the only one of the two that was measured.</summary>
    public double AlongLines => LineRatio >= 1 ? UpConfidence : LeftConfidence;

    public static OrientationCues Measure(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return ImagingFailure.Guard(() => MeasureCues(page));
    }

    /// <summary>
    /// Leptonica's detector is tuned for 150-300 ppi; at 200 its signal on our pages was twice as strong as at 150 (the
    /// shared analysis view's usual resolution), where some upright pages fell below 8.
    /// </summary>
    private const double WorkingDpi = 200;
    private const double UnknownDpi = 300;

    /// <summary>
    /// On a flattened page paper is ~255 and ink well below; a mid-grey cut keeps strokes thin, which the ascender
    /// patterns need (Otsu, capped for blank pages as the ink mask does, made letters bold enough to flip the sign on some
    /// deskewed pages).
    /// </summary>
    private const double InkBelow = 128;

    private static OrientationCues MeasureCues(Image page)
    {
        using var ink = InkAtWorkingDpi(page);

        // Peakiness does not change with the scale of the counts, so the 0/255 mask is summed as it is.
        var across = Peakiness(ink, ReduceDimension.Column);
        var down = Peakiness(ink, ReduceDimension.Row);
        var lineRatio = down > 0 ? across / down : 0;
        // Only the direction the lines run in is worth counting: across them the count is noise.
        if (lineRatio >= 1.0) return new OrientationCues(lineRatio, AscenderCount.Confidence(ink), 0);
        using var turned = new Mat();
        Cv2.Rotate(ink, turned, RotateFlags.Rotate90Clockwise);
        return new OrientationCues(lineRatio, 0, AscenderCount.Confidence(turned));
    }

    /// <summary>The page's ink (255) at about <see cref="WorkingDpi"/>, thin-stroked, as the cues count it.</summary>
    internal static Mat InkAtWorkingDpi(Image page)
    {
        var dpi = page.DpiY > 0 ? page.DpiY : UnknownDpi;
        using var grey = CleanupSteps.GreyOf(page.Mat);
        // Linear rather than area averaging: a third of the time, and the count of letter shapes held (a 300 dpi page is
        // only shrunk by 1.5).
        var factor = Math.Min(1.0, WorkingDpi / dpi);
        using var work = factor < 1.0 ? grey.Resize(new Size(), factor, factor, InterpolationFlags.Linear) : Image.Share(grey);
        using var flat = CleanupSteps.FlattenBackground(work);
        var ink = new Mat();
        Cv2.Threshold(flat, ink, InkBelow, 255, ThresholdTypes.BinaryInv);
        return ink;
    }

    /// <summary>n * sum(v^2) / sum(v)^2 of the row (or column) sums: 1 for an even profile, larger the more it alternates between full and empty.</summary>
    private static double Peakiness(Mat ink, ReduceDimension dimension)
    {
        using var profile = new Mat();
        Cv2.Reduce(ink, profile, dimension, ReduceTypes.Sum, MatType.CV_32S);
        using var continuous = profile.IsContinuous() ? Image.Share(profile) : profile.Clone();
        continuous.GetArray(out int[] values);
        double sum = 0, squares = 0;
        foreach (var v in values)
        {
            sum += v;
            squares += (double)v * v;
        }
        return sum > 0 ? values.Length * squares / (sum * sum) : 0;
    }
}
