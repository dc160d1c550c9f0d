using Intake.Imaging.Cleanup;
using Intake.Imaging.Decoding;
using Intake.Pages;
using OpenCvSharp;

namespace Intake.Imaging;

/// <summary>
/// A decoded page: 8-bit grey or 8-bit colour (BGR) pixels in an OpenCV <see cref="Mat"/> in native memory, with its dpi.
/// Every operation returns a new image; this one never changes. The image owns its Mat: disposing it frees the pixels
/// (and the analysis views made from them) at once, without waiting for the GC, which does not see native memory.
/// </summary>
public sealed class Image : IDisposable
{
    private readonly Mat _mat;

    /// <summary>Takes ownership of <paramref name="mat"/> (CV_8UC1 or CV_8UC3, never changed afterwards).</summary>
    internal Image(Mat mat, double dpiX, double dpiY)
    {
        _mat = mat;
        (Width, Height, Channels, DpiX, DpiY) = (mat.Cols, mat.Rows, mat.Channels(), dpiX, dpiY);
        Views = new AnalysisViews(this);
    }

    /// <summary>The pixels, for the operations of this assembly; read only.</summary>
    internal Mat Mat
    {
        get
        {
            ObjectDisposedException.ThrowIf(_mat.IsDisposed, this);
            return _mat;
        }
    }

    /// <summary>The working copies the cleanup analyses share, made once per image (see <see cref="AnalysisViews"/>).</summary>
    internal AnalysisViews Views { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>1 for grey, 3 for colour.</summary>
    public int Channels { get; }

    /// <summary>Horizontal resolution in dots per inch; 0 when the source declared none.</summary>
    public double DpiX { get; }

    public double DpiY { get; }

    /// <summary>A copy of caller-owned rows: 8-bit grey (<paramref name="channels"/> 1) or BGR (3), <paramref name="stride"/> bytes apart.</summary>
    public static unsafe Image FromPixels(ReadOnlySpan<byte> rows, int width, int height, int channels, int stride, double dpiX, double dpiY)
    {
        if (width <= 0 || height <= 0 || (channels != 1 && channels != 3) || stride < width * channels)
            throw new ImagingException(ImagingError.Argument, "bad pixel buffer description");
        if ((long)stride * (height - 1) + (long)width * channels > rows.Length)
            throw new ArgumentException("The pixel rows are shorter than the described image.", nameof(rows));
        fixed (byte* data = rows)
        {
            using var view = Mat.FromPixelData(height, width, MatType.CV_8UC(channels), (nint)data, stride);
            return new Image(view.Clone(), dpiX, dpiY);
        }
    }

    public Image WithDpi(double dpiX, double dpiY)
    {
        if (!(dpiX >= 0) || !(dpiY >= 0)) throw new ImagingException(ImagingError.Argument, "dpi must be positive");
        return new Image(Share(Mat), dpiX, dpiY);
    }

    public Image ToGray() => new(Channels == 1 ? Share(Mat) : Convert(ColorConversionCodes.BGR2GRAY), DpiX, DpiY);

    /// <summary>Grey stays grey (same pixels); colour becomes RGB order, which Tesseract expects.</summary>
    public Image ToRgb() => new(Channels == 1 ? Share(Mat) : Convert(ColorConversionCodes.BGR2RGB), DpiX, DpiY);

    /// <summary>Rotates counter-clockwise. Quarter turns are exact; other angles widen the canvas with white.</summary>
    public Image Rotate(double degrees)
    {
        if (!double.IsFinite(degrees)) throw new ImagingException(ImagingError.Argument, "bad argument");
        return ImagingFailure.Guard(() => new Image(Rotation.Rotate(Mat, degrees), DpiX, DpiY));
    }

    /// <summary>
    /// Scaled by <paramref name="factor"/> (0 &lt; factor ≤ 8) in both directions, cubic when enlarging, area-averaged when
    /// shrinking; the dpi scales alike. Refused (<see cref="ImagingException"/>) above 500 megapixels.
    /// </summary>
    public Image Scale(double factor)
    {
        if (!double.IsFinite(factor) || factor <= 0 || factor > 8)
            throw new ImagingException(ImagingError.Argument, "the factor must be above 0 and at most 8");
        var width = Math.Max(1, (int)Math.Round(Width * factor, MidpointRounding.AwayFromZero));
        var height = Math.Max(1, (int)Math.Round(Height * factor, MidpointRounding.AwayFromZero));
        if ((double)width * height > 500e6) throw new ImagingException(ImagingError.TooLarge, "the scaled image would exceed 500 megapixels");
        return ImagingFailure.Guard(() =>
        {
            var scaled = new Mat();
            Cv2.Resize(Mat, scaled, new Size(width, height), 0, 0, factor > 1 ? InterpolationFlags.Cubic : InterpolationFlags.Area);
            return new Image(scaled, DpiX * factor, DpiY * factor);
        });
    }

    public Image Crop(PixelRect rect)
    {
        var r = new Rect(rect.X, rect.Y, rect.Width, rect.Height);
        if (rect.Width <= 0 || rect.Height <= 0 || (r & new Rect(0, 0, Width, Height)) != r)
            throw new ImagingException(ImagingError.Argument, "the crop rectangle is empty or outside the image");
        using var window = new Mat(Mat, r);
        return new Image(window.Clone(), DpiX, DpiY);
    }

    /// <summary>
    /// A copy with a white border <paramref name="pixels"/> wide on every side (0 ≤ pixels ≤ 1000): Tesseract reads a
    /// word or line cut out of a page better with a margin around it than with ink touching the edges.
    /// </summary>
    public Image PadWhite(int pixels)
    {
        if (pixels is < 0 or > 1000) throw new ImagingException(ImagingError.Argument, "the border must be 0 to 1000 pixels");
        return ImagingFailure.Guard(() =>
        {
            var padded = new Mat();
            Cv2.CopyMakeBorder(Mat, padded, pixels, pixels, pixels, pixels, BorderTypes.Constant, Scalar.All(255));
            return new Image(padded, DpiX, DpiY);
        });
    }

    /// <summary>Encodes as ".png", ".jpg", ".tif", ".webp" or ".bmp", with the dpi written into the file.</summary>
    public byte[] Encode(string extension, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(extension);
        int[] parameters = extension switch
        {
            ".jpg" or ".jpeg" => [(int)ImwriteFlags.JpegQuality, quality],
            ".webp" => [(int)ImwriteFlags.WebPQuality, quality],
            ".tif" or ".tiff" =>
            [
                (int)ImwriteFlags.TiffResUnit, 2,
                (int)ImwriteFlags.TiffXDpi, (int)Math.Round(DpiX, MidpointRounding.AwayFromZero),
                (int)ImwriteFlags.TiffYDpi, (int)Math.Round(DpiY, MidpointRounding.AwayFromZero),
            ],
            ".png" or ".bmp" => [],
            _ => throw new ImagingException(ImagingError.Argument, "unsupported encoding: " + extension),
        };
        return ImagingFailure.Guard(() =>
        {
            if (!Cv2.ImEncode(extension, Mat, out var encoded, parameters)) throw new ImagingException(ImagingError.Internal, "encoding failed");
            return DpiStamp.Stamp(encoded, extension, DpiX, DpiY);
        });
    }

    /// <summary>Lends the native pixel rows to <paramref name="use"/>; the image stays alive until it returns.</summary>
    public T UsePixels<T>(Func<PixelBuffer, T> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var mat = Mat;
        try
        {
            return use(new PixelBuffer(mat.Data, Width, Height, Channels, checked((int)mat.Step())));
        }
        finally
        {
            GC.KeepAlive(this);
        }
    }

    public void Dispose()
    {
        lock (Views)
        {
            Views.Dispose();
        }
        _mat.Dispose();
    }

    /// <summary>A second header on the same pixels (OpenCV counts the references): the cheap copy of an image that never changes.</summary>
    internal static Mat Share(Mat mat) => new(mat, new Rect(0, 0, mat.Cols, mat.Rows));

    private Mat Convert(ColorConversionCodes code) => ImagingFailure.Guard(() =>
    {
        var converted = new Mat();
        Cv2.CvtColor(Mat, converted, code);
        return converted;
    });
}
