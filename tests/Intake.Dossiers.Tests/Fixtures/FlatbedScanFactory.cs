using Intake.Dossiers.Package;
using Intake.Ocr;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Intake.Dossiers.Tests.Fixtures;

/// <summary>
/// Lays synthetic citizen-ID cards on an A4 flatbed (300 dpi, light lid): front only, back only or both on one page,
/// turned 0-15° either way and sometimes upside down, then adds sensor noise and JPEG. Deterministic per seed.
/// </summary>
public static class FlatbedScanFactory
{
    public const int Dpi = 300;
    private const double A4WidthMm = 210, A4HeightMm = 297;

    /// <summary>The seed-th scan of a varied series: layout, generation, angle, upside down, noise and JPEG quality all vary.</summary>
    public static FlatbedScan Varied(int seed)
    {
        var random = new Random(seed * 7919);
        var citizen = SyntheticCitizen.Create(seed);
        var generation2021 = seed % 2 == 0;
        var front = generation2021 ? CardSide.Front2021 : CardSide.Front2024;
        var back = generation2021 ? CardSide.Back2021 : CardSide.Back2024;
        double Angle() => Math.Round((random.NextDouble() * 15) * (random.Next(2) == 0 ? 1 : -1), 1) + (random.Next(4) == 0 ? 180 : 0);
        var layout = (seed / 2) % 3;
        CardPlacement[] cards = layout switch
        {
            0 => [new CardPlacement(front, 70 + random.Next(60), 60 + random.Next(120), Angle())],
            1 => [new CardPlacement(back, 70 + random.Next(60), 60 + random.Next(120), Angle())],
            _ => [new CardPlacement(front, 75 + random.Next(50), 65 + random.Next(20), Angle()), new CardPlacement(back, 80 + random.Next(50), 190 + random.Next(30), Angle())],
        };
        var noise = 4 + random.Next(10);
        var quality = 60 + random.Next(31);
        return new FlatbedScan(seed, citizen, cards, noise, quality, Render(citizen, cards, noise, quality, seed));
    }

    public static byte[] Render(SyntheticCitizen citizen, IReadOnlyList<CardPlacement> cards, int noise = 8, int quality = 85, int seed = 1)
    {
        using var page = PdfRasteriser.Rasterise(Pdf(citizen, cards), Dpi);
        return ScannerNoise.ToJpeg(page, noise, quality, seed);
    }

    public static byte[] Pdf(SyntheticCitizen citizen, IReadOnlyList<CardPlacement> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        PackageFonts.EnsureInstalled();
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(A4WidthMm);
        page.Height = XUnit.FromMillimeter(A4HeightMm);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(247, 247, 245)), 0, 0, page.Width.Point, page.Height.Point);
            foreach (var card in cards)
            {
                var state = gfx.Save();
                gfx.TranslateTransform(Mm(card.CentreXMm), Mm(card.CentreYMm));
                // XGraphics turns clockwise on screen for a positive angle; placements are counter-clockwise
                gfx.RotateTransform(-card.Degrees);
                gfx.TranslateTransform(-Mm(CardRenderer.WidthMm) / 2, -Mm(CardRenderer.HeightMm) / 2);
                CardRenderer.Draw(gfx, citizen, card.Side);
                gfx.Restore(state);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static double Mm(double mm) => XUnit.FromMillimeter(mm).Point;
}
