namespace Intake.Scanner;

/// <summary>A rectangle on the glass in millimetres, origin at the top-left corner of the scan bed.</summary>
public sealed record ScanArea(double LeftMm, double TopMm, double WidthMm, double HeightMm)
{
    public double RightMm => LeftMm + WidthMm;

    public double BottomMm => TopMm + HeightMm;

    /// <summary>ISO A4 portrait from the corner, what a citizen's form usually is.</summary>
    public static ScanArea A4 { get; } = new(0, 0, 210, 297);
}
