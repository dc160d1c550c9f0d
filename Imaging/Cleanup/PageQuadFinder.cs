using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Finds a page photographed on a desk and warps it flat, as a scanner would have seen it. The page is the largest
/// bright, low-detail region once its text is erased; its outline reduced to four corners is the quad. When that outline
/// is not four-sided (a hand over a corner, a cluttered desk), the largest convex four-sided contour among the edges is
/// tried instead.
/// </summary>
public static class PageQuadFinder
{
    /// <summary>The four corners (top-left, top-right, bottom-right, bottom-left); with confidence 0 they are the photo's own.</summary>
    public static PageQuad Find(Image photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return ImagingFailure.Guard(() => FindQuad(photo));
    }

    /// <summary>The quad warped to an upright rectangle sized by its longer opposite sides.</summary>
    public static Image Warp(Image photo, PageQuad quad)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(quad);
        PagePoint[] corners = [quad.TopLeft, quad.TopRight, quad.BottomRight, quad.BottomLeft];
        if (corners.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y))) throw new ImagingException(ImagingError.Argument, "corner is not a number");
        static double Length(PagePoint a, PagePoint b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
        // The longer of each pair of opposite sides: the side nearer the camera is the less foreshortened.
        var width = CleanupSteps.Round(Math.Max(Length(corners[0], corners[1]), Length(corners[3], corners[2])));
        var height = CleanupSteps.Round(Math.Max(Length(corners[0], corners[3]), Length(corners[1], corners[2])));
        return Warp(photo, quad, width, height);
    }

    /// <summary>
    /// The quad warped to an upright <paramref name="width"/> × <paramref name="height"/> rectangle: for an object
    /// whose proportions are known (an ID-1 card), what foreshortening squeezed is given back.
    /// </summary>
    public static Image Warp(Image photo, PageQuad quad, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(quad);
        PagePoint[] corners = [quad.TopLeft, quad.TopRight, quad.BottomRight, quad.BottomLeft];
        if (corners.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y))) throw new ImagingException(ImagingError.Argument, "corner is not a number");
        var src = corners.Select(c => new Point2f((float)c.X, (float)c.Y)).ToArray();
        if (width < 2 || height < 2 || (double)width * height > 4e8) throw new ImagingException(ImagingError.Argument, "degenerate quad");
        Point2f[] dst = [new(0, 0), new(width - 1, 0), new(width - 1, height - 1), new(0, height - 1)];
        return ImagingFailure.Guard(() =>
        {
            using var m = Cv2.GetPerspectiveTransform(src, dst);
            var flat = new Mat();
            Cv2.WarpPerspective(photo.Mat, flat, m, new Size(width, height), InterpolationFlags.Linear, BorderTypes.Replicate);
            return new Image(flat, photo.DpiX, photo.DpiY);
        });
    }

    private sealed record Candidate(Point[]? Quad, double Fit, double Area)
    {
        public static readonly Candidate None = new(null, 0, 0);
    }

    private static PageQuad FindQuad(Image photo)
    {
        double w = photo.Width, h = photo.Height;
        var whole = new PageQuad(new PagePoint(0, 0), new PagePoint(w - 1, 0), new PagePoint(w - 1, h - 1), new PagePoint(0, h - 1), 0);
        using var grey = CleanupSteps.GreyOf(photo.Mat);
        var scale = CleanupSteps.Shrink(grey, 800, out var work);
        using (work)
        {
            var frame = (double)work.Cols * work.Rows;
            // A page covering 15-99% of the frame; fit near 1 means the region really is four-sided.
            bool Usable(Candidate c) => c.Quad is not null && c.Area > 0.15 * frame && c.Area < 0.99 * frame && c.Fit > 0.85;
            using var closed = ErasePrint(work);
            var chosen = EdgeContour(closed);
            var bright = BrightRegion(closed);
            if (!Usable(chosen) || (Usable(bright) && bright.Area > chosen.Area * 1.02)) chosen = bright;
            if (!Usable(chosen)) return whole;
            var q = Ordered(chosen.Quad!);
            var confidence = Math.Clamp((Math.Min(chosen.Fit, 1.0 / chosen.Fit) - 0.85) / 0.12, 0.0, 1.0);
            PagePoint Back(Point p) => new(p.X / scale, p.Y / scale);
            return new PageQuad(Back(q[0]), Back(q[1]), Back(q[2]), Back(q[3]), confidence);
        }
    }

    /// <summary>Top-left, top-right, bottom-right, bottom-left (the first extreme point of each kind, as std::min_element).</summary>
    private static Point[] Ordered(Point[] p)
    {
        Point By(Func<Point, int> key, bool smallest)
        {
            var best = p[0];
            foreach (var v in p)
            {
                if (smallest ? key(v) < key(best) : key(v) > key(best)) best = v;
            }
            return best;
        }
        return [By(v => v.X + v.Y, true), By(v => v.Y - v.X, true), By(v => v.X + v.Y, false), By(v => v.Y - v.X, false)];
    }

    /// <summary>The outline simplified until it has four corners, if it ever does.</summary>
    private static Point[]? FourCorners(Point[] outline)
    {
        var hull = Cv2.ConvexHull(outline);
        var perimeter = Cv2.ArcLength(hull, true);
        for (var e = 0.01; e <= 0.1; e += 0.005)
        {
            var quad = Cv2.ApproxPolyDP(hull, e * perimeter, true);
            if (quad.Length == 4) return Cv2.IsContourConvex(quad) ? quad : null;
            if (quad.Length < 4) return null;
        }
        return null;
    }

    /// <summary>The page with its print erased: a closing wider than text strokes, then a light blur.</summary>
    private static Mat ErasePrint(Mat grey)
    {
        var k = CleanupSteps.Odd(0.02 * Math.Max(grey.Cols, grey.Rows));
        var closed = new Mat();
        using (var element = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(k, k)))
            Cv2.MorphologyEx(grey, closed, MorphTypes.Close, element);
        Cv2.GaussianBlur(closed, closed, new Size(5, 5), 0);
        return closed;
    }

    private static Candidate BrightRegion(Mat closed)
    {
        // Halfway between the desk (the frame's edge) and the paper (the frame's centre): Otsu would split a page's
        // shadowed half from its lit half instead.
        var ring = CleanupSteps.Ring(closed);
        using var middle = new Mat(closed, new Rect(closed.Cols / 4, closed.Rows / 4, closed.Cols / 2, closed.Rows / 2));
        var desk = (double)CleanupSteps.Median(ring);
        var paper = (double)CleanupSteps.Percentile(middle, 1, 2);
        if (paper - desk < 20) return Candidate.None; // no bright page on a darker desk
        using var mask = new Mat();
        Cv2.Threshold(closed, mask, (desk + paper) / 2, 255, ThresholdTypes.Binary);
        // Cut off bright patches of desk touching the page, which would add corners to its outline.
        var k = CleanupSteps.Odd(0.04 * Math.Max(closed.Cols, closed.Rows));
        using (var element = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(k, k)))
            Cv2.MorphologyEx(mask, mask, MorphTypes.Open, element);
        Cv2.FindContours(mask, out Point[][] contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        if (contours.Length == 0) return Candidate.None;
        // std::max_element: the first of the largest.
        var largest = contours[0];
        foreach (var contour in contours)
        {
            if (Cv2.ContourArea(largest) < Cv2.ContourArea(contour)) largest = contour;
        }
        if (FourCorners(largest) is not { } quad) return Candidate.None;
        var area = Cv2.ContourArea(quad);
        return new Candidate(quad, Cv2.ContourArea(largest) / Math.Max(area, 1.0), area);
    }

    private static Candidate EdgeContour(Mat closed)
    {
        using var edges = new Mat();
        // Print is erased, so the strongest steps left are the paper's edges, even where it is shadowed.
        Cv2.Canny(closed, edges, 10, 30);
        using (var element = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3)))
            Cv2.Dilate(edges, edges, element);
        // The frame closes the outline of a page that runs off the photo's edge.
        Cv2.Rectangle(edges, new Rect(0, 0, edges.Cols, edges.Rows), new Scalar(255), 1);
        Cv2.FindContours(edges, out Point[][] contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);
        var best = Candidate.None;
        foreach (var contour in contours)
        {
            var inside = Cv2.ContourArea(contour);
            if (inside < 0.1 * closed.Cols * closed.Rows || inside > 0.97 * closed.Cols * closed.Rows) continue;
            if (FourCorners(contour) is not { } quad) continue;
            var area = Cv2.ContourArea(quad);
            if (area > best.Area) best = new Candidate(quad, Cv2.ContourArea(contour) / Math.Max(area, 1.0), area);
        }
        return best;
    }
}
