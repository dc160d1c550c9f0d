using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// The few steps every page analysis starts with (ported from the native cleanup_common.cpp and content_bounds.cpp).
/// Every Mat returned is new and owned by the caller, even where it shares the source's pixels.
/// </summary>
internal static class CleanupSteps
{
    /// <summary>The longer side of the analysis view every page analysis at that size shares.</summary>
    public const int AnalysisSide = 1600;

    /// <summary>std::lround: halves away from zero.</summary>
    public static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    public static int Odd(double size) => Math.Max(3, Round(size) | 1);

    /// <summary>8-bit grey of either image kind (a shared header when already grey).</summary>
    public static Mat GreyOf(Mat mat)
    {
        if (mat.Channels() == 1) return Image.Share(mat);
        var grey = new Mat();
        Cv2.CvtColor(mat, grey, ColorConversionCodes.BGR2GRAY);
        return grey;
    }

    /// <summary>
    /// A copy whose longer side is at most <paramref name="maxSide"/> pixels (INTER_AREA keeps thin strokes visible);
    /// returns the factor applied (≤ 1), so working coordinates divide by it to get back.
    /// </summary>
    public static double Shrink(Mat src, int maxSide, out Mat dst)
    {
        var longest = Math.Max(src.Cols, src.Rows);
        if (longest <= maxSide)
        {
            dst = Image.Share(src);
            return 1.0;
        }
        var scale = (double)maxSide / longest;
        dst = new Mat();
        Cv2.Resize(src, dst, new Size(Math.Max(1, Round(src.Cols * scale)), Math.Max(1, Round(src.Rows * scale))), 0, 0, InterpolationFlags.Area);
        return scale;
    }

    /// <summary>
    /// A copy shrunk by a whole factor so its longer side lands near <paramref name="side"/> (between 2/3 and 4/3 of it):
    /// OpenCV's area averaging has a fast path for whole factors, about four times quicker than any other. Returns the
    /// factor applied (≤ 1).
    /// </summary>
    public static double ShrinkWhole(Mat src, int side, out Mat dst)
    {
        var factor = Math.Max(1, Round((double)Math.Max(src.Cols, src.Rows) / side));
        if (factor == 1)
        {
            dst = Image.Share(src);
            return 1.0;
        }
        dst = new Mat();
        Cv2.Resize(src, dst, new Size(Math.Max(1, src.Cols / factor), Math.Max(1, src.Rows / factor)), 0, 0, InterpolationFlags.Area);
        return (double)dst.Cols / src.Cols;
    }

    /// <summary>
    /// Grey divided by an estimate of the paper under it (a closing with a kernel larger than text strokes), so shadows,
    /// yellowed paper and uneven lighting become flat white and only ink stays dark.
    /// </summary>
    public static Mat FlattenBackground(Mat grey)
    {
        // The paper estimate is smooth, so it is computed at a quarter of the size (or less) and scaled back: a closing
        // over a 1%-of-page kernel erases body text and headings but keeps the lighting.
        var scale = Shrink(grey, Math.Min(1000, Math.Max(grey.Cols, grey.Rows) / 4 + 1), out var small);
        using (small)
        {
            var kernel = Odd(0.012 * Math.Max(small.Cols, small.Rows));
            using var paper = new Mat();
            using (var element = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(kernel, kernel)))
                Cv2.MorphologyEx(small, paper, MorphTypes.Close, element, new Point(-1, -1), 1, BorderTypes.Replicate);
            Cv2.GaussianBlur(paper, paper, new Size(), kernel / 2.0, 0, BorderTypes.Replicate);
            if (scale < 1.0) Cv2.Resize(paper, paper, grey.Size(), 0, 0, InterpolationFlags.Linear);
            // max(paper, 1) so black regions (a scanner border) do not divide by zero. Dividing 8-bit by 8-bit with scale
            // 255 rounds and saturates at 255 in one pass, with no full-page float copies. The max is a table lookup:
            // OpenCV 4.13's max against a scalar took 30 times as long as this on a full page.
            using (var atLeastOne = Table(MatType.CV_8U, v => Math.Max(v, 1)))
                Cv2.LUT(paper, atLeastOne, paper);
            var flat = new Mat();
            Cv2.Divide(grey, paper, flat, 255.0, MatType.CV_8U);
            return flat;
        }
    }

    /// <summary>A 256-entry lookup table for <see cref="Cv2.LUT(InputArray, InputArray, OutputArray)"/> of 8-bit pixels, of <paramref name="depth"/> (8 or 16 bits).</summary>
    public static Mat Table(MatType depth, Func<int, int> value)
    {
        var table = new Mat(1, 256, depth);
        for (var v = 0; v < 256; v++)
        {
            if (depth == MatType.CV_16U) table.Set(0, v, (ushort)value(v));
            else table.Set(0, v, (byte)value(v));
        }
        return table;
    }

    /// <summary>255 where there is ink on a flattened page: Otsu, capped so a blank page's noise is not ink.</summary>
    public static Mat InkMask(Mat flat)
    {
        var ink = new Mat();
        var otsu = Cv2.Threshold(flat, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        // On a flattened page paper sits near 255; Otsu on a page of paper only splits its noise.
        const double limit = 200;
        if (otsu > limit) Cv2.Threshold(flat, ink, limit, 255, ThresholdTypes.BinaryInv);
        return ink;
    }

    /// <summary>The paper area inside dark borders, in the grey image's pixels.</summary>
    public static Rect PaperBounds(Mat grey)
    {
        var scale = Shrink(grey, 800, out var work);
        using (work)
        {
            var kernel = Odd(0.02 * Math.Max(work.Cols, work.Rows));
            using var closed = new Mat();
            using (var element = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(kernel, kernel)))
                Cv2.MorphologyEx(work, closed, MorphTypes.Close, element, new Point(-1, -1), 1, BorderTypes.Replicate);
            // The paper level is the bright end of the page; a border or shadow is well below it.
            var paper = (double)Percentile(closed, 9, 10);
            using var isPaper = new Mat();
            Cv2.Compare(closed, 0.6 * paper, isPaper, CmpTypes.GT);

            // Trim a side while its outermost line is less than half paper.
            int top = 0, bottom = work.Rows, left = 0, right = work.Cols;
            double RowPaper(int r)
            {
                using var line = new Mat(isPaper, new Rect(left, r, right - left, 1));
                return Cv2.CountNonZero(line) / (double)(right - left);
            }
            double ColPaper(int c)
            {
                using var line = new Mat(isPaper, new Rect(c, top, 1, bottom - top));
                return Cv2.CountNonZero(line) / (double)(bottom - top);
            }
            for (var changed = true; changed;)
            {
                changed = false;
                if (bottom - top > 2 && RowPaper(top) < 0.5) { ++top; changed = true; }
                if (bottom - top > 2 && RowPaper(bottom - 1) < 0.5) { --bottom; changed = true; }
                if (right - left > 2 && ColPaper(left) < 0.5) { ++left; changed = true; }
                if (right - left > 2 && ColPaper(right - 1) < 0.5) { --right; changed = true; }
            }
            var full = new Rect(0, 0, grey.Cols, grey.Rows);
            // Less than a quarter left means a dark page or a photo, not a border: keep everything.
            if ((double)(bottom - top) * (right - left) < 0.25 * work.Cols * work.Rows) return full;
            var found = new Rect((int)Math.Ceiling(left / scale), (int)Math.Ceiling(top / scale), (int)Math.Floor((right - left) / scale),
                (int)Math.Floor((bottom - top) / scale));
            return found & full;
        }
    }

    /// <summary>The value at rank size * numerator / denominator of a continuous 8-bit Mat (std::nth_element's pick).</summary>
    public static unsafe byte Percentile(Mat eightBit, long numerator, long denominator)
    {
        using var continuous = eightBit.IsContinuous() ? Image.Share(eightBit) : eightBit.Clone();
        var total = continuous.Total();
        var histogram = new long[256];
        var p = (byte*)continuous.Data;
        for (long i = 0; i < total; i++) histogram[p[i]]++;
        return ValueAtRank(histogram, total * numerator / denominator);
    }

    /// <summary>The value at <paramref name="rank"/> (0-based) in sorted order, from a histogram of 8-bit values.</summary>
    public static byte ValueAtRank(long[] histogram, long rank)
    {
        long seen = 0;
        for (var v = 0; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen > rank) return (byte)v;
        }
        return 255;
    }

    /// <summary>The median (element size/2 in sorted order) of 8-bit values, as std::nth_element picks it.</summary>
    public static byte Median(List<byte> values)
    {
        var histogram = new long[256];
        foreach (var v in values) histogram[v]++;
        return ValueAtRank(histogram, values.Count / 2);
    }

    /// <summary>Pixels of the outermost ring of an 8-bit single-channel Mat, in the order the native code gathered them.</summary>
    public static List<byte> Ring(Mat m)
    {
        int cols = m.Cols, rows = m.Rows;
        var ring = new List<byte>(2 * (cols + rows));
        unsafe
        {
            byte* first = (byte*)m.Ptr(0), last = (byte*)m.Ptr(rows - 1);
            for (var x = 0; x < cols; ++x)
            {
                ring.Add(first[x]);
                ring.Add(last[x]);
            }
            for (var y = 0; y < rows; ++y)
            {
                var row = (byte*)m.Ptr(y);
                ring.Add(row[0]);
                ring.Add(row[cols - 1]);
            }
        }
        return ring;
    }

    /// <summary>The components of a binary mask, with cv::connectedComponentsWithStats' statistics (8-connected, CV_32S).</summary>
    public static Components Label(Mat binary, bool keepLabels = false) => new(binary, keepLabels);
}

/// <summary>Connected components of a mask: per-label left, top, width, height and area; optionally the label image. Dispose it.</summary>
internal sealed class Components : IDisposable
{
    private readonly int[] _stats;
    private readonly double[] _centroids;

    public Components(Mat binary, bool keepLabels)
    {
        var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        Count = Cv2.ConnectedComponentsWithStats(binary, labels, stats, centroids, PixelConnectivity.Connectivity8, MatType.CV_32S);
        _stats = new int[Count * 5];
        _centroids = new double[Count * 2];
        using (var s = stats.IsContinuous() ? Image.Share(stats) : stats.Clone()) System.Runtime.InteropServices.Marshal.Copy(s.Data, _stats, 0, _stats.Length);
        using (var c = centroids.IsContinuous() ? Image.Share(centroids) : centroids.Clone()) System.Runtime.InteropServices.Marshal.Copy(c.Data, _centroids, 0, _centroids.Length);
        if (keepLabels)
        {
            Labels = labels;
        }
        else
        {
            labels.Dispose();
        }
    }

    /// <summary>Labels including the background, 0.</summary>
    public int Count { get; }

    /// <summary>The CV_32S label image, when asked for.</summary>
    public Mat? Labels { get; }

    public int Left(int i) => _stats[i * 5];

    public int Top(int i) => _stats[(i * 5) + 1];

    public int Width(int i) => _stats[(i * 5) + 2];

    public int Height(int i) => _stats[(i * 5) + 3];

    public int Area(int i) => _stats[(i * 5) + 4];

    public double CentroidY(int i) => _centroids[(i * 2) + 1];

    public void Dispose() => Labels?.Dispose();
}
