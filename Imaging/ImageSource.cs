using System.Runtime.InteropServices;
using Intake.Imaging.Native;

namespace Intake.Imaging;

/// <summary>
/// An encoded image file (one or more pages) held in native memory. Opening it checks the container
/// (format, truncation) and reads each page's declared size and dpi; pixels are decoded page by page.
/// </summary>
public sealed class ImageSource : IDisposable
{
    private readonly SourceHandle _handle;
    private readonly PageInfo[] _pages;

    private ImageSource(SourceHandle handle)
    {
        _handle = handle;
        NativeStatus.Check(ImagingNative.SourcePageInfo(handle, 0, out var first));
        _pages = new PageInfo[first.PageCount];
        for (var i = 0; i < _pages.Length; i++)
        {
            NativeStatus.Check(ImagingNative.SourcePageInfo(handle, i, out var info));
            _pages[i] = new PageInfo((ImageFormat)info.Format, info.Width, info.Height, info.DpiX, info.DpiY);
        }
    }

    public ImageFormat Format => _pages[0].Format;

    public int PageCount => _pages.Length;

    public IReadOnlyList<PageInfo> Pages => _pages;

    public static ImageSource Open(string path)
    {
        NativeStatus.Check(ImagingNative.SourceOpenFile(path, out var handle));
        return Wrap(handle);
    }

    public static unsafe ImageSource FromBytes(ReadOnlySpan<byte> encoded)
    {
        SourceHandle handle;
        fixed (byte* data = encoded)
            NativeStatus.Check(ImagingNative.SourceOpenBytes(data, (nuint)encoded.Length, out handle));
        return Wrap(handle);
    }

    /// <summary>Decodes one page (0-based); a page declaring more than <paramref name="maxPixels"/> is refused first.</summary>
    public Image Decode(int page = 0, long maxPixels = ImageLimits.MaxPixels)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        NativeStatus.Check(ImagingNative.SourceDecode(_handle, page, maxPixels, out var image));
        return new Image(image);
    }

    public void Dispose() => _handle.Dispose();

    private static ImageSource Wrap(SourceHandle handle)
    {
        try
        {
            return new ImageSource(handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The native library's version line, for health reports.</summary>
    public static string NativeVersion => Marshal.PtrToStringUTF8(ImagingNative.Version()) ?? "";
}
