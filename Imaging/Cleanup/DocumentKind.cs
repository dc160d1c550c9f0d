namespace Intake.Imaging.Cleanup;

public enum DocumentKind
{
    /// <summary>About ID-1 size (85.6 × 54 mm): citizen ID card, driving licence.</summary>
    Card = 1,

    /// <summary>Anything larger: a page, a passport spread, a certificate.</summary>
    Page = 2,
}
