using System.Globalization;
using Intake.Dossiers.Assembly;

namespace Intake.Dossiers.Package;

/// <summary>
/// Writes a dossier package into a folder: <c>dossier.json</c>, <c>dossier.pdf</c> (every page in scan order) and one
/// searchable PDF per document (<c>document-01-cccd-2021-front.pdf</c>…). Each file is written to a temporary name and
/// renamed, so a reader never sees half a package file.
/// </summary>
public static class DossierPackageWriter
{
    public const string JsonName = "dossier.json";
    public const string PdfName = "dossier.pdf";

    public static PackageFiles Write(string folder, DossierAssembly assembly, IReadOnlyList<ScannedPagePicture> pages, IReadOnlyList<PieceLayer> layers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return Write(folder, Build(assembly, pages, layers));
    }

    /// <summary>Writes a package built by <see cref="Build"/> into <paramref name="folder"/> (created when missing).</summary>
    public static PackageFiles Write(string folder, DossierPackage package)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(package);
        Directory.CreateDirectory(folder);
        var paths = package.Files.Select(f => WriteAtomically(folder, f.Name, f.Bytes)).ToArray();
        var json = paths[^1];
        var dossierPdf = paths[^2];
        return new PackageFiles(json, dossierPdf, paths[..^2]);
    }

    /// <summary>
    /// The package in memory: one PDF per document that has pieces, <c>dossier.pdf</c>, then <c>dossier.json</c>; the
    /// same bytes <see cref="Write(string, DossierPackage)"/> puts in a folder and the kiosk's store keeps.
    /// </summary>
    public static DossierPackage Build(DossierAssembly assembly, IReadOnlyList<ScannedPagePicture> pages, IReadOnlyList<PieceLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(layers);
        var dossier = assembly.Dossier;
        var title = dossier.Procedure is { } procedure
            ? $"Hồ sơ {dossier.Code} - {procedure.Name} ({procedure.Code})"
            : $"Hồ sơ {dossier.Code}";
        var names = new List<string?>();
        var files = new List<PackageFile>();
        for (var i = 0; i < dossier.Documents.Count; i++)
        {
            var document = dossier.Documents[i];
            var pieces = assembly.DocumentPieces[i];
            var ownLayers = pieces.Select(p => layers.FirstOrDefault(l => l.PieceIndex == p)).OfType<PieceLayer>().ToArray();
            var name = string.Create(CultureInfo.InvariantCulture, $"document-{i + 1:D2}-{document.Type}.pdf");
            if (ownLayers.Length == 0)
            {
                names.Add(null);
                continue;
            }

            files.Add(new PackageFile(name, DossierPdfComposer.Document(PdfArchiveInfo.Of(dossier, $"{DocumentTitles.Of(document.Type)} - {title}"), ownLayers)));
            names.Add(name);
        }

        files.Add(new PackageFile(PdfName, DossierPdfComposer.Dossier(PdfArchiveInfo.Of(dossier, title), pages, layers)));
        files.Add(new PackageFile(JsonName, DossierJson.Write(dossier, names, PdfName)));
        return new DossierPackage(dossier, files);
    }

    private static string WriteAtomically(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        var temporary = path + ".part";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
