namespace Intake.Kiosk.Host.Processing;

/// <summary>What `intake process` was asked to do.</summary>
internal sealed record ProcessRequest(IReadOnlyList<string> Inputs, string OutputFolder, string? ProcedureCode, string Operator, string KioskCode, int Workers = 0);
