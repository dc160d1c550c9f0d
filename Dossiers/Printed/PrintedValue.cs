namespace Intake.Dossiers.Printed;

/// <summary>A value cleaned for its field; Repaired says OCR look-alikes had to be changed, which lowers confidence.</summary>
internal sealed record PrintedValue(string? Value, bool Repaired, Check? Failure);
