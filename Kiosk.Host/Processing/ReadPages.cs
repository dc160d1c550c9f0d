using System.Security.Cryptography;
using Intake.Dossiers;
using Intake.Dossiers.Assembly;
using Intake.Dossiers.Package;
using Intake.Pipeline;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// Pages the pipeline has read, ready for the domain: the kept pages renumbered without gaps, their pieces and PDF
/// layers in page order, and a failed check for each blank page (archived, not read). `intake process` and the
/// citizen's session (Session/) both assemble and commit through this, so a dossier is the same whichever made it.
/// </summary>
internal sealed record ReadPages(
    IReadOnlyList<ScannedPagePicture> Pictures,
    IReadOnlyList<DossierPage> Pages,
    IReadOnlyList<RecognisedPiece> Pieces,
    IReadOnlyList<PieceLayer> Layers,
    IReadOnlyList<Check> BlankChecks)
{
    /// <param name="pages">Each page's reading and its archived picture, in scan order; pages that failed are left out by the caller.</param>
    public static ReadPages From(IReadOnlyList<(PageReading Reading, ScannedPagePicture Picture)> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var pieces = new List<RecognisedPiece>();
        var layers = new List<PieceLayer>();
        var pictures = new ScannedPagePicture[pages.Count];
        var blankPages = new List<int>();
        for (var index = 0; index < pages.Count; index++)
        {
            var read = pages[index].Reading;
            pictures[index] = pages[index].Picture with { PageIndex = index };
            // archived at the resolution cleanup found (a card's known size beats a wrong header)
            if (read.Cleanup?.Dpi is { Estimated: true, Used: > 0 } found) pictures[index] = pictures[index] with { Dpi = found.Used };
            // a blank page (the back of a duplex scan, an empty sheet) has nothing to read: archived, flagged, not used
            if (read.Pieces is [{ Cleanup.Blank.IsBlank: true }])
            {
                blankPages.Add(index + 1);
                continue;
            }

            foreach (var (piece, layer) in DossierPieces.From(index, read))
            {
                layers.Add(layer with { PieceIndex = pieces.Count });
                pieces.Add(piece);
            }
        }

        var dossierPages = pictures.Select(p => new DossierPage(
            p.PageIndex, p.Width, p.Height, p.Dpi, Convert.ToHexStringLower(SHA256.HashData(p.Encoded)))).ToArray();
        var blankChecks = blankPages.Select(page => Check.Fail("page.blank", $"Trang {page} để trống (không đọc)", $"Page {page} is blank (not read)")).ToArray();
        return new ReadPages(pictures, dossierPages, pieces, layers, blankChecks);
    }

    /// <summary>
    /// The dossier these pages make under <paramref name="code"/>, blank-page checks included; <paramref name="corrections"/>
    /// (the citizen's, before the first commit) override what was read and are kept as the dossier's audit log.
    /// </summary>
    public DossierAssembly Assemble(DossierCode code, string operatorName, DateTimeOffset scannedAt, string? procedureCode, IReadOnlyList<Correction>? corrections = null)
    {
        var assembly = DossierAssembler.Assemble(code, operatorName, scannedAt, procedureCode, Pages, Pieces, corrections);
        return assembly with { Dossier = assembly.Dossier with { Checks = [.. assembly.Dossier.Checks, .. BlankChecks] } };
    }

    /// <summary>The package the store keeps: dossier.json, the PDFs, built for the code the store hands out.</summary>
    public DossierPackage Package(DossierCode code, string operatorName, DateTimeOffset scannedAt, string? procedureCode, IReadOnlyList<Correction>? corrections = null) =>
        DossierPackageWriter.Build(Assemble(code, operatorName, scannedAt, procedureCode, corrections), Pictures, Layers);

    /// <summary>The scanned pages as the store keeps them beside the package.</summary>
    public PackageFile[] Images => Pictures.Select(p => new PackageFile($"page-{p.PageIndex + 1:D3}.jpg", p.Encoded)).ToArray();
}
