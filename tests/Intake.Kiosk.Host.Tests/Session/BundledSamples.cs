using Intake.Dossiers.Tests.Fixtures;
using Intake.TestSupport;

namespace Intake.Kiosk.Host.Tests.Session;

/// <summary>
/// The sample documents `intake serve` replays when no scanner is present (Kiosk.Host/Samples): a made-up citizen's
/// ID card front and back on the flatbed and the two pages of a birth-registration form, drawn by the dossier tests'
/// fixtures. Nobody in them exists. <see cref="Write"/> makes them again (INTAKE_WRITE_SAMPLES=1 on the samples test).
/// </summary>
internal static class BundledSamples
{
    /// <summary>The made-up declarant of the samples.</summary>
    public static SyntheticCitizen Citizen { get; } = SyntheticCitizen.Create(1193);

    public static string Folder => Path.Combine(RepoPaths.Root, "Kiosk.Host", "Samples");

    public static readonly string[] Files = ["01-cccd-front.jpg", "02-cccd-back.jpg", "03-form-page-1.jpg", "04-form-page-2.jpg"];

    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, Files[0]), FlatbedScanFactory.Render(Citizen, [new CardPlacement(CardSide.Front2021, 90, 80, 6)], noise: 3, quality: 75));
        File.WriteAllBytes(Path.Combine(folder, Files[1]), FlatbedScanFactory.Render(Citizen, [new CardPlacement(CardSide.Back2021, 100, 120, 184)], noise: 3, quality: 75, seed: 2));
        for (var page = 1; page <= 2; page++)
        {
            using var image = PdfRasteriser.Rasterise(DocumentPageRenderer.BirthRegistrationForm(Citizen, page), 300);
            File.WriteAllBytes(Path.Combine(folder, Files[1 + page]), ScannerNoise.ToJpeg(image, 3, 75, page));
        }
    }
}
