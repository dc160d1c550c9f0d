namespace Intake.Imaging.Cleanup;

/// <summary>How much ink a page carries (0 blank .. 1 full) and whether that counts as blank. Blank pages are flagged, never dropped.</summary>
public readonly record struct BlankPageVerdict(double InkScore, bool IsBlank);
