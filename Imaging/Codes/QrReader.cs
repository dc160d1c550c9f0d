using System.Text;
using Intake.Imaging.Cleanup;
using Intake.Pages;
using OpenCvSharp;

namespace Intake.Imaging.Codes;

/// <summary>
/// Finds and decodes one QR code in an image with OpenCV 4.13 (OpenCvSharp4): WeChatQRCode first (contrib, zxing's
/// decoder behind OpenCV's finder; run without its CNN models, which neither the runtime nor the NuGet package ships),
/// on the grey image and enlarged (<see cref="QrCode.Attempt"/> 1-2), then OpenCV's own QRCodeDetector (attempt 3)
/// for the few codes WeChat misses. The chain and its figures against zbar (the reader
/// before) are in docs/performance.md, "QR readers" (bench/qr-compare). The image is read in grey, at most
/// <see cref="MaxSide"/> pixels on its long side, inside a white margin: a card cut out of a scan ends at the code's
/// quiet zone. The payload's bytes are taken as UTF-8 (a CCCD's QR is UTF-8 without an ECI header: OpenCvSharp makes the
/// string from them so), invalid bytes becoming U+FFFD, never an exception; the text is NFC. Thread-safe: each call uses its own detectors.
/// </summary>
public static class QrReader
{
    /// <summary>Longer images are scaled down first: a QR code big enough to matter survives, the time does not grow without bound.</summary>
    public const int MaxSide = 3000;

    /// <summary>An image shorter than this on its long side is also tried at 1.5 times its size.</summary>
    public const int UpscaleBelow = 1600;

    /// <summary>The code's payload and corners (in <paramref name="image"/>'s pixels), or null when it holds no decodable QR code.</summary>
    public static QrCode? Read(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var grey = image.UsePixels(Grey);
        var side = Math.Max(grey.Width, grey.Height);
        var scale = side > MaxSide ? (double)MaxSide / side : 1.0;
        using var small = scale < 1 ? grey.Resize(new Size(), scale, scale, InterpolationFlags.Area) : null;
        var pad = Math.Max(16, Math.Max((small ?? grey).Width, (small ?? grey).Height) / 16);
        using var framed = (small ?? grey).CopyMakeBorder(pad, pad, pad, pad, BorderTypes.Constant, Scalar.White);

        var attempt = 0;
        string? text = null;
        Point2f[]? corners = null;
        var factor = 1.0;
        using (var wechat = new WeChatQRCode())
        {
            foreach (var (number, prepare, times) in Attempts(framed))
            {
                using var prepared = prepare();
                var texts = wechat.DetectAndDecode(prepared, out var boxes);
                if (texts.Length == 0 || boxes.Length == 0 || boxes[0].Length != 4) continue;
                (attempt, text, corners, factor) = (number, texts[0], boxes[0], times);
                break;
            }
        }

        if (attempt == 0)
        {
            using var opencv = new QRCodeDetector();
            var found = opencv.DetectAndDecode(framed, out var points);
            if (!string.IsNullOrEmpty(found) && points.Length == 4) (attempt, text, corners) = (3, found, points);
        }

        if (attempt == 0) return null;
        var inImage = corners!.Select(c => new PagePoint(((c.X / factor) - pad) / scale, ((c.Y / factor) - pad) / scale)).ToArray();
        return new QrCode(text!.Normalize(NormalizationForm.FormC), inImage, Turned(inImage), attempt);
    }

    /// <summary>
    /// WeChat's attempts in order: the grey image, then 1.5 times its size when small (a card cut out of a 300 dpi scan:
    /// modules of 3-4 pixels; 2× decoded one more zxing-cpp sample but made every card back 20 % slower to give up on).
    /// Each gives its number and how much it enlarged the image. The zbar chain's Otsu and
    /// adaptive binarisations are not repeated: WeChat binarises several ways itself, and on the corpora and the
    /// generated card scans they decoded nothing more while a miss (every card back) paid for them.
    /// </summary>
    private static IEnumerable<(int Number, Func<Mat> Prepare, double Times)> Attempts(Mat grey)
    {
        yield return (1, grey.Clone, 1);
        if (Math.Max(grey.Width, grey.Height) < UpscaleBelow) yield return (2, () => grey.Resize(new Size(), 1.5, 1.5, InterpolationFlags.Cubic), 1.5);
    }

    /// <summary>
    /// How far the code is turned clockwise on screen: OpenCV gives the corners from the code's own top left (the
    /// finder pattern at the start of its first row), clockwise, so the top edge's direction is the turn.
    /// </summary>
    private static int Turned(PagePoint[] corners)
    {
        var degrees = Math.Atan2(corners[1].Y - corners[0].Y, corners[1].X - corners[0].X) * 180 / Math.PI;
        return ((int)Math.Round(degrees / 90) * 90 + 360) % 360;
    }

    private static Mat Grey(PixelBuffer pixels)
    {
        using var borrowed = Mat.FromPixelData(pixels.Height, pixels.Width, pixels.BytesPerPixel == 1 ? MatType.CV_8UC1 : MatType.CV_8UC3, pixels.Data, pixels.Stride);
        var grey = new Mat();
        if (pixels.BytesPerPixel == 1) borrowed.CopyTo(grey);
        else Cv2.CvtColor(borrowed, grey, ColorConversionCodes.BGR2GRAY);
        return grey;
    }
}
