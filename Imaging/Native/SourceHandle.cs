using Microsoft.Win32.SafeHandles;

namespace Intake.Imaging.Native;

/// <summary>Owns an intake_source (an encoded file held in native memory).</summary>
internal sealed class SourceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SourceHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        ImagingNative.SourceFree(handle);
        return true;
    }
}
