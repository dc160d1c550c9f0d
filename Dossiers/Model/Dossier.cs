namespace Intake.Dossiers;

/// <summary>
/// Everything the kiosk knows about one citizen's request. Immutable: every change, in particular an
/// operator's correction, produces a new version, so the history of who changed what stays with the dossier.
/// </summary>
public sealed record Dossier(
    Guid Id,
    DossierCode Code,
    ProcedureRef? Procedure,
    Applicant Applicant,
    IReadOnlyList<Document> Documents,
    IReadOnlyList<DossierPage> Pages,
    IReadOnlyList<Check> Checks,
    IReadOnlyList<ChecklistItem> Checklist,
    string Operator,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<Correction> Corrections)
{
    /// <summary>A new, empty dossier at version 1.</summary>
    public static Dossier Create(DossierCode code, string operatorName, DateTimeOffset now, ProcedureRef? procedure = null) =>
        new(Guid.NewGuid(), code, procedure, Applicant.Empty, [], [], [], [], operatorName, now, now, 1, []);

    /// <summary>
    /// The next version with one applicant field set by hand. The manual value is certain (confidence 1) and the
    /// value it replaces is kept as an alternative and in the correction, so nothing read from the documents is lost.
    /// </summary>
    public Dossier WithCorrection(string fieldName, string newValue, string operatorName, DateTimeOffset at, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        var old = Applicant.Get(fieldName);
        var alternatives = old is null ? [] : old.Alternatives.Prepend(old.Value).Distinct(StringComparer.Ordinal).ToArray();
        var corrected = new Field(newValue, 1.0, FieldSource.Manual, old?.Page, old?.Box, alternatives);
        var correction = new Correction(fieldName, old?.Value, corrected.Value, operatorName, at, reason);
        return this with
        {
            Applicant = Applicant.With(fieldName, corrected),
            Corrections = [.. Corrections, correction],
            UpdatedAt = at,
            Version = Version + 1,
        };
    }
}
