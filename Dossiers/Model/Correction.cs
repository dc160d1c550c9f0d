namespace Intake.Dossiers;

/// <summary>An operator's change to one applicant field: who, when, what it was and what it became. Kept forever in the dossier's history.</summary>
public sealed record Correction(
    string FieldName,
    string? OldValue,
    string NewValue,
    string Operator,
    DateTimeOffset At,
    string? Reason = null);
