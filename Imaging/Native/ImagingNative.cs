using System.Runtime.InteropServices;

namespace Intake.Imaging.Native;

/// <summary>The C ABI of libintake_imaging (Imaging/native/include/intake_imaging.h), and nothing else.</summary>
internal static unsafe partial class ImagingNative
{
    private const string Library = "intake_imaging";

    [StructLayout(LayoutKind.Sequential)]
    internal struct PageInfo
    {
        public int Format;
        public int Width;
        public int Height;
        public int PageCount;
        public double DpiX;
        public double DpiY;
    }

    [LibraryImport(Library, EntryPoint = "intake_last_error")]
    internal static partial nint LastError();

    [LibraryImport(Library, EntryPoint = "intake_version")]
    internal static partial nint Version();

    [LibraryImport(Library, EntryPoint = "intake_source_open_file", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SourceOpenFile(string path, out SourceHandle source);

    [LibraryImport(Library, EntryPoint = "intake_source_open_bytes")]
    internal static partial int SourceOpenBytes(byte* data, nuint length, out SourceHandle source);

    [LibraryImport(Library, EntryPoint = "intake_source_page_info")]
    internal static partial int SourcePageInfo(SourceHandle source, int page, out PageInfo info);

    [LibraryImport(Library, EntryPoint = "intake_source_decode")]
    internal static partial int SourceDecode(SourceHandle source, int page, long maxPixels, out ImageHandle image);

    [LibraryImport(Library, EntryPoint = "intake_source_free")]
    internal static partial void SourceFree(nint source);

    [LibraryImport(Library, EntryPoint = "intake_image_info")]
    internal static partial int ImageInfo(ImageHandle image, out int width, out int height, out int channels, out double dpiX, out double dpiY);

    [LibraryImport(Library, EntryPoint = "intake_image_set_dpi")]
    internal static partial int ImageSetDpi(ImageHandle image, double dpiX, double dpiY);

    [LibraryImport(Library, EntryPoint = "intake_image_pixels")]
    internal static partial int ImagePixels(ImageHandle image, out nint data, out int stride);

    [LibraryImport(Library, EntryPoint = "intake_image_encode", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ImageEncode(ImageHandle image, string extension, int quality, out nint data, out nuint length);

    [LibraryImport(Library, EntryPoint = "intake_buffer_free")]
    internal static partial void BufferFree(nint data);

    [LibraryImport(Library, EntryPoint = "intake_image_to_gray")]
    internal static partial int ImageToGray(ImageHandle image, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_image_to_rgb")]
    internal static partial int ImageToRgb(ImageHandle image, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_image_rotate")]
    internal static partial int ImageRotate(ImageHandle image, double degrees, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_image_resize")]
    internal static partial int ImageResize(ImageHandle image, double factor, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_image_crop")]
    internal static partial int ImageCrop(ImageHandle image, int x, int y, int width, int height, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_image_from_pixels")]
    internal static partial int ImageFromPixels(byte* data, int width, int height, int channels, int stride, double dpiX, double dpiY, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_image_share")]
    internal static partial int ImageShare(ImageHandle image, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_image_free")]
    internal static partial void ImageFree(nint image);
}
