using Intake.Imaging.Native;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Makes the copy of a page that only the OCR engine sees: background flattened (shadows, yellowed
/// paper), light noise removed, binarised locally (Sauvola). The archived page is never replaced by it.
/// </summary>
public static class OcrBinarizer
{
    /// <summary>8-bit grey holding only 0 (ink) and 255 (paper), same size and dpi as <paramref name="page"/>.</summary>
    public static Image MakeOcrCopy(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        NativeStatus.Check(ImagingNative.CleanForOcr(page.Handle, out var result));
        return new Image(result);
    }
}
