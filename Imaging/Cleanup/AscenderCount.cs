using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Leptonica's ascender/descender count (pixUpDownDetect in flipdetect.c, Bloomberg, Kopec and Dasari, "Measuring
/// document image skew and orientation", SPIE 2422, 1995), re-expressed over OpenCV: the letters' x-height bodies are
/// filled (a closing 1 wide and 8 high, then 30 wide and 1 high), hit-miss patterns find the corners where an ascender
/// rises from a body (or a descender drops below it), each hit region is counted once after two 2x OR-reductions, and
/// the confidence is 2 (up - down) / sqrt(up + down), 0 unless one count exceeds 70. Leptonica's conventions are kept:
/// its erosions and dilations see OFF pixels outside the image (its default asymmetric boundary condition), a dilation
/// by an even-sized brick reflects its origin, and a hit-miss result is cleared as far from each edge as the pattern's
/// hits reach.
/// </summary>
internal static class AscenderCount
{
    /// <summary>Leptonica's DefaultMinUpDownCount.</summary>
    private const int MinCount = 70;

    // flipdetect.c's textsel1..4, 5 rows by 6 columns, in selCreateFromString's notation: x hit, o miss, O miss at the
    // origin, blank don't care. An ascender is ink rising (the x column) from a word's body (the x row) beside paper.
    private static readonly string[] AscenderRight = ["x  oo ", "x oOo ", "x  o  ", "x     ", "xxxxxx"];
    private static readonly string[] AscenderLeft = [" oo  x", " oOo x", "  o  x", "     x", "xxxxxx"];
    private static readonly string[] DescenderRight = ["xxxxxx", "x     ", "x  o  ", "x oOo ", "x  oo "];
    private static readonly string[] DescenderLeft = ["xxxxxx", "     x", "  o  x", " oOo x", " oo  x"];

    /// <summary>The signed confidence that the letters of the 0/255 <paramref name="ink"/> mask stand upright (0: too few letters).</summary>
    public static double Confidence(Mat ink)
    {
        using var bodies = FillBodies(ink);
        using var notInk = new Mat();
        Cv2.BitwiseNot(bodies, notInk);
        var up = Count(bodies, notInk, AscenderRight, AscenderLeft);
        var down = Count(bodies, notInk, DescenderRight, DescenderLeft);
        if (Math.Max(up, down) <= MinCount) return 0;
        // l_float32 arithmetic, as Leptonica stores it
        float nup = up, ndown = down;
        return (float)(2.0 * ((nup - ndown) / Math.Sqrt(nup + ndown)));
    }

    /// <summary>"c1.8 + c30.1": closings by a 1x8 and a 30x1 brick.</summary>
    private static Mat FillBodies(Mat ink)
    {
        var closed = ink.Clone();
        Close(closed, new Size(1, 8));
        Close(closed, new Size(30, 1));
        return closed;
    }

    /// <summary>
    /// Leptonica's closing by a brick with its origin at (width/2, height/2): a dilation by the reflected brick, then an
    /// erosion by the brick, both with OFF pixels outside the image.
    /// </summary>
    private static void Close(Mat image, Size brick)
    {
        using var kernel = new Mat(brick.Height, brick.Width, MatType.CV_8U, Scalar.All(1));
        var origin = new Point(brick.Width / 2, brick.Height / 2);
        var reflected = new Point(brick.Width - 1 - origin.X, brick.Height - 1 - origin.Y);
        Cv2.Dilate(image, image, kernel, reflected, 1, BorderTypes.Constant, Scalar.All(0));
        Cv2.Erode(image, image, kernel, origin, 1, BorderTypes.Constant, Scalar.All(0));
    }

    /// <summary>Hits of either pattern, counted as ON pixels after two 2x rank-1 (OR) reductions.</summary>
    private static int Count(Mat bodies, Mat notInk, string[] first, string[] second)
    {
        using var a = HitMiss(bodies, notInk, first);
        using var b = HitMiss(bodies, notInk, second);
        Cv2.BitwiseOr(a, b, a);
        using var once = ReduceByTwo(a);
        using var twice = ReduceByTwo(once);
        return Cv2.CountNonZero(twice);
    }

    /// <summary>
    /// pixHMT: ON where every hit lies on ink and every miss off it, each element read at (x + column - origin x,
    /// y + row - origin y). As Leptonica's rasterops do it, a position outside the image satisfies every element but the
    /// first in row order (whose rasterop starts from a cleared image), and the result is cleared as far from each edge
    /// as the hits reach.
    /// </summary>
    private static Mat HitMiss(Mat bodies, Mat notInk, string[] pattern)
    {
        int rows = pattern.Length, cols = pattern[0].Length;
        using var hits = new Mat(rows, cols, MatType.CV_8U, Scalar.All(0));
        using var misses = new Mat(rows, cols, MatType.CV_8U, Scalar.All(0));
        Point origin = default, first = new(-1, -1);
        int left = 0, up = 0, right = 0, down = 0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                var c = pattern[i][j];
                if (c == 'O') origin = new Point(j, i);
            }
        }
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                var c = pattern[i][j];
                if (c == ' ') continue;
                if (first.X < 0) first = new Point(j, i);
                if (c != 'x')
                {
                    misses.Set(i, j, (byte)1);
                    continue;
                }
                hits.Set(i, j, (byte)1);
                left = Math.Max(left, origin.X - j);
                up = Math.Max(up, origin.Y - i);
                right = Math.Max(right, j - origin.X);
                down = Math.Max(down, i - origin.Y);
            }
        }
        var result = new Mat();
        using var missed = new Mat();
        Cv2.Erode(bodies, result, hits, origin, 1, BorderTypes.Constant, Scalar.All(255));
        Cv2.Erode(notInk, missed, misses, origin, 1, BorderTypes.Constant, Scalar.All(255));
        Cv2.BitwiseAnd(result, missed, result);
        int width = bodies.Cols, height = bodies.Rows;
        // where the first element's rasterop did not reach: x + first.X - origin.X or y + first.Y - origin.Y outside
        ClearOutside(result, first.X - origin.X, first.Y - origin.Y);
        // Leptonica's "clear near edges" by the hits' largest translations
        Clear(result, new Rect(0, 0, Math.Min(left, width), height));
        Clear(result, new Rect(Math.Max(0, width - right), 0, Math.Min(right, width), height));
        Clear(result, new Rect(0, 0, width, Math.Min(up, height)));
        Clear(result, new Rect(0, Math.Max(0, height - down), width, Math.Min(down, height)));
        return result;
    }

    /// <summary>Clears the pixels whose sample at offset (dx, dy) falls outside the image.</summary>
    private static void ClearOutside(Mat image, int dx, int dy)
    {
        int width = image.Cols, height = image.Rows;
        if (dx < 0) Clear(image, new Rect(0, 0, Math.Min(-dx, width), height));
        if (dx > 0) Clear(image, new Rect(Math.Max(0, width - dx), 0, Math.Min(dx, width), height));
        if (dy < 0) Clear(image, new Rect(0, 0, width, Math.Min(-dy, height)));
        if (dy > 0) Clear(image, new Rect(0, Math.Max(0, height - dy), width, Math.Min(dy, height)));
    }

    private static void Clear(Mat image, Rect rect)
    {
        if (rect.Width <= 0 || rect.Height <= 0) return;
        using var part = new Mat(image, rect);
        part.SetTo(Scalar.All(0));
    }

    /// <summary>pixReduceRankBinary2 at rank 1: each output pixel ON when any of its 2x2 block is; an odd last row or column is dropped.</summary>
    private static Mat ReduceByTwo(Mat image)
    {
        int width = image.Cols / 2, height = image.Rows / 2;
        if (width == 0 || height == 0) return new Mat(1, 1, MatType.CV_8U, Scalar.All(0));
        var reduced = new Mat();
        using var even = new Mat(image, new Rect(0, 0, width * 2, height * 2));
        Cv2.Resize(even, reduced, new Size(width, height), 0, 0, InterpolationFlags.Area);
        Cv2.Threshold(reduced, reduced, 0, 255, ThresholdTypes.Binary);
        return reduced;
    }
}
