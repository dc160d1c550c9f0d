using Intake.Imaging;

namespace Intake.Bench.PageGenerator;

/// <summary>
/// The generated sweep of issue 3: one Vietnamese A4 page at 300 dpi turned through every angle from
/// -40 to +40 in steps of 5, and by 90, 180 and 270, each with its own noise; and (issue 9, point 5)
/// <see cref="QuarterTurns"/>: pages whose text blocks of other widths and typefaces lie exactly on their side,
/// the case where a deskew searching only ±45 crowned the edge of its range and turned the page by 45.
/// </summary>
public static class SkewSweep
{
    public const int Dpi = 300;

    public static IReadOnlyList<double> Angles { get; } = [.. Enumerable.Range(0, 17).Select(i => -40.0 + 5 * i), 90, 180, 270];

    /// <summary>
    /// A text block turned by a quarter: <paramref name="Family"/> at <paramref name="Points"/>, wrapped to
    /// <paramref name="BlockWidthMm"/> on a page <paramref name="PageWidthMm"/> × <paramref name="PageHeightMm"/>,
    /// turned <paramref name="Degrees"/> (90 or 270) counter-clockwise as scanned.
    /// </summary>
    public sealed record QuarterTurn(string Name, string Family, double Points, double BlockWidthMm, double PageWidthMm, double PageHeightMm, int Degrees);

    /// <summary>Narrow columns to full-width blocks, in both DejaVu families and four sizes, both ways round.</summary>
    public static IReadOnlyList<QuarterTurn> QuarterTurns { get; } =
    [
        new("quarter-sans-wide-90", "DejaVu Sans", 12, 170, VietnamesePage.A4WidthMm, VietnamesePage.A4HeightMm, 90),
        new("quarter-sans-wide-270", "DejaVu Sans", 12, 170, VietnamesePage.A4WidthMm, VietnamesePage.A4HeightMm, 270),
        new("quarter-serif-column-90", DejaVuFontResolver.Family, 11, 75, VietnamesePage.A4WidthMm, VietnamesePage.A4HeightMm, 90),
        new("quarter-sans-half-270", "DejaVu Sans", 10, 110, VietnamesePage.A4WidthMm, VietnamesePage.A4HeightMm, 270),
        // A landscape sheet with a block a third of its width, as in field case quarter-turn.
        new("quarter-sans-landscape-270", "DejaVu Sans", 12, 95, VietnamesePage.A4HeightMm, VietnamesePage.A4WidthMm, 270),
        new("quarter-serif-landscape-90", DejaVuFontResolver.Family, 13, 150, VietnamesePage.A4HeightMm, VietnamesePage.A4WidthMm, 90),
    ];

    private static readonly Lazy<(byte[] Pdf, string Truth)> Composed = new(() => VietnamesePage.Compose(VietnameseText.Paragraphs));

    /// <summary>What the page says, as laid out.</summary>
    public static string Truth => Composed.Value.Truth;

    /// <summary>The straight page, 2480 × 3508 grey at 300 dpi.</summary>
    public static Image Upright() => VietnamesePage.Rasterise(Composed.Value.Pdf, Dpi);

    /// <summary>The page as scanned turned <paramref name="degrees"/> counter-clockwise, with noise seeded by the angle.</summary>
    public static Image Turned(Image upright, double degrees) => ScanDistortion.Apply(upright, degrees, seed: 1000 + (int)degrees);

    /// <summary>The quarter-turned page as scanned, with noise, and what it says as laid out.</summary>
    public static (Image Page, string Truth) Render(QuarterTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (pdf, truth) = VietnamesePage.Compose(VietnameseText.Paragraphs, turn.PageWidthMm, turn.PageHeightMm, turn.Points, family: turn.Family, blockWidthMm: turn.BlockWidthMm);
        using var upright = VietnamesePage.Rasterise(pdf, Dpi);
        return (ScanDistortion.Apply(upright, turn.Degrees, seed: 2000 + turn.Name.Length * 7 + turn.Degrees), truth);
    }
}
