using OpenCvSharp;

namespace Intake.Imaging;

/// <summary>Turning a page by any angle, counter-clockwise on screen about its centre (ported from the native image.cpp).</summary>
internal static class Rotation
{
    /// <summary>From this many pixels a turn is resampled linearly, below it cubically.</summary>
    private const long LinearFromPixels = 4_000_000;

    /// <summary>
    /// Cubic keeps small glyphs crisp (a card's print, an MRZ band); on a whole page at scanning resolution linear reads
    /// the same and costs a third of the time (0.25 s instead of 0.7 s for an A4 colour page).
    /// </summary>
    public static InterpolationFlags Interpolation(Mat src) => src.Total() >= LinearFromPixels ? InterpolationFlags.Linear : InterpolationFlags.Cubic;

    /// <summary>The turned page as a new Mat (a shared header when the angle is 0). Quarter turns are exact.</summary>
    public static Mat Rotate(Mat src, double degrees)
    {
        var a = degrees % 360.0; // std::fmod: the sign of the dividend
        if (a <= -180.0) a += 360.0;
        if (a > 180.0) a -= 360.0;
        var dst = new Mat();
        if (Near(a, 0))
        {
            dst.Dispose();
            return Image.Share(src);
        }
        if (Near(a, 90)) Cv2.Rotate(src, dst, RotateFlags.Rotate90Counterclockwise);
        else if (Near(a, -90)) Cv2.Rotate(src, dst, RotateFlags.Rotate90Clockwise);
        else if (Near(a, 180)) Cv2.Rotate(src, dst, RotateFlags.Rotate180);
        else
        {
            // Expand the canvas so no corner of the page is cut off, and fill the new area with white paper.
            var centre = new Point2f(src.Cols / 2.0f, src.Rows / 2.0f);
            using var m = Cv2.GetRotationMatrix2D(centre, a, 1.0);
            var box = BoundingRect2f(new RotatedRect(new Point2f(), new Size2f(src.Cols, src.Rows), (float)a));
            m.At<double>(0, 2) += box.Width / 2.0 - centre.X;
            m.At<double>(1, 2) += box.Height / 2.0 - centre.Y;
            var size = new Size((int)Math.Round(box.Width, MidpointRounding.AwayFromZero), (int)Math.Round(box.Height, MidpointRounding.AwayFromZero));
            Cv2.WarpAffine(src, dst, m, size, Interpolation(src), BorderTypes.Constant, Scalar.All(255));
        }
        return dst;
    }

    /// <summary>cv::RotatedRect::boundingRect2f: the float bounds of the four corners.</summary>
    public static Rect2f BoundingRect2f(RotatedRect box)
    {
        var p = box.Points();
        var left = Math.Min(Math.Min(p[0].X, p[1].X), Math.Min(p[2].X, p[3].X));
        var top = Math.Min(Math.Min(p[0].Y, p[1].Y), Math.Min(p[2].Y, p[3].Y));
        var right = Math.Max(Math.Max(p[0].X, p[1].X), Math.Max(p[2].X, p[3].X));
        var bottom = Math.Max(Math.Max(p[0].Y, p[1].Y), Math.Max(p[2].Y, p[3].Y));
        return new Rect2f(left, top, right - left, bottom - top);
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) < 1e-9;
}
