namespace Intake.Scanner.Sane.Native;

/// <summary>SANE_Action for sane_control_option.</summary>
internal enum SaneAction
{
    GetValue = 0,
    SetValue = 1,
    SetAuto = 2,
}
