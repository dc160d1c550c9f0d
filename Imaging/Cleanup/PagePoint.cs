namespace Intake.Imaging.Cleanup;

/// <summary>A point in image pixels (sub-pixel), origin top left.</summary>
public readonly record struct PagePoint(double X, double Y);
