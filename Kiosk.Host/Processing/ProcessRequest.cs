using Intake.Dossiers;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// What `intake process` was asked to do. <paramref name="Codes"/> hands out the dossier code's sequence number;
/// null: the kiosk's own sequence in <see cref="KioskStateDirectory"/>.
/// </summary>
internal sealed record ProcessRequest(
    IReadOnlyList<string> Inputs, string OutputFolder, string? ProcedureCode, string Operator, string KioskCode, int Workers = 0,
    DossierCodeSequence? Codes = null);
