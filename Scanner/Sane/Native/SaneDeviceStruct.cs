using System.Runtime.InteropServices;

namespace Intake.Scanner.Sane.Native;

/// <summary>SANE_Device: four borrowed C strings, owned by the backend until the next sane_get_devices.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct SaneDeviceStruct
{
    public readonly nint Name;
    public readonly nint Vendor;
    public readonly nint Model;
    public readonly nint Type;
}
