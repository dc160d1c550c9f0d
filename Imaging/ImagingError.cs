namespace Intake.Imaging;

/// <summary>Why an imaging operation failed; the values match intake_status in the QR shim's native header.</summary>
public enum ImagingError
{
    Argument = 1,
    Io = 2,
    Format = 3,
    Corrupt = 4,
    TooLarge = 5,
    NoMemory = 6,
    Internal = 7,
}
