namespace Intake.Dossiers.Merging;

/// <summary>One value offered for an applicant field by one document.</summary>
internal sealed record FieldCandidate(Field Field, string DocumentType)
{
    public bool IsExact => Field.Source is FieldSource.Qr or FieldSource.Mrz && Field.Confidence >= ApplicantMerger.ExactFloor;

    public string Origin => $"{Field.Source.ToString().ToUpperInvariant()} ({DocumentType})";
}
