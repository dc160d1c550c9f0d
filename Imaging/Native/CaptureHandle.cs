using Microsoft.Win32.SafeHandles;

namespace Intake.Imaging.Native;

/// <summary>Owns an intake_capture (an open camera or recording); releasing it closes the device.</summary>
internal sealed class CaptureHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CaptureHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        ImagingNative.CaptureFree(handle);
        return true;
    }
}
