namespace Intake.Imaging.Cleanup;

/// <summary>
/// How fit a camera frame is for reading: <see cref="Sharpness"/> 0 (blurred) .. 1 (sharp), and the
/// share of the frame lost to glare (clipped white patches).
/// </summary>
public readonly record struct CaptureQualityReport(double Sharpness, double GlareFraction);
