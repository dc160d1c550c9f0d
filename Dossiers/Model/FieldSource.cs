namespace Intake.Dossiers;

/// <summary>Where a field's value was read. Qr and Mrz are exact sources; Ocr is a guess; Manual is an operator's correction.</summary>
public enum FieldSource
{
    Qr,
    Mrz,
    Ocr,
    Manual,
}
