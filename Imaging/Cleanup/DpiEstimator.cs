using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Guesses a page's resolution from the size of its body text (assumed 10-12 pt), for pages that
/// declare none or an absurd one. Good to about ±20%, snapped to the usual scanner resolutions.
/// </summary>
public static class DpiEstimator
{
    public const double MinPlausible = 70;

    public const double MaxPlausible = 1200;

    /// <summary>The estimated dpi, or null when the page has too little text to tell.</summary>
    public static double? Estimate(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var dpi = ImagingFailure.Guard(() => EstimateFromText(page));
        return dpi > 0 ? dpi : null;
    }

    private const double BodyPoints = 11.0;
    private const double XHeightEm = 0.48;
    private const int MinGlyphs = 60;

    /// <summary>
    /// The most common glyph height on a page is the x-height of its body text; body text is 10-12 pt with an x-height
    /// near 0.48 em, so that height in pixels gives the pixels per inch (to about ±20%, enough to tell 150 from 300).
    /// 0 when the page has too little text to tell. The declared dpi is ignored.
    /// </summary>
    private static double EstimateFromText(Image page)
    {
        using var grey = CleanupSteps.GreyOf(page.Mat);
        var scale = CleanupSteps.Shrink(grey, 2400, out var work);
        using (work)
        {
            using var flat = CleanupSteps.FlattenBackground(work);
            using var ink = CleanupSteps.InkMask(flat);
            using var components = CleanupSteps.Label(ink);
            var heights = new List<int>();
            var workRows = work.Rows;
            for (var i = 1; i < components.Count; i++)
            {
                int w = components.Width(i), h = components.Height(i), area = components.Area(i);
                // Glyph-like: not a speck, not a rule or a photo, not a hollow frame.
                if (h >= 5 && h < workRows / 20 && w < 3 * h && w * 10 >= h && area * 8 >= w * h) heights.Add(h);
            }
            if (heights.Count < MinGlyphs) return 0;
            // Diacritics, dots and punctuation are the short tail: take the mode above half the median.
            var sorted = heights.Order().ToArray();
            var median = sorted[sorted.Length / 2];
            var top = sorted[^1];
            var histogram = new double[top + 2];
            foreach (var h in heights)
            {
                if (2 * h >= median) histogram[h] += 1.0;
            }
            // Smooth over +-1 pixel so a mode split between two heights is found, then refine by centroid.
            var mode = 0;
            double best = -1;
            for (var h = 1; h + 1 < histogram.Length; ++h)
            {
                var v = histogram[h - 1] + histogram[h] + histogram[h + 1];
                if (v > best)
                {
                    best = v;
                    mode = h;
                }
            }
            var xHeight = (histogram[mode - 1] * (mode - 1) + histogram[mode] * mode + histogram[mode + 1] * (mode + 1)) / Math.Max(best, 1.0) / scale;
            return Snap(xHeight / (XHeightEm * BodyPoints / 72.0));
        }
    }

    /// <summary>Scanners offer a handful of resolutions; an estimate near one of them is that one.</summary>
    private static double Snap(double dpi)
    {
        foreach (var c in (double[])[72, 96, 100, 150, 200, 240, 300, 400, 600, 1200])
        {
            if (Math.Abs(dpi - c) <= 0.12 * c) return c;
        }
        return Math.Round(dpi / 10.0, MidpointRounding.AwayFromZero) * 10.0;
    }

    public static bool IsPlausible(double dpi) => dpi is >= MinPlausible and <= MaxPlausible;

    /// <summary>
    /// <paramref name="page"/> itself when its declared dpi is plausible; otherwise the page with the
    /// estimated dpi (or unchanged when there is nothing to estimate from).
    /// </summary>
    public static Image EnsureDpi(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (IsPlausible(page.DpiX) && IsPlausible(page.DpiY)) return page;
        return Estimate(page) is { } dpi ? page.WithDpi(dpi, dpi) : page;
    }
}
