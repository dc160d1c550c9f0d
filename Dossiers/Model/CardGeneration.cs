namespace Intake.Dossiers;

/// <summary>Which citizen-ID card a reading came from: the 2021 CCCD with chip or the 2024 Căn cước. Their labels and QR differ.</summary>
public enum CardGeneration
{
    Unknown,
    Cccd2021,
    CanCuoc2024,
}
