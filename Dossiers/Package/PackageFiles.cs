namespace Intake.Dossiers.Package;

/// <summary>The files a dossier package was written as, full paths: dossier.json, dossier.pdf and one PDF per document.</summary>
public sealed record PackageFiles(string Json, string DossierPdf, IReadOnlyList<string> DocumentPdfs);
