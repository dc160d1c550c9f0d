namespace Intake.Dossiers;

/// <summary>One line of a procedure's checklist: a required document type (or group such as "cccd") and whether the dossier has it.</summary>
public sealed record ChecklistItem(string DocumentType, bool Present);
