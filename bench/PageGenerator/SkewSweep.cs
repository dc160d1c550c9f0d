using Intake.Imaging;

namespace Intake.Bench.PageGenerator;

/// <summary>
/// The generated sweep of issue 3: one Vietnamese A4 page at 300 dpi turned through every angle from
/// -40 to +40 in steps of 5, and by 90, 180 and 270, each with its own noise.
/// </summary>
public static class SkewSweep
{
    public const int Dpi = 300;

    public static IReadOnlyList<double> Angles { get; } = [.. Enumerable.Range(0, 17).Select(i => -40.0 + 5 * i), 90, 180, 270];

    private static readonly Lazy<(byte[] Pdf, string Truth)> Composed = new(() => VietnamesePage.Compose(VietnameseText.Paragraphs));

    /// <summary>What the page says, as laid out.</summary>
    public static string Truth => Composed.Value.Truth;

    /// <summary>The straight page, 2480 × 3508 grey at 300 dpi.</summary>
    public static Image Upright() => VietnamesePage.Rasterise(Composed.Value.Pdf, Dpi);

    /// <summary>The page as scanned turned <paramref name="degrees"/> counter-clockwise, with noise seeded by the angle.</summary>
    public static Image Turned(Image upright, double degrees) => ScanDistortion.Apply(upright, degrees, seed: 1000 + (int)degrees);
}
