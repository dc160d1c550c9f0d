namespace Intake.Imaging;

/// <summary>Encoded formats we read.</summary>
public enum ImageFormat
{
    Unknown = 0,
    Png = 1,
    Jpeg = 2,
    Tiff = 3,
    WebP = 4,
    Bmp = 5,
}
