using Microsoft.Win32.SafeHandles;

namespace Intake.Imaging.Native;

/// <summary>Owns an intake_image: the native copy of an image's pixels the zbar QR shim reads.</summary>
internal sealed class ImageHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ImageHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        ImagingNative.ImageFree(handle);
        return true;
    }
}
