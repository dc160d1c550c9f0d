namespace Intake.Scanner.Sane;

/// <summary>SANE_Unit of an option's value.</summary>
public enum SaneUnit
{
    None = 0,
    Pixel = 1,
    Bit = 2,
    Millimetre = 3,
    Dpi = 4,
    Percent = 5,
    Microsecond = 6,
}
