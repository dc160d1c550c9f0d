namespace Intake.Scanner.Sane.Native;

/// <summary>SANE_Frame: how one frame's bytes are laid out.</summary>
internal enum SaneFrameFormat
{
    Gray = 0,
    Rgb = 1,
    Red = 2,
    Green = 3,
    Blue = 4,
}
