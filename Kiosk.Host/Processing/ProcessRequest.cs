using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// What `intake process` was asked to do. The dossier is committed to the store <paramref name="Store"/> (which hands
/// out its code); <paramref name="OutputFolder"/>, when given, also receives the plain package. <paramref name="HeldStore"/>:
/// the store when this process already holds it open (`intake serve`: one process holds a store once), else null and
/// the store is opened for the commit.
/// </summary>
internal sealed record ProcessRequest(
    IReadOnlyList<string> Inputs, string? OutputFolder, string? ProcedureCode, string Operator, string KioskCode, StoreOptions Store, int Workers = 0,
    DossierStore? HeldStore = null);
