namespace Intake.Imaging.Cleanup;

/// <summary>
/// The skew of a page: <c>page.Rotate(Degrees)</c> (counter-clockwise on screen) makes its text
/// lines horizontal. <see cref="Confidence"/> is 0..1; at 0 no text lines were found and the angle means nothing.
/// </summary>
public readonly record struct SkewEstimate(double Degrees, double Confidence);
