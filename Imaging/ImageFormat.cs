namespace Intake.Imaging;

/// <summary>Encoded formats we read; the values match intake_format in the native header.</summary>
public enum ImageFormat
{
    Unknown = 0,
    Png = 1,
    Jpeg = 2,
    Tiff = 3,
    WebP = 4,
    Bmp = 5,
}
