namespace Intake.Scanner.Sane.Native;

/// <summary>SANE_Status, value for value. 12 and 13 are later additions some backends return.</summary>
public enum SaneStatus
{
    Good = 0,
    Unsupported = 1,
    Cancelled = 2,
    DeviceBusy = 3,
    Inval = 4,
    Eof = 5,
    Jammed = 6,
    NoDocs = 7,
    CoverOpen = 8,
    IoError = 9,
    NoMem = 10,
    AccessDenied = 11,
    WarmingUp = 12,
    HardwareLocked = 13,
}
