using System.Runtime.InteropServices;

namespace Intake.Scanner.Sane.Native;

/// <summary>SANE_Range: three SANE_Words, fixed-point when the option is SANE_TYPE_FIXED.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct SaneRangeStruct
{
    public readonly int Min;
    public readonly int Max;
    public readonly int Quant;
}
