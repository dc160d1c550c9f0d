using Intake.Imaging;

namespace Intake.Ocr.Native;

/// <summary>How a page is handed to Tesseract's SetImage, written once for the reader and for OSD.</summary>
internal static class TesseractInput
{
    /// <summary>
    /// Sets <paramref name="image"/> as <paramref name="api"/>'s image for the length of <paramref name="use"/>.
    /// Grey pages go in as they are (8 bits per pixel), as the tesseract CLI reads them: widening them to RGB only
    /// for Tesseract to narrow them back costs two full-page copies. Colour is lent in RGB order.
    /// </summary>
    public static T Lend<T>(TessBaseApiHandle api, Image image, Func<PixelBuffer, T> use)
    {
        using var rgb = image.Channels == 1 ? null : image.ToRgb();
        return (rgb ?? image).UsePixels(pixels =>
        {
            TesseractNative.SetImage(api, pixels.Data, pixels.Width, pixels.Height, pixels.BytesPerPixel, pixels.Stride);
            return use(pixels);
        });
    }
}
