namespace Intake.Imaging.Cleanup;

/// <summary>
/// The page's four corners in a camera photo, and how sure the finder is (0..1; at 0 the corners
/// are the photo's own).
/// </summary>
public sealed record PageQuad(PagePoint TopLeft, PagePoint TopRight, PagePoint BottomRight, PagePoint BottomLeft, double Confidence);
