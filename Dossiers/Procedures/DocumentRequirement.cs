namespace Intake.Dossiers.Procedures;

/// <summary>
/// A required component in the procedures catalogue: a document type, or a card group ("cccd", "cccd-front",
/// "cccd-back") that either card generation satisfies, since both stay valid.
/// </summary>
public static class DocumentRequirement
{
    public const string AnyCccd = "cccd";
    public const string CccdFront = "cccd-front";
    public const string CccdBack = "cccd-back";

    public static bool IsSatisfiedBy(string requirement, string documentType) => requirement switch
    {
        AnyCccd => DocumentTypes.IsCccd(documentType),
        CccdFront => DocumentTypes.IsCccdFront(documentType),
        CccdBack => DocumentTypes.IsCccdBack(documentType),
        _ => string.Equals(requirement, documentType, StringComparison.Ordinal),
    };

    public static bool IsKnown(string requirement) =>
        requirement is AnyCccd or CccdFront or CccdBack || DocumentTypes.All.Contains(requirement);
}
