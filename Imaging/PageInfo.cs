namespace Intake.Imaging;

/// <summary>What a page's header declares, read without decoding it. A dpi of 0 means none was declared.</summary>
public sealed record PageInfo(ImageFormat Format, int Width, int Height, double DpiX, double DpiY)
{
    public long Pixels => (long)Width * Height;
}
