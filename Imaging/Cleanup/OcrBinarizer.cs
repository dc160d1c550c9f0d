using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Makes the copy of a page that only the OCR engine sees: background flattened (shadows, yellowed
/// paper), light noise removed, binarised locally (Sauvola). The archived page is never replaced by it.
/// </summary>
public static class OcrBinarizer
{
    /// <summary>8-bit grey holding only 0 (ink) and 255 (paper), same size and dpi as <paramref name="page"/>.</summary>
    public static Image MakeOcrCopy(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return ImagingFailure.Guard(() =>
        {
            using var grey = CleanupSteps.GreyOf(page.Mat);
            using var flat = CleanupSteps.FlattenBackground(grey);
            // A 3x3 median removes scanner dust and JPEG ringing without eating 1-pixel strokes' continuity.
            Cv2.MedianBlur(flat, flat, 3);
            // Window about 1/8 inch (a few text lines).
            var dpi = page.DpiX > 0 ? page.DpiX : Math.Min(flat.Cols, flat.Rows) / 8.27; // A4 width when unknown
            var window = CleanupSteps.Odd(Math.Max(15.0, dpi / 8.0));
            using var threshold = SauvolaThreshold(flat, window);
            var binary = new Mat();
            Cv2.Compare(flat, threshold, binary, CmpTypes.GT); // 255 = paper, 0 = ink
            return new Image(binary, page.DpiX, page.DpiY);
        });
    }

    private const double SauvolaK = 0.2, SauvolaRange = 128.0;

    // The window shrinks with the image; below about 9 pixels it would no longer average several lines.
    private const int MinShrunkWindow = 9, MaxShrink = 4;

    /// <summary>
    /// Sauvola's threshold, mean * (1 + k * (stddev / R - 1)), over a window x window neighbourhood of
    /// <paramref name="flat"/>, evaluated on an image shrunk by a whole factor (4 at 300 dpi, where the window is 37
    /// pixels) and returned full size as 8-bit. Ink is where flat ≤ threshold. Every full-size pass stays 8-bit (or 16-bit
    /// for squares): the threshold is smooth (a mean over a window of several text lines), so an A4 page at 300 dpi is a
    /// matter of tens of milliseconds instead of a second of float work.
    /// </summary>
    private static Mat SauvolaThreshold(Mat flat, int window)
    {
        // Tiny images (a cropped word) are not worth shrinking, and must not shrink to nothing.
        var tiny = Math.Min(flat.Cols, flat.Rows) < 4 * MaxShrink;
        var shrink = tiny ? 1 : Math.Clamp(window / MinShrunkWindow, 1, MaxShrink);
        // Squares are averaged at full resolution (16-bit holds 255^2) so the shrunk variance still sees the contrast of
        // thin strokes that a shrunk grey image would have blurred away.
        // A table lookup: OpenCV 4.13 multiplies 8-bit into 16-bit seventy times slower than it looks values up.
        using var squares = new Mat();
        using (var square = CleanupSteps.Table(MatType.CV_16U, v => v * v))
            Cv2.LUT(flat, square, squares);
        // An exact factor (not a target size) keeps OpenCV on its fast block-averaging path.
        using var mean = new Mat();
        using var sqMean = new Mat();
        Cv2.Resize(flat, mean, new Size(), 1.0 / shrink, 1.0 / shrink, InterpolationFlags.Area);
        Cv2.Resize(squares, sqMean, new Size(), 1.0 / shrink, 1.0 / shrink, InterpolationFlags.Area);
        mean.ConvertTo(mean, MatType.CV_32F);
        sqMean.ConvertTo(sqMean, MatType.CV_32F);

        var side = CleanupSteps.Odd((double)window / shrink);
        var box = new Size(side, side);
        Cv2.BoxFilter(mean, mean, MatType.CV_32F, box, new Point(-1, -1), true, BorderTypes.Replicate);
        Cv2.BoxFilter(sqMean, sqMean, MatType.CV_32F, box, new Point(-1, -1), true, BorderTypes.Replicate);
        using var variance = new Mat();
        Cv2.Multiply(mean, mean, variance);
        Cv2.Subtract(sqMean, variance, variance);
        Cv2.Threshold(variance, variance, 0, 0, ThresholdTypes.Tozero); // max(variance, 0), without 4.13's slow scalar max
        using var deviation = new Mat();
        Cv2.Sqrt(variance, deviation);
        // mean * (1 + k * (deviation / R - 1)) = mean * (deviation * k / R + (1 - k))
        using var factor = new Mat();
        deviation.ConvertTo(factor, MatType.CV_32F, SauvolaK / SauvolaRange, 1.0 - SauvolaK);
        using var threshold = new Mat();
        Cv2.Multiply(mean, factor, threshold);

        // flat > t is flat > floor(t) for whole grey levels, so 8 bits carry the threshold; the full-size passes (scale
        // up, compare) then stay 8-bit.
        using var small8 = new Mat();
        threshold.ConvertTo(small8, MatType.CV_8U, 1.0, -0.5);
        var full8 = new Mat();
        Cv2.Resize(small8, full8, flat.Size(), 0, 0, InterpolationFlags.Linear);
        return full8;
    }
}
