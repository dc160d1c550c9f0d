using Intake.Dossiers;
using Intake.Dossiers.Package;

namespace Intake.Kiosk.Host.Processing;

/// <summary>The dossier built and the files it was written to, with the time each part took.</summary>
internal sealed record ProcessOutcome(Dossier Dossier, PackageFiles Files, TimeSpan Reading, TimeSpan Packaging);
