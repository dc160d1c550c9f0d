namespace Intake.Dossiers.Package;

/// <summary>
/// A dossier package built in memory, before anything is written: one PDF per document, <c>dossier.pdf</c> and
/// <c>dossier.json</c>, in the order <see cref="DossierPackageWriter"/> writes them (dossier.json last).
/// </summary>
public sealed record DossierPackage(Dossier Dossier, IReadOnlyList<PackageFile> Files)
{
    /// <summary>The UTF-8 bytes of <c>dossier.json</c>.</summary>
    public byte[] Json => Files.Single(f => f.Name == DossierPackageWriter.JsonName).Bytes;
}
