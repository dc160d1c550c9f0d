using Microsoft.Win32.SafeHandles;

namespace Intake.Scanner.Sane.Native;

/// <summary>An open SANE_Handle; closing it is sane_close.</summary>
internal sealed class SaneDeviceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SaneDeviceHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SaneNative.Close(handle);
        return true;
    }
}
