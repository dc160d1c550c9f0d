using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// White text on a dark title bar (tesseract-ocr/tesseract#4086): Tesseract reads dark text on light paper, and reads
/// such a bar as garbage. For the OCR copy only, every dark filled region holding light marks (large, mostly dark,
/// filled like a rectangle) is inverted so its text reads dark on light; the rest of the page is untouched.
/// </summary>
public static class DarkBarInverter
{
    /// <summary>The page in 8-bit grey with its dark bars inverted, and how many were found (0: the page in grey, unchanged). The caller disposes the copy.</summary>
    public static (Image Copy, int Bars) Invert(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return ImagingFailure.Guard(() =>
        {
            var grey = CleanupSteps.GreyOf(page.Mat);
            try
            {
                var (result, bars) = InvertBars(grey);
                if (result is null) return (new Image(grey, page.DpiX, page.DpiY), 0);
                grey.Dispose();
                return (new Image(result, page.DpiX, page.DpiY), bars);
            }
            catch
            {
                grey.Dispose();
                throw;
            }
        });
    }

    /// <summary>A grey copy with the bars inverted, or null when there are none.</summary>
    private static (Mat? Result, int Bars) InvertBars(Mat grey)
    {
        CleanupSteps.Shrink(grey, CleanupSteps.AnalysisSide, out var view); // the bars are found small, inverted full size
        using (view)
        {
            // Dark: well below the paper (Otsu would split a page of black text the same way, so a bar is told by its shape
            // below: large, filled, with light marks inside).
            using var dark = new Mat();
            Cv2.Threshold(view, dark, 110, 255, ThresholdTypes.BinaryInv);
            // Close the light letters inside a bar so the bar is one filled region; text strokes stay apart.
            var k = CleanupSteps.Odd(Math.Max(5.0, view.Cols / 60.0));
            using var closed = new Mat();
            using (var element = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(k, k)))
                Cv2.MorphologyEx(dark, closed, MorphTypes.Close, element);
            Cv2.FindContours(closed, out Point[][] contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
            var pageArea = (double)view.Rows * view.Cols;
            Mat? result = null;
            var bars = 0;
            try
            {
                foreach (var contour in contours)
                {
                    var box = Cv2.BoundingRect(contour);
                    var area = Cv2.ContourArea(contour);
                    if (area < 0.002 * pageArea || box.Width < view.Cols / 12 || box.Height < 2 * k) continue;
                    if (area < 0.85 * box.Width * box.Height) continue; // a bar is a filled rectangle, not a paragraph of ink
                    double darkShare;
                    using (var inBox = new Mat(dark, box)) darkShare = Cv2.CountNonZero(inBox) / (double)(box.Width * box.Height);
                    if (darkShare < 0.5 || darkShare > 0.98) continue; // mostly dark, with light marks (text) inside
                    result ??= grey.Clone();
                    ++bars;
                    InvertOne(grey, view, contour, result);
                }
                return (result, bars);
            }
            catch
            {
                result?.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// The bar at full size: its inside (letters included) from the analysis view, and its edge from the dark pixels near
    /// it, so no rim of the bar stays dark and no paper around it turns dark.
    /// </summary>
    private static void InvertOne(Mat grey, Mat view, Point[] contour, Mat result)
    {
        using var viewMask = Mat.Zeros(view.Size(), MatType.CV_8U).ToMat();
        Cv2.DrawContours(viewMask, [contour], 0, new Scalar(255), -1);
        using var inside = new Mat();
        using var near = new Mat();
        Cv2.Erode(viewMask, inside, null);
        Cv2.Dilate(viewMask, near, null, new Point(-1, -1), 2);
        Cv2.Resize(inside, inside, grey.Size(), 0, 0, InterpolationFlags.Nearest);
        Cv2.Resize(near, near, grey.Size(), 0, 0, InterpolationFlags.Nearest);
        using var darkish = new Mat();
        Cv2.Threshold(grey, darkish, 200, 255, ThresholdTypes.BinaryInv);
        using var mask = new Mat();
        using var insideDark = new Mat();
        Cv2.BitwiseAnd(near, darkish, mask);
        Cv2.BitwiseOr(inside, mask, mask);
        // Inverted, the bar's own colour becomes its background: stretched to white paper, the letters stay dark.
        Cv2.BitwiseAnd(inside, darkish, insideDark);
        var barColour = Cv2.Mean(grey, insideDark).Val0;
        var paper = Math.Max(1.0, 255.0 - barColour);
        using var inverted = new Mat();
        Cv2.BitwiseNot(grey, inverted); // 255 - grey
        inverted.ConvertTo(inverted, MatType.CV_8U, 255.0 / paper); // saturating
        inverted.CopyTo(result, mask);
    }
}
