using Intake.Dossiers;
using Intake.Dossiers.Package;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// The dossier built and the files it was written to, with the time each part took, and one line for each input or
/// page that could not be read and was left out (empty when every input made it in).
/// </summary>
internal sealed record ProcessOutcome(Dossier Dossier, PackageFiles Files, TimeSpan Reading, TimeSpan Packaging, IReadOnlyList<string> Refusals);
