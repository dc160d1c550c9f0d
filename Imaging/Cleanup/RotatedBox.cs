namespace Intake.Imaging.Cleanup;

/// <summary>
/// A rectangle turned about its centre, in image pixels. <see cref="Width"/> × <see cref="Height"/> is
/// the upright document's size; <see cref="Degrees"/> is how far it was turned counter-clockwise (on
/// screen) to lie as it does, in (-90, 90]. So <c>Image.Rotate(-Degrees)</c> would set it upright.
/// Whether it is also upside down is for the orientation stage to say.
/// </summary>
public readonly record struct RotatedBox(double CenterX, double CenterY, double Width, double Height, double Degrees);
