namespace Intake.Imaging;

/// <summary>Limits that protect the kiosk from hostile or absurd input.</summary>
public static class ImageLimits
{
    /// <summary>
    /// A page may declare at most 500 megapixels (an A0 poster at 600 dpi is about 435); anything larger
    /// is refused before a pixel buffer is allocated.
    /// </summary>
    public const long MaxPixels = 500_000_000;
}
