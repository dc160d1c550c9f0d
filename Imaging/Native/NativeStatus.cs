using System.Runtime.InteropServices;

namespace Intake.Imaging.Native;

/// <summary>The one place a native status becomes an exception: callers never see an integer code.</summary>
internal static class NativeStatus
{
    public static void Check(int status)
    {
        if (status == 0) return;
        var detail = Marshal.PtrToStringUTF8(ImagingNative.LastError()) ?? "";
        throw new ImagingException((ImagingError)status, detail);
    }
}
