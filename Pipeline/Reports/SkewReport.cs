namespace Intake.Pipeline.Reports;

/// <summary>
/// The skew measured (counter-clockwise correction in degrees, as Image.Rotate takes it), how sure,
/// whether the page was turned, and whether that turn was undone because nothing read after it.
/// </summary>
public sealed record SkewReport(double Degrees, double Confidence, bool Rotated, bool Reverted = false);
