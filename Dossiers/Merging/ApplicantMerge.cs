namespace Intake.Dossiers.Merging;

/// <summary>The merged applicant, every agreement and disagreement found on the way, and the fields a person should look at.</summary>
public sealed record ApplicantMerge(Applicant Applicant, IReadOnlyList<Check> Checks, IReadOnlyList<string> NeedsReview);
