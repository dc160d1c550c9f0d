using Intake.Pages;
using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Finds cards and pages lying anywhere, at any angle, on a flatbed scan with a light lid, and cuts each one out upright
/// (cards landscape, pages portrait). The lid is a flat light colour; whatever differs from it (a card's print and
/// colour, a page's text and its shadowed edge) is merged into blobs, and each blob that fills its minimum-area rectangle
/// well is a document.
/// </summary>
public static class DocumentFinder
{
    private const double CardLongMm = 85.6;
    /// <summary>Under this a declared resolution is a camera's or an editor's default (JPEG's 72, a screen's 96), not a scanner's.</summary>
    public const double MinTrustedDpi = 150;
    private const double MaxTrustedDpi = 1200;

    /// <summary>The documents on the scan, largest first, at most <paramref name="maxDocuments"/>.</summary>
    public static IReadOnlyList<FoundDocument> FindDocuments(Image scan, int maxDocuments = 8)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDocuments);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDocuments, 64);
        return ImagingFailure.Guard(() => Find(scan).Take(maxDocuments).ToList());
    }

    /// <summary>The document cut out upright, <c>Region.Width</c> × <c>Region.Height</c> pixels, with the scan's dpi.</summary>
    public static Image Extract(Image scan, FoundDocument document)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(document);
        var r = document.Region;
        var width = CleanupSteps.Round(r.Width);
        var height = CleanupSteps.Round(r.Height);
        if (width < 1 || height < 1 || !double.IsFinite(r.Degrees) || width > 100000 || height > 100000)
            throw new ImagingException(ImagingError.Argument, "bad document region");
        return ImagingFailure.Guard(() =>
        {
            // Maps each pixel of the upright output to where it lies in the scan: turn by the region's angle
            // (counter-clockwise on screen) about its centre.
            var a = r.Degrees * Math.PI / 180.0;
            double c = Math.Cos(a), s = Math.Sin(a);
            double hw = width / 2.0, hh = height / 2.0;
            using var toScan = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new[] { c, s, r.CenterX - hw * c - hh * s, -s, c, r.CenterY + hw * s - hh * c });
            var upright = new Mat();
            Cv2.WarpAffine(scan.Mat, upright, toScan, new Size(width, height), InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Replicate);
            return new Image(upright, scan.DpiX, scan.DpiY);
        });
    }

    private static List<FoundDocument> Find(Image scan)
    {
        var scale = CleanupSteps.Shrink(scan.Mat, 1000, out var work);
        using (work)
        {
            using var mask = NotLid(work);
            // Merge print and card colour into one blob per document, fill it, then cut thin bridges (a shadow line between
            // two cards lying close together).
            var merge = CleanupSteps.Odd(0.015 * Math.Max(work.Cols, work.Rows));
            using (var element = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(merge, merge)))
                Cv2.MorphologyEx(mask, mask, MorphTypes.Close, element);
            Cv2.FindContours(mask, out Point[][] contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
            mask.SetTo(Scalar.All(0));
            Cv2.DrawContours(mask, contours, -1, new Scalar(255), -1);
            var cut = CleanupSteps.Odd(0.008 * Math.Max(work.Cols, work.Rows));
            using (var element = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(cut, cut)))
                Cv2.MorphologyEx(mask, mask, MorphTypes.Open, element);
            Cv2.FindContours(mask, out contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);

            // Smallest document: a third of a card's area when the dpi is known, else 1% of the scan. A declared resolution
            // under 150 dpi is not believed: it is a camera's or an editor's default (JPEG's 72, a screen's 96), not a
            // flatbed's, and a card judged by it came out 30 cm long and was taken for a page.
            var dpiTrusted = scan.DpiX >= MinTrustedDpi && scan.DpiX <= MaxTrustedDpi;
            var pxPerMm = dpiTrusted ? scan.DpiX / 25.4 * scale : 0;
            var minArea = pxPerMm > 0 ? CardLongMm * 54.0 / 3.0 * pxPerMm * pxPerMm : 0.01 * work.Cols * work.Rows;
            var found = new List<FoundDocument>();
            foreach (var contour in contours)
            {
                var area = Cv2.ContourArea(contour);
                if (area < minArea || area > 0.98 * work.Cols * work.Rows) continue;
                var box = Cv2.MinAreaRect(contour);
                var fill = area / Math.Max(1.0, (double)(box.Size.Width * box.Size.Height));
                if (fill < 0.8) continue; // not a rectangle: a photo's subject, a hand, a crumpled sheet
                var longSide = Math.Max(box.Size.Width, box.Size.Height) / scale;
                var shortSide = Math.Min(box.Size.Width, box.Size.Height) / scale;
                var card = pxPerMm > 0
                    ? longSide / (pxPerMm / scale) < 130.0
                    : longSide / shortSide > 1.4 && longSide / shortSide < 1.8 && longSide < 0.9 * Math.Max(scan.Width, scan.Height);
                var region = Describe(box, card);
                region = region with
                {
                    CenterX = region.CenterX / scale,
                    CenterY = region.CenterY / scale,
                    Width = region.Width / scale,
                    Height = region.Height / scale,
                };
                var bounds = Cv2.BoundingRect(contour);
                var fullBounds = new Rect((int)Math.Floor(bounds.X / scale), (int)Math.Floor(bounds.Y / scale),
                    (int)Math.Ceiling(bounds.Width / scale), (int)Math.Ceiling(bounds.Height / scale)) & new Rect(0, 0, scan.Width, scan.Height);
                found.Add(new FoundDocument(region, new PixelRect(fullBounds.X, fullBounds.Y, fullBounds.Width, fullBounds.Height),
                    card ? DocumentKind.Card : DocumentKind.Page, Math.Clamp((fill - 0.8) / 0.15, 0.0, 1.0)));
            }
            // std::sort by area, largest first (a stable sort keeps equal areas in contour order).
            return found.OrderByDescending(d => d.Region.Width * d.Region.Height).ToList();
        }
    }

    /// <summary>The lid colour: the median of the outermost ring of pixels, which documents rarely cover.</summary>
    private static Scalar LidColour(Mat work)
    {
        var channels = work.Split();
        try
        {
            var colour = new Scalar();
            for (var c = 0; c < channels.Length; c++) colour[c] = CleanupSteps.Median(CleanupSteps.Ring(channels[c]));
            return colour;
        }
        finally
        {
            foreach (var channel in channels) channel.Dispose();
        }
    }

    /// <summary>
    /// How far from the lid colour a pixel must be to count as document: just above the lid's own noise (the 99th
    /// percentile of the outer ring's difference), and at least 6 grey levels. A fixed 18 lost the light parts of real
    /// cards: the 2021 CCCD's tinted body differs from a white lid by about 13 and its MRZ band by about 7, so a card's
    /// outline there was invisible and the card was not found.
    /// </summary>
    private static double DifferenceThreshold(Mat difference)
    {
        var ring = CleanupSteps.Ring(difference);
        var histogram = new long[256];
        foreach (var v in ring) histogram[v]++;
        var p99 = CleanupSteps.ValueAtRank(histogram, (long)ring.Count * 99 / 100);
        return Math.Max(6.0, p99 + 4.0);
    }

    /// <summary>255 where the scan is not lid: a colour or brightness difference, or an edge.</summary>
    private static Mat NotLid(Mat work)
    {
        using var blurred = new Mat();
        Cv2.GaussianBlur(work, blurred, new Size(5, 5), 0);
        var difference = new Mat();
        try
        {
            // against a Mat of the lid's colour: OpenCvSharp's arithmetic against a scalar is many times slower
            using (var lid = new Mat(blurred.Size(), blurred.Type(), LidColour(blurred)))
                Cv2.Absdiff(blurred, lid, difference);
            if (difference.Channels() == 3)
            {
                var channels = difference.Split();
                try
                {
                    difference.Dispose();
                    difference = new Mat();
                    Cv2.Max(channels[0], channels[1], difference);
                    Cv2.Max(difference, channels[2], difference);
                }
                finally
                {
                    foreach (var channel in channels) channel.Dispose();
                }
            }
            var mask = new Mat();
            Cv2.Compare(difference, DifferenceThreshold(difference), mask, CmpTypes.GT);
            using var grey = CleanupSteps.GreyOf(blurred);
            using var edges = new Mat();
            Cv2.Canny(grey, edges, 20, 60);
            Cv2.BitwiseOr(mask, edges, mask);
            return mask;
        }
        finally
        {
            difference.Dispose();
        }
    }

    /// <summary>The rotated rectangle described with width along the document's x axis (see <see cref="RotatedBox"/>).</summary>
    private static RotatedBox Describe(RotatedRect box, bool landscape)
    {
        var p = box.Points();
        // Sides p0-p1 and p1-p2; pick the one that is the document's width.
        var a = new Point2f(p[1].X - p[0].X, p[1].Y - p[0].Y);
        var b = new Point2f(p[2].X - p[1].X, p[2].Y - p[1].Y);
        var la = Hypot(a.X, a.Y);
        var lb = Hypot(b.X, b.Y);
        var aIsLong = la >= lb;
        var along = aIsLong == landscape ? a : b;
        var width = aIsLong == landscape ? la : lb;
        var height = aIsLong == landscape ? lb : la;
        // Screen counter-clockwise: y points down, so the angle of (x, y) is atan2(-y, x).
        var angle = Math.Atan2(-(double)along.Y, along.X) * 180.0 / Math.PI;
        while (angle > 90.0) angle -= 180.0;
        while (angle <= -90.0) angle += 180.0;
        return new RotatedBox(box.Center.X, box.Center.Y, width, height, angle);
    }

    /// <summary>std::hypot of two floats: computed in float, as the native code did.</summary>
    private static double Hypot(float x, float y) => MathF.Sqrt(x * x + y * y);
}
