using System.Diagnostics;
using System.Security.Cryptography;
using Intake.Dossiers;
using Intake.Dossiers.Assembly;
using Intake.Dossiers.Package;
using Intake.Dossiers.Reading;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// One dossier from all inputs: pages are decoded and read in parallel (one per OCR engine), then assembled in page
/// order, committed to the kiosk's store (which hands out the code in the same transaction) and, when asked, written
/// as a plain package. The stages are the Dossiers library's and the store's; this only drives them.
/// </summary>
internal static class DossierProcessing
{
    public static ProcessOutcome Run(ProcessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DossierCode.IsValidKioskCode(request.KioskCode))
        {
            throw new ArgumentException($"Mã ki-ốt '{request.KioskCode}' chỉ gồm chữ, số và dấu chấm / the kiosk code '{request.KioskCode}' is letters, digits and dots only", nameof(request));
        }

        // a full disk refuses the intake before any page is read, not after
        DossierStore.EnsureRoom(request.Store);
        var started = Stopwatch.GetTimestamp();
        var scannedAt = DateTimeOffset.Now;
        using var inputs = new InputPages();
        using var reader = new ScanReader(new ScanReaderOptions { Workers = request.Workers });
        // The models load while poppler draws the PDF inputs: each takes about half a second and needs nothing
        // from the other.
        var expanding = Task.Run(() => inputs.Expand(request.Inputs), cancellationToken);
        reader.WarmUp();
        var pages = expanding.GetAwaiter().GetResult();
        var reads = new PageRead[pages.Count];
        var pictures = new ScannedPagePicture[pages.Count];
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = reader.Workers, CancellationToken = cancellationToken }, i =>
        {
            using var image = pages[i].Decode();
            reads[i] = reader.ReadPage(image, i, cancellationToken);
            // the archived page is the scan in colour at its own resolution (≥ 200 dpi for a 300 dpi scan)
            pictures[i] = new ScannedPagePicture(i, image.Encode(".jpg", 85), image.Width, image.Height, reads[i].Dpi > 0 ? reads[i].Dpi : InputPages.PdfDpi);
        });
        var reading = Stopwatch.GetElapsedTime(started);

        var pieces = new List<RecognisedPiece>();
        var layers = new List<PieceLayer>();
        foreach (var piece in reads.SelectMany(r => r.Pieces))
        {
            layers.Add(piece.Layer with { PieceIndex = pieces.Count });
            pieces.Add(piece.Piece);
        }

        var dossierPages = reads.Select(r => new DossierPage(
            r.PageIndex, r.Width, r.Height, r.Dpi, Convert.ToHexStringLower(SHA256.HashData(pictures[r.PageIndex].Encoded)))).ToArray();
        // the number is taken once the pages are read, so an unreadable input does not use one up, and inside the
        // store's commit, so it is used only if the dossier is kept; the day is the scan's own local date (the kiosk's
        // clock, UTC+7 in Vietnam), the same as the dossier's createdAt
        var packaging = Stopwatch.GetTimestamp();
        DossierPackage? package = null;
        var images = pictures.Select(p => new PackageFile($"page-{p.PageIndex + 1:D3}.jpg", p.Encoded)).ToArray();
        using var store = DossierStore.Open(request.Store);
        var stored = store.Commit(request.KioskCode, DateOnly.FromDateTime(scannedAt.DateTime), code =>
        {
            var assembly = DossierAssembler.Assemble(code, request.Operator, scannedAt, request.ProcedureCode, dossierPages, pieces);
            package = DossierPackageWriter.Build(assembly, pictures, layers);
            return new DossierCommit(package, images);
        });
        var files = request.OutputFolder is { } folder ? DossierPackageWriter.Write(folder, package!) : null;
        return new ProcessOutcome(package!.Dossier, stored, store.Opening, files, reading, Stopwatch.GetElapsedTime(packaging));
    }
}
