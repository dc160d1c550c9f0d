namespace Intake.Imaging.Cleanup;

/// <summary>What <see cref="Deskewer.Straighten"/> did: the page, the skew it measured, and whether it turned the page.</summary>
public sealed record StraightenedPage(Image Page, SkewEstimate Skew, bool Rotated);
