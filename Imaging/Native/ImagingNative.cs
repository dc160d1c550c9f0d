using System.Runtime.InteropServices;

namespace Intake.Imaging.Native;

/// <summary>
/// What is left of the C ABI of libintake_imaging (Imaging/native/include/intake_imaging.h): the images the zbar QR shim
/// (qr.cpp) reads, and its errors. Everything else moved to OpenCvSharp; this goes with QR reading's move.
/// </summary>
internal static unsafe partial class ImagingNative
{
    private const string Library = "intake_imaging";

    [LibraryImport(Library, EntryPoint = "intake_last_error")]
    internal static partial nint LastError();

    [LibraryImport(Library, EntryPoint = "intake_buffer_free")]
    internal static partial void BufferFree(nint data);

    [LibraryImport(Library, EntryPoint = "intake_image_from_pixels")]
    internal static partial int ImageFromPixels(byte* data, int width, int height, int channels, int stride, double dpiX, double dpiY, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_image_free")]
    internal static partial void ImageFree(nint image);
}
