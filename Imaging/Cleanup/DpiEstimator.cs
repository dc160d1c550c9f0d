using Intake.Imaging.Native;

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
        NativeStatus.Check(ImagingNative.EstimateDpi(page.Handle, out var dpi));
        return dpi > 0 ? dpi : null;
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
