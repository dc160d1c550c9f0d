namespace Intake.Pages;

/// <summary>
/// The ID-1 card format of ISO/IEC 7810 (85.60 × 53.98 mm, rounded to 85.6 × 54 as the CCCD circulars print it):
/// citizen-ID cards of every generation, driving licences. One definition for every stage that looks for cards.
/// </summary>
public static class Id1Card
{
    public const double LongMm = 85.6;

    public const double ShortMm = 54.0;

    public const double Aspect = LongMm / ShortMm;

    public const double LongInches = LongMm / 25.4;

    public const double ShortInches = ShortMm / 25.4;

    /// <summary>Area in square inches.</summary>
    public const double AreaSquareInches = LongInches * ShortInches;

    /// <summary>
    /// The resolution (pixels per inch) of an image that is exactly one upright card cut out of its scan or photo,
    /// from its long side in pixels: the card's known size says more than a header's dpi, which cameras and editors
    /// leave at 72 or 96.
    /// </summary>
    public static double ResolutionOf(int longSidePixels) => longSidePixels / LongInches;
}
