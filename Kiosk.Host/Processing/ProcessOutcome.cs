using Intake.Dossiers;
using Intake.Dossiers.Package;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// The dossier built, where the store keeps it (and what opening the store reported), the files of the plain package
/// when --out was given, the time each part took, and one line for each input or page that could not be read and
/// was left out (empty when every input made it in).
/// </summary>
internal sealed record ProcessOutcome(
    Dossier Dossier, StoredDossier Stored, StoreOpening Opening, PackageFiles? Files, TimeSpan Reading, TimeSpan Packaging, IReadOnlyList<string> Refusals)
{
    /// <summary>What was read with a remark but not refused: how each PDF's pages were taken, a PDF that opens only leniently.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];
}
