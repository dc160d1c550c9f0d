using Intake.Dossiers.Package;

namespace Intake.Sync.Store;

/// <summary>
/// What one commit stores: the package exactly as <c>--out</c> writes it (dossier.json, the PDFs) and the scanned page
/// images (<c>page-001.jpg</c>…), whose SHA-256 dossier.json already names.
/// </summary>
public sealed record DossierCommit(DossierPackage Package, IReadOnlyList<PackageFile> PageImages);
