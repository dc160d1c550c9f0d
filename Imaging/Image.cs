using Intake.Pages;
using System.Runtime.InteropServices;
using Intake.Imaging.Native;

namespace Intake.Imaging;

/// <summary>
/// A decoded page: 8-bit grey or 8-bit colour pixels kept in native memory, with its dpi.
/// Every operation returns a new image; this one never changes.
/// </summary>
public sealed class Image : IDisposable
{
    private readonly ImageHandle _handle;

    internal Image(ImageHandle handle)
    {
        _handle = handle;
        NativeStatus.Check(ImagingNative.ImageInfo(handle, out var width, out var height, out var channels, out var dpiX, out var dpiY));
        (Width, Height, Channels, DpiX, DpiY) = (width, height, channels, dpiX, dpiY);
    }

    internal ImageHandle Handle => _handle;

    public int Width { get; }

    public int Height { get; }

    /// <summary>1 for grey, 3 for colour.</summary>
    public int Channels { get; }

    /// <summary>Horizontal resolution in dots per inch; 0 when the source declared none.</summary>
    public double DpiX { get; }

    public double DpiY { get; }

    public static unsafe Image FromPixels(ReadOnlySpan<byte> rows, int width, int height, int channels, int stride, double dpiX, double dpiY)
    {
        ImageHandle handle;
        fixed (byte* data = rows)
        {
            if ((long)stride * (height - 1) + (long)width * channels > rows.Length)
                throw new ArgumentException("The pixel rows are shorter than the described image.", nameof(rows));
            NativeStatus.Check(ImagingNative.ImageFromPixels(data, width, height, channels, stride, dpiX, dpiY, out handle));
        }
        return new Image(handle);
    }

    public Image WithDpi(double dpiX, double dpiY)
    {
        NativeStatus.Check(ImagingNative.ImageShare(_handle, out var shared));
        using var guard = shared;
        NativeStatus.Check(ImagingNative.ImageSetDpi(shared, dpiX, dpiY));
        NativeStatus.Check(ImagingNative.ImageShare(shared, out var result));
        return new Image(result);
    }

    public Image ToGray() => Apply(ImagingNative.ImageToGray);

    /// <summary>Grey stays grey (same pixels); colour becomes RGB order, which Tesseract expects.</summary>
    public Image ToRgb() => Apply(ImagingNative.ImageToRgb);

    /// <summary>Rotates counter-clockwise. Quarter turns are exact; other angles widen the canvas with white.</summary>
    public Image Rotate(double degrees)
    {
        NativeStatus.Check(ImagingNative.ImageRotate(_handle, degrees, out var result));
        return new Image(result);
    }

    /// <summary>
    /// Scaled by <paramref name="factor"/> (0 &lt; factor ≤ 8) in both directions, cubic when enlarging, area-averaged when
    /// shrinking; the dpi scales alike. Refused (<see cref="ImagingException"/>) above 500 megapixels.
    /// </summary>
    public Image Scale(double factor)
    {
        NativeStatus.Check(ImagingNative.ImageResize(_handle, factor, out var result));
        return new Image(result);
    }

    public Image Crop(PixelRect rect)
    {
        NativeStatus.Check(ImagingNative.ImageCrop(_handle, rect.X, rect.Y, rect.Width, rect.Height, out var result));
        return new Image(result);
    }

    /// <summary>Encodes as ".png", ".jpg", ".tif", ".webp" or ".bmp", with the dpi written into the file.</summary>
    public byte[] Encode(string extension, int quality = 90)
    {
        NativeStatus.Check(ImagingNative.ImageEncode(_handle, extension, quality, out var data, out var length));
        try
        {
            var bytes = new byte[checked((int)length)];
            Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            ImagingNative.BufferFree(data);
        }
    }

    /// <summary>Lends the native pixel rows to <paramref name="use"/>; the image stays alive until it returns.</summary>
    public T UsePixels<T>(Func<PixelBuffer, T> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            NativeStatus.Check(ImagingNative.ImagePixels(_handle, out var data, out var stride));
            return use(new PixelBuffer(data, Width, Height, Channels, stride));
        }
        finally
        {
            if (added) _handle.DangerousRelease();
        }
    }

    public void Dispose() => _handle.Dispose();

    private delegate int Operation(ImageHandle image, out ImageHandle result);

    private Image Apply(Operation operation)
    {
        NativeStatus.Check(operation(_handle, out var result));
        return new Image(result);
    }
}
