using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// The skew of text lines by projection profiles (ported from the native deskew.cpp, constants and order unchanged).
/// Ink pixels are projected across candidate line directions; when the direction matches the text lines the profile
/// turns into sharp peaks (lines) and gaps (leading), which maximises the sum of squared bin counts.
/// </summary>
internal static class SkewSweep
{
    private const int MaxPoints = 120000;       // a dense page subsampled evenly; the profile shape survives
    private const double CoarseStep = 0.5;      // narrower than the profile peak of a text line
    private const double FineStep = 0.05;
    private const double Straight = 0.05;       // below this, resampling would do more harm than good
    private const double Edge = 1.0;            // two coarse steps: a peak this close to the edge of the range may lie beyond it
    private const int CoarseStride = 4;         // the coarse sweep only has to find the peak's half-degree: a quarter of the points do

    /// <summary>
    /// Rotating the page counter-clockwise by the angle makes its text lines horizontal or vertical; every line direction
    /// is searched, |angle| ≤ 45. Confidence 0..1: 0 when no text lines were found, or when the skew lies within 1 degree
    /// of <paramref name="maxDegrees"/> or beyond it.
    /// </summary>
    public static (double Angle, double Confidence) Measure(Image image, double maxDegrees)
    {
        if (!(maxDegrees > 0) || maxDegrees > 45) throw new ImagingException(ImagingError.Argument, "max_degrees must be in (0, 45]");
        var p = InkPoints(image);
        if (p.X.Length < 200) return (0, 0); // nothing that could form a line
        var bins = new int[p.Span + 1];

        // Coarse sweep over every line direction, not only the range asked for: a text block turned by a quarter (or by 60
        // degrees) has its peak outside +-45, and a sweep that stops at 45 crowns its own edge (field case quarter-turn: 45
        // degrees at confidence 0.3, the page turned by 45 and nothing read).
        var steps = CleanupSteps.Round(90.0 / CoarseStep);
        var coarse = new double[2 * steps];
        double best = 0, bestScore = -1;
        for (var i = -steps; i < steps; ++i)
        {
            var s = Score(p, i * CoarseStep, bins, CoarseStride);
            coarse[i + steps] = s;
            if (s > bestScore)
            {
                bestScore = s;
                best = i * CoarseStep;
            }
        }
        // The unaligned level and the rival are taken over the quarter of directions centred on the axis the lines run
        // nearest to (horizontal, or vertical for a page on its side), as they always were for upright pages: further out,
        // a grid of letters has diagonal alignments that are no rival to its lines.
        var axis = 90.0 * Math.Round(best / 90.0, MidpointRounding.AwayFromZero);
        var coarseSkew = DirectionOffset(best, axis);
        var window = new List<double>();
        for (var i = -steps; i < steps; ++i)
        {
            if (Math.Abs(DirectionOffset(i * CoarseStep, axis)) <= 45.0) window.Add(coarse[i + steps]);
        }
        window.Sort();
        var floorLevel = window[window.Count / 2];
        // The strongest rival more than 3 degrees away: a second peak that high makes the answer doubtful.
        var rival = floorLevel;
        for (var i = -steps; i < steps; ++i)
        {
            var offset = DirectionOffset(i * CoarseStep, axis);
            if (Math.Abs(offset) <= 45.0 && Math.Abs(offset - coarseSkew) > 3.0) rival = Math.Max(rival, coarse[i + steps]);
        }

        // Fine sweep around the coarse peak, then a parabola through the top three samples. Directions repeat every 180
        // degrees, so nothing needs clamping here.
        double fineBest = best, fineScore = -1;
        var fineSteps = CleanupSteps.Round(CoarseStep / FineStep);
        var fine = new double[2 * fineSteps + 1];
        for (var i = -fineSteps; i <= fineSteps; ++i)
        {
            var a = best + i * FineStep;
            fine[i + fineSteps] = Score(p, a, bins, 1);
            if (fine[i + fineSteps] > fineScore)
            {
                fineScore = fine[i + fineSteps];
                fineBest = a;
            }
        }
        var at = CleanupSteps.Round((fineBest - best) / FineStep) + fineSteps;
        if (at > 0 && at < fine.Length - 1)
        {
            double l = fine[at - 1], m = fine[at], r = fine[at + 1];
            var denom = l - 2 * m + r;
            if (denom < 0) fineBest += Math.Clamp(0.5 * (l - r) / denom, -0.5, 0.5) * FineStep;
        }
        // The skew proper: what is left once the quarter turn (orientation's business) is taken out.
        var skew = DirectionOffset(fineBest, axis);

        // Confidence: how far the peak rises above the unaligned level, discounted by a rival peak; all three from the
        // coarse sweep, so they are counted over the same points.
        var rise = bestScore / Math.Max(floorLevel, 1.0) - 1.0;
        var rivalry = (rival - floorLevel) / Math.Max(bestScore - floorLevel, 1e-9);
        // Printed pages rise 0.5..4 above the unaligned level with rivals below half the peak.
        var c = Math.Clamp(rise / 0.3, 0.0, 1.0) * Math.Clamp(1.5 * (1.0 - rivalry), 0.0, 1.0);
        // A skew at (or beyond) the edge of the range asked for is no measurement within it: the lines run outside the
        // range, and turning the page to its edge would leave it crooked, not straight.
        if (Math.Abs(skew) > maxDegrees - Edge) c = 0;
        return (Math.Abs(skew) < Straight ? 0.0 : skew, c);
    }

    private sealed record Points(float[] X, float[] Y, int Span);

    /// <summary>
    /// Ink pixels of the page, without specks and solid blobs (photo remnants, border slabs), which only blur the profile.
    /// Coordinates are centred so every projection has the same range. The shared 1600-pixel analysis view gives 0.05
    /// degree resolution on a page, fast at any input size.
    /// </summary>
    private static unsafe Points InkPoints(Image image)
    {
        var work = image.Views.Ink();
        using var components = CleanupSteps.Label(work, keepLabels: true);
        var n = components.Count;
        var keep = new byte[n];
        var pageArea = (double)work.Cols * work.Rows;
        for (var i = 1; i < n; ++i)
        {
            var area = components.Area(i);
            var box = (double)components.Width(i) * components.Height(i);
            int x = components.Left(i), y = components.Top(i);
            var speck = area < 3;
            var blob = area > 0.002 * pageArea && area > 0.4 * box;
            // Dark scanner borders and the paper's own edges touch the image edge; text hardly ever does.
            var border = x == 0 || y == 0 || x + components.Width(i) == work.Cols || y + components.Height(i) == work.Rows;
            keep[i] = (byte)(!speck && !blob && !border ? 1 : 0);
        }
        var labels = components.Labels!;
        int rows = labels.Rows, cols = labels.Cols;
        long total = 0;
        for (var r = 0; r < rows; ++r)
        {
            var row = (int*)labels.Ptr(r);
            for (var c = 0; c < cols; ++c) total += keep[row[c]];
        }
        var stride = Math.Max(1L, (total + MaxPoints - 1) / MaxPoints);
        var xs = new List<float>((int)(total / stride + 1));
        var ys = new List<float>((int)(total / stride + 1));
        float cx = work.Cols / 2.0f, cy = work.Rows / 2.0f;
        long k = 0;
        for (var r = 0; r < rows; ++r)
        {
            var row = (int*)labels.Ptr(r);
            for (var c = 0; c < cols; ++c)
            {
                if (keep[row[c]] == 0) continue;
                if (k++ % stride != 0) continue;
                xs.Add(c - cx);
                ys.Add(r - cy);
            }
        }
        var span = (int)Math.Ceiling(Math.Sqrt((double)work.Cols * work.Cols + (double)work.Rows * work.Rows)) + 4;
        return new Points(xs.ToArray(), ys.ToArray(), span);
    }

    /// <summary>
    /// Sum of squared counts of the profile across direction <paramref name="degrees"/> (text lines running at that angle
    /// below the horizontal, as seen on screen), over every <paramref name="stride"/>-th point. Bins are one working pixel.
    /// </summary>
    private static double Score(Points p, double degrees, int[] bins, int stride)
    {
        var a = degrees * Math.PI / 180.0;
        float s = (float)Math.Sin(a), c = (float)Math.Cos(a);
        var offset = p.Span / 2.0f;
        Array.Clear(bins);
        var xs = p.X;
        var ys = p.Y;
        for (var i = 0; i < xs.Length; i += stride)
        {
            var b = (int)(ys[i] * c - xs[i] * s + offset);
            ++bins[b];
        }
        double sum = 0;
        foreach (var v in bins) sum += (double)v * v;
        return sum;
    }

    /// <summary>
    /// The turn from direction <paramref name="axis"/> to direction <paramref name="a"/> on the half circle of line
    /// directions (lines at a and at a + 180 are the same lines), in [-90, 90).
    /// </summary>
    private static double DirectionOffset(double a, double axis)
    {
        var d = (a - axis + 90.0) % 180.0;
        return (d < 0 ? d + 180.0 : d) - 90.0;
    }
}
