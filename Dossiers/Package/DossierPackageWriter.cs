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
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(layers);
        Directory.CreateDirectory(folder);
        var dossier = assembly.Dossier;
        var title = dossier.Procedure is { } procedure
            ? $"Hồ sơ {dossier.Code} - {procedure.Name} ({procedure.Code})"
            : $"Hồ sơ {dossier.Code}";
        var names = new List<string?>();
        var documentPaths = new List<string>();
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

            var pdf = DossierPdfComposer.Document(PdfArchiveInfo.Of(dossier, $"{DocumentTitles.Of(document.Type)} - {title}"), ownLayers);
            documentPaths.Add(WriteAtomically(folder, name, pdf));
            names.Add(name);
        }

        var dossierPdf = WriteAtomically(folder, PdfName, DossierPdfComposer.Dossier(PdfArchiveInfo.Of(dossier, title), pages, layers));
        var json = WriteAtomically(folder, JsonName, DossierJson.Write(dossier, names, PdfName));
        return new PackageFiles(json, dossierPdf, documentPaths);
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
