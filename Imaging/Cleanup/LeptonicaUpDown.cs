using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Leptonica's ascender/descender count (pixUpDownDetect, Bloomberg et al., SPIE 1995), called in the system's
/// liblept.so.5 (Tesseract's own image library, installed with it) as Ocr/ calls Tesseract: an algorithm of Leptonica's,
/// not ours, so it is not ported.
/// </summary>
internal static partial class LeptonicaUpDown
{
    private const string Library = "liblept.so.5";
    private const int SeverityNone = 6; // L_SEVERITY_NONE

    /// <summary>
    /// The signed confidence that the letters of the 0/255 ink mask stand upright (negative: upside down; 0: too few
    /// letters), with the mask first turned a quarter clockwise when <paramref name="turnClockwise"/>.
    /// </summary>
    public static unsafe double Confidence(Mat ink, bool turnClockwise)
    {
        _ = SetMsgSeverity(SeverityNone);
        var pix = PixCreate(ink.Cols, ink.Rows, 1);
        if (pix == 0) throw new ImagingException(ImagingError.NoMemory, "out of memory for the orientation cues");
        try
        {
            // The ink mask as a Leptonica 1-bpp image (1 = ink): bits from the most significant down in 32-bit words.
            var data = (uint*)PixGetData(pix);
            var wpl = PixGetWpl(pix);
            int rows = ink.Rows, cols = ink.Cols;
            for (var r = 0; r < rows; r++)
            {
                var row = (byte*)ink.Ptr(r);
                var line = data + (long)r * wpl;
                for (var c = 0; c < cols; c++)
                {
                    if (row[c] != 0) line[c >> 5] |= 0x80000000u >> (c & 31);
                }
            }
            if (!turnClockwise) return UpDown(pix);
            var turned = PixRotate90(pix, 1);
            if (turned == 0) throw new ImagingException(ImagingError.NoMemory, "out of memory for the orientation cues");
            try
            {
                return UpDown(turned);
            }
            finally
            {
                PixDestroy(ref turned);
            }
        }
        finally
        {
            PixDestroy(ref pix);
        }
    }

    private static double UpDown(nint pix)
    {
        // mincount 0 and npixels 0: Leptonica's defaults (70 counted letters at least; no trimming).
        return PixUpDownDetect(pix, out var confidence, 0, 0, 0) != 0 ? 0 : confidence;
    }

    [LibraryImport(Library, EntryPoint = "setMsgSeverity")]
    private static partial int SetMsgSeverity(int severity);

    [LibraryImport(Library, EntryPoint = "pixCreate")]
    private static partial nint PixCreate(int width, int height, int depth);

    [LibraryImport(Library, EntryPoint = "pixGetData")]
    private static partial nint PixGetData(nint pix);

    [LibraryImport(Library, EntryPoint = "pixGetWpl")]
    private static partial int PixGetWpl(nint pix);

    [LibraryImport(Library, EntryPoint = "pixRotate90")]
    private static partial nint PixRotate90(nint pix, int direction);

    [LibraryImport(Library, EntryPoint = "pixUpDownDetect")]
    private static partial int PixUpDownDetect(nint pix, out float confidence, int minCount, int pixels, int debug);

    [LibraryImport(Library, EntryPoint = "pixDestroy")]
    private static partial void PixDestroy(ref nint pix);
}
