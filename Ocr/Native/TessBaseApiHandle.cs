using Microsoft.Win32.SafeHandles;

namespace Intake.Ocr.Native;

/// <summary>Owns one TessBaseAPI: ends and deletes it when released.</summary>
internal sealed class TessBaseApiHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TessBaseApiHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        TesseractNative.End(handle);
        TesseractNative.Delete(handle);
        return true;
    }
}
