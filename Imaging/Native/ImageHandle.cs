using Microsoft.Win32.SafeHandles;

namespace Intake.Imaging.Native;

/// <summary>Owns an intake_image (decoded pixels in native memory).</summary>
internal sealed class ImageHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ImageHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        ImagingNative.ImageFree(handle);
        return true;
    }
}
