using OpenCvSharp;

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
        var (angle, confidence) = ImagingFailure.Guard(() => SkewSweep.Measure(page, MaxDegrees));
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

    /// <summary>
    /// A skewed page turned straight, keeping only the window around its ink. Turning the whole page widens the canvas
    /// with white corners (a page turned 25 degrees comes back about twice its area), which every later stage and the
    /// reader would then pay for; cutting the turned page back afterwards costs another full-resolution pass. Here the
    /// ink's extent is found on the small analysis view, turned with the page's own rotation, and only that window is
    /// resampled.
    /// </summary>
    private static Image RotateToInk(Image page, double degrees, int margin) => ImagingFailure.Guard(() =>
    {
        var src = page.Mat;
        // The same turn as Image.Rotate: counter-clockwise on screen about the page centre.
        var centre = new Point2f(src.Cols / 2.0f, src.Rows / 2.0f);
        using var m = Cv2.GetRotationMatrix2D(centre, degrees, 1.0);
        var canvas2f = Rotation.BoundingRect2f(new RotatedRect(centre, new Size2f(src.Cols, src.Rows), (float)degrees));
        var canvas = new Rect2d(canvas2f.X, canvas2f.Y, canvas2f.Width, canvas2f.Height);

        var corners = new List<Point2f>();
        foreach (var mark in page.Views.InkMarks(out var scale))
        {
            // Outward by one view pixel: a view pixel covers 1/scale page pixels.
            float l = (float)(mark.X / scale), t = (float)(mark.Y / scale);
            float r = (float)((mark.X + mark.Width) / scale), b = (float)((mark.Y + mark.Height) / scale);
            corners.AddRange([new Point2f(l, t), new Point2f(r, t), new Point2f(l, b), new Point2f(r, b)]);
        }
        var window = canvas;
        if (corners.Count > 0)
        {
            var ink = BoundingRect(Transform(corners, m));
            window = Intersect(new Rect2d(ink.X - margin, ink.Y - margin, ink.Width + 2.0 * margin, ink.Height + 2.0 * margin), canvas);
        }
        int x = (int)Math.Floor(window.X), y = (int)Math.Floor(window.Y);
        var size = new Size(Math.Max(1, (int)Math.Ceiling(window.X + window.Width) - x), Math.Max(1, (int)Math.Ceiling(window.Y + window.Height) - y));
        m.At<double>(0, 2) -= x;
        m.At<double>(1, 2) -= y;
        var dst = new Mat();
        Cv2.WarpAffine(src, dst, m, size, Rotation.Interpolation(src), BorderTypes.Constant, Scalar.All(255));
        return new Image(dst, page.DpiX, page.DpiY);
    });

    /// <summary>cv::transform of 2-D points by a 2x3 affine matrix.</summary>
    private static Point2f[] Transform(List<Point2f> points, Mat m)
    {
        using var src = Mat.FromArray(points.ToArray());
        using var dst = new Mat();
        Cv2.Transform(src, dst, m);
        dst.GetArray(out Point2f[] moved);
        return moved;
    }

    /// <summary>cv::boundingRect of float points: the integer rectangle holding them (floor of the least, floor of the most + 1).</summary>
    private static Rect2d BoundingRect(Point2f[] points)
    {
        var r = Cv2.BoundingRect(points);
        return new Rect2d(r.X, r.Y, r.Width, r.Height);
    }

    private static Rect2d Intersect(Rect2d a, Rect2d b)
    {
        double x1 = Math.Max(a.X, b.X), y1 = Math.Max(a.Y, b.Y);
        double x2 = Math.Min(a.X + a.Width, b.X + b.Width), y2 = Math.Min(a.Y + a.Height, b.Y + b.Height);
        return x2 - x1 <= 0 || y2 - y1 <= 0 ? new Rect2d() : new Rect2d(x1, y1, x2 - x1, y2 - y1);
    }
}
