using System.Runtime.InteropServices;

namespace Intake.Scanner.Sane.Native;

/// <summary>
/// SANE_Option_Descriptor. The constraint is a C union of three pointers (string list, word list, range);
/// one pointer field covers it, read according to <see cref="ConstraintType"/>. Sequential layout puts
/// the padding before it that the C compiler does on 64-bit.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct SaneOptionDescriptorStruct
{
    public readonly nint Name;
    public readonly nint Title;
    public readonly nint Desc;
    public readonly int Type;
    public readonly int Unit;
    public readonly int Size;
    public readonly int Cap;
    public readonly SaneConstraintType ConstraintType;
    public readonly nint Constraint;
}
