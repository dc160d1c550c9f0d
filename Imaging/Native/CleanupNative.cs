using System.Runtime.InteropServices;

namespace Intake.Imaging.Native;

/// <summary>The page-cleanup part of the C ABI (Imaging/native/include/intake_cleanup.h), and nothing else.</summary>
internal static unsafe partial class ImagingNative
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct Rect
    {
        public int X;
        public int Y;
        public int Width;
        public int Height;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct RotatedRect
    {
        public double CenterX;
        public double CenterY;
        public double Width;
        public double Height;
        public double Angle;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct DocumentRegion
    {
        public RotatedRect Region;
        public Rect Bounds;
        public int Kind;
        public double Confidence;
    }

    [LibraryImport(Library, EntryPoint = "intake_deskew_angle")]
    internal static partial int DeskewAngle(ImageHandle image, double maxDegrees, out double angle, out double confidence);

    [LibraryImport(Library, EntryPoint = "intake_clean_for_ocr")]
    internal static partial int CleanForOcr(ImageHandle image, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_content_bounds")]
    internal static partial int ContentBounds(ImageHandle image, out Rect bounds);

    [LibraryImport(Library, EntryPoint = "intake_ink_bounds")]
    internal static partial int InkBounds(ImageHandle image, int margin, out Rect bounds);

    [StructLayout(LayoutKind.Sequential)]
    internal struct OrientationCues
    {
        public double LineRatio;
        public double UpConfidence;
        public double LeftConfidence;
    }

    [LibraryImport(Library, EntryPoint = "intake_rotate_to_ink")]
    internal static partial int RotateToInk(ImageHandle image, double degrees, int margin, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_orientation_cues")]
    internal static partial int MeasureOrientationCues(ImageHandle image, out OrientationCues cues);

    [LibraryImport(Library, EntryPoint = "intake_blank_score")]
    internal static partial int BlankScore(ImageHandle image, out double score);

    [LibraryImport(Library, EntryPoint = "intake_text_x_heights")]
    internal static partial int TextXHeights(ImageHandle image, out double body, out double smallest, out int glyphs);

    [LibraryImport(Library, EntryPoint = "intake_invert_dark_bars")]
    internal static partial int InvertDarkBars(ImageHandle image, out ImageHandle result, out int bars);

    [LibraryImport(Library, EntryPoint = "intake_estimate_dpi")]
    internal static partial int EstimateDpi(ImageHandle image, out double dpi);

    [LibraryImport(Library, EntryPoint = "intake_find_documents")]
    internal static partial int FindDocuments(ImageHandle image, int maxDocs, DocumentRegion* regions, out int count);

    [LibraryImport(Library, EntryPoint = "intake_extract_document")]
    internal static partial int ExtractDocument(ImageHandle image, in DocumentRegion region, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_find_page_quad")]
    internal static partial int FindPageQuad(ImageHandle image, double* corners, out double confidence);

    [LibraryImport(Library, EntryPoint = "intake_warp_quad")]
    internal static partial int WarpQuad(ImageHandle image, double* corners, out ImageHandle result);

    [LibraryImport(Library, EntryPoint = "intake_sharpness")]
    internal static partial int Sharpness(ImageHandle image, out double score);

    [LibraryImport(Library, EntryPoint = "intake_glare_fraction")]
    internal static partial int GlareFraction(ImageHandle image, out double fraction);
}
