namespace Intake.Scanner.Sane;

/// <summary>SANE_CAP_* bits of an option.</summary>
[Flags]
public enum SaneCapabilities
{
    None = 0,
    SoftSelect = 1 << 0,
    HardSelect = 1 << 1,
    SoftDetect = 1 << 2,
    Emulated = 1 << 3,
    Automatic = 1 << 4,
    Inactive = 1 << 5,
    Advanced = 1 << 6,
}
