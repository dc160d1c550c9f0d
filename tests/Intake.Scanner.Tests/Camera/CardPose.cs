namespace Intake.Scanner.Tests.Camera;

/// <summary>
/// Where the synthetic card lies in a frame: its centre, its width in pixels, how far it is turned
/// (degrees, counter-clockwise on screen) and how far its top edge is tilted away from the camera
/// (the top edge drawn this fraction shorter than the bottom one: perspective).
/// </summary>
internal readonly record struct CardPose(double CenterX, double CenterY, double WidthPx, double Degrees, double Tilt)
{
    /// <summary>Top-left, top-right, bottom-right, bottom-left, as the card's own corners land in the frame.</summary>
    public (double X, double Y)[] Corners()
    {
        var height = WidthPx * SyntheticCard.Height / SyntheticCard.Width;
        var top = WidthPx * (1 - Tilt) / 2;
        var bottom = WidthPx / 2;
        (double X, double Y)[] local = [(-top, -height / 2), (top, -height / 2), (bottom, height / 2), (-bottom, height / 2)];
        var a = -Degrees * Math.PI / 180; // screen y points down: counter-clockwise on screen is a negative angle here
        double cx = CenterX, cy = CenterY;
        return local.Select(p => (cx + p.X * Math.Cos(a) - p.Y * Math.Sin(a), cy + p.X * Math.Sin(a) + p.Y * Math.Cos(a))).ToArray();
    }
}
