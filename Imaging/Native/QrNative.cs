using System.Runtime.InteropServices;

namespace Intake.Imaging.Native;

/// <summary>The QR part of the C ABI (Imaging/native/include/intake_qr.h), and nothing else.</summary>
internal static unsafe partial class ImagingNative
{
    [LibraryImport(Library, EntryPoint = "intake_qr_decode")]
    internal static partial int QrDecode(ImageHandle image, out int found, out nint text, out nuint length, double* corners, out int orientation, out int attempt);
}
