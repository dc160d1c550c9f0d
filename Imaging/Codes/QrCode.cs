using Intake.Pages;
using Intake.Imaging.Cleanup;

namespace Intake.Imaging.Codes;

/// <summary>
/// A decoded QR code: its payload (UTF-8 decoded; invalid bytes become U+FFFD, never an exception), its corners in
/// the image's pixels, how far the code is turned clockwise on screen from upright (0/90/180/270, null when the decoder
/// could not tell) and which attempt decoded it (<see cref="QrReader"/>), kept so a hard-to-read print can be traced.
/// </summary>
public sealed record QrCode(string Text, IReadOnlyList<PagePoint> Corners, int? TurnedDegrees, int Attempt)
{
    internal QrCode(string text, IReadOnlyList<PagePoint> corners, int orientation, int attempt)
        : this(text, corners, orientation < 0 ? null : orientation, attempt)
    {
    }

    /// <summary>The axis-aligned box around the corners.</summary>
    public PixelRect Bounds
    {
        get
        {
            var left = (int)Math.Floor(Corners.Min(c => c.X));
            var top = (int)Math.Floor(Corners.Min(c => c.Y));
            var right = (int)Math.Ceiling(Corners.Max(c => c.X));
            var bottom = (int)Math.Ceiling(Corners.Max(c => c.Y));
            return new PixelRect(left, top, right - left, bottom - top);
        }
    }
}
