using System.Text;
using Intake.Imaging.Cleanup;
using Intake.Imaging.Native;

namespace Intake.Imaging.Codes;

/// <summary>
/// Finds and decodes one QR code in an image (zbar in the native shim, on images OpenCV prepares: Debian's OpenCV has
/// no QR decoder). Several attempts run in order until one decodes: the grey image, an upscaled copy for small prints,
/// then Otsu and adaptive binarisations for noise and JPEG. Thread-safe: each call uses its own scanner.
/// </summary>
public static class QrReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The code's payload and corners, or null when the image holds no decodable QR code.</summary>
    public static unsafe QrCode? Read(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var corners = stackalloc double[8];
        NativeStatus.Check(ImagingNative.QrDecode(image.Handle, out var found, out var text, out var length, corners, out var orientation, out var attempt));
        if (found == 0 || text == 0)
        {
            return null;
        }

        try
        {
            var bytes = new ReadOnlySpan<byte>((void*)text, checked((int)length));
            var payload = Utf8.GetString(bytes).Normalize(NormalizationForm.FormC);
            var points = new PagePoint[4];
            for (var i = 0; i < 4; i++)
            {
                points[i] = new PagePoint(corners[2 * i], corners[(2 * i) + 1]);
            }

            return new QrCode(payload, points, orientation, attempt);
        }
        finally
        {
            ImagingNative.BufferFree(text);
        }
    }
}
