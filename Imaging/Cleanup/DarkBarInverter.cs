using Intake.Imaging.Native;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// White text on a dark title bar (tesseract-ocr/tesseract#4086): Tesseract reads dark text on light paper, and reads
/// such a bar as garbage. For the OCR copy only, every dark filled region holding light marks (large, mostly dark,
/// filled like a rectangle) is inverted so its text reads dark on light; the rest of the page is untouched.
/// </summary>
public static class DarkBarInverter
{
    /// <summary>The page in 8-bit grey with its dark bars inverted, and how many were found (0: the page in grey, unchanged). The caller disposes the copy.</summary>
    public static (Image Copy, int Bars) Invert(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        NativeStatus.Check(ImagingNative.InvertDarkBars(page.Handle, out var copy, out var bars));
        return (new Image(copy), bars);
    }
}
