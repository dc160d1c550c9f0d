using Intake.Dossiers.Tests.Fixtures;

namespace Intake.Kiosk.Host.Tests.Staff;

/// <summary>
/// What an applicant hands the desk, as files the replay scanner plays as its document feeder: page 1 is both sides
/// of the citizen-ID card on the glass (two cards on one page), page 2 the CT07 residence confirmation form (a
/// printed page read by OCR), both synthetic (<see cref="SyntheticCitizen"/>: no real person).
/// </summary>
internal static class DeskBatch
{
    public static string Write(string folder, SyntheticCitizen citizen)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "01-cards.jpg"), FlatbedScanFactory.Render(citizen,
            [new CardPlacement(CardSide.Front2021, 100, 75, 3), new CardPlacement(CardSide.Back2021, 108, 175, 182)]));
        using var form = PdfRasteriser.Rasterise(DocumentPageRenderer.ResidenceConfirmation(citizen));
        File.WriteAllBytes(Path.Combine(folder, "02-form.png"), form.Encode(".png"));
        return folder;
    }
}
