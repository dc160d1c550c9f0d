using Intake.Imaging.Decoding;

namespace Intake.Imaging;

/// <summary>
/// An encoded image file (one or more pages) held in memory. Opening it checks the container (format, truncation) and
/// reads each page's declared size and dpi from the headers; pixels are decoded page by page, by OpenCV.
/// </summary>
public sealed class ImageSource : IDisposable
{
    /// <summary>2 GiB of encoded data is no page.</summary>
    private const long MaxFileBytes = 2L << 30;

    private readonly byte[] _bytes;
    private readonly PageInfo[] _pages;
    private readonly TiffDirectory[]? _tiffPages;
    private bool _disposed;

    private ImageSource(byte[] bytes)
    {
        if (bytes.Length == 0) throw new ImagingException(ImagingError.Io, "the file is empty");
        var format = ImageProbe.Sniff(bytes);
        if (format == ImageFormat.Tiff)
        {
            _tiffPages = TiffDirectory.Read(bytes);
            _pages = _tiffPages.Select(p => p.Info).ToArray();
        }
        else
        {
            _pages = ImageProbe.Pages(bytes, format);
        }
        _bytes = bytes;
    }

    public ImageFormat Format => _pages[0].Format;

    public int PageCount => _pages.Length;

    public IReadOnlyList<PageInfo> Pages => _pages;

    public static ImageSource Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            if (Directory.Exists(path)) throw new ImagingException(ImagingError.Io, "cannot read the file (is it a folder?)");
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes) throw new ImagingException(ImagingError.TooLarge, "the file is larger than 2 GiB");
            bytes = File.ReadAllBytes(path);
        }
        // the system's own words (strerror), as the native reader gave them: "No such file or directory"
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImagingException(ImagingError.Io, "cannot open the file: No such file or directory");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ImagingException(ImagingError.Io, "cannot open the file: Permission denied");
        }
        catch (IOException e)
        {
            throw new ImagingException(ImagingError.Io, "cannot open the file: " + e.Message);
        }
        return new ImageSource(bytes);
    }

    public static ImageSource FromBytes(ReadOnlySpan<byte> encoded)
    {
        return new ImageSource(encoded.ToArray());
    }

    /// <summary>Decodes one page (0-based); a page declaring more than <paramref name="maxPixels"/> is refused first.</summary>
    public Image Decode(int page = 0, long maxPixels = ImageLimits.MaxPixels)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (page < 0 || page >= _pages.Length) throw new ImagingException(ImagingError.Argument, "page out of range");
        var info = _pages[page];
        var pixels = info.Pixels;
        if (maxPixels > 0 && pixels > maxPixels)
        {
            throw new ImagingException(ImagingError.TooLarge,
                $"the image declares {info.Width}x{info.Height} = {pixels / 1000000} megapixels, over the limit of {maxPixels / 1000000}");
        }
        return ImagingFailure.Guard(() => new Image(PageDecoder.Decode(_bytes, info.Format, _tiffPages?[page]), info.DpiX, info.DpiY));
    }

    public void Dispose() => _disposed = true;

    /// <summary>The imaging library's version line, for health reports.</summary>
    public static string NativeVersion => $"intake_imaging 2 (OpenCvSharp, OpenCV {OpenCvSharp.Cv2.GetVersionString()})";
}
