namespace Intake.Ocr.Orientation;

/// <summary>How a page's orientation was decided.</summary>
public enum OrientationMethod
{
    /// <summary>The text lines' direction and Leptonica's ascender/descender count agreed clearly; OSD was not asked.</summary>
    Ascenders,

    /// <summary>Tesseract's orientation detection was sure enough on its own.</summary>
    Osd,

    /// <summary>OSD was below its sure level, and the cues, short of deciding alone, leaned the same way.</summary>
    OsdConfirmedByCues,

    /// <summary>OSD was unsure or found too little text; the candidate turns were read and the most legible one won.</summary>
    Recognition,
}
