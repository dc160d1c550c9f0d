using Intake.Dossiers;
using Intake.Dossiers.Package;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// The dossier built, where the store keeps it (and what opening the store reported), the files of the plain package
/// when --out was given, and the time each part took.
/// </summary>
internal sealed record ProcessOutcome(Dossier Dossier, StoredDossier Stored, StoreOpening Opening, PackageFiles? Files, TimeSpan Reading, TimeSpan Packaging);
