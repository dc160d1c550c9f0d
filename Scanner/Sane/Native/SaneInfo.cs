namespace Intake.Scanner.Sane.Native;

/// <summary>The SANE_INFO_* bits sane_control_option reports after a set.</summary>
[Flags]
internal enum SaneInfo
{
    None = 0,
    Inexact = 1 << 0,
    ReloadOptions = 1 << 1,
    ReloadParams = 1 << 2,
}
