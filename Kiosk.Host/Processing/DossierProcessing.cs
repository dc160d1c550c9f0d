using System.Diagnostics;
using System.Security.Cryptography;
using Intake.Dossiers;
using Intake.Dossiers.Assembly;
using Intake.Dossiers.Package;
using Intake.Ocr;
using Intake.Pipeline;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// One dossier from all inputs: pages go through the one page pipeline (decode, cleanup with the cards found and set
/// upright, recognition; one page per engine at a time), then the domain assembles them in page order and the
/// package is written. This only composes the two.
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

        var started = Stopwatch.GetTimestamp();
        var scannedAt = DateTimeOffset.Now;
        using var inputs = new InputPages();
        using var engines = new PageEngines(new OcrOptions { Languages = PageEngines.DossierLanguages, Workers = request.Workers });
        // The models load while poppler draws the PDF inputs: each takes about half a second and needs nothing
        // from the other.
        var expanding = Task.Run(() => inputs.Expand(request.Inputs), cancellationToken);
        engines.WarmUp();
        var pages = expanding.GetAwaiter().GetResult();
        var reads = new PageReading[pages.Count];
        var pictures = new ScannedPagePicture[pages.Count];
        var pipeline = new PagePipeline(engines.Readers, new PageCleaner(engines, new PageCleanerOptions()), new PagePipelineOptions(OcrOutputs.SearchablePdf, KeepCleanImages: false));
        var work = pages.Select((page, i) => new PageWork(page, i, () =>
        {
            var image = page.Decode();
            // the archived page is the scan in colour at its own resolution (≥ 200 dpi for a 300 dpi scan)
            pictures[i] = new ScannedPagePicture(i, image.Encode(".jpg", 85), image.Width, image.Height, image.DpiY > 0 ? image.DpiY : InputPages.PdfDpi);
            return image;
        }));
        Exception? failed = null;
        pipeline.RunAsync(work, (w, reading, error) =>
        {
            if (error is not null) failed ??= error;
            else reads[w.Page] = reading!;
        }, cancellationToken).GetAwaiter().GetResult();
        if (failed is not null) throw failed;
        for (var i = 0; i < reads.Length; i++)
        {
            // archived at the resolution cleanup found (a card's known size beats a wrong header)
            if (reads[i].Cleanup?.Dpi is { Estimated: true, Used: > 0 } found) pictures[i] = pictures[i] with { Dpi = found.Used };
        }
        var reading = Stopwatch.GetElapsedTime(started);

        var pieces = new List<RecognisedPiece>();
        var layers = new List<PieceLayer>();
        for (var i = 0; i < reads.Length; i++)
        {
            foreach (var (piece, layer) in DossierPieces.From(i, reads[i]))
            {
                layers.Add(layer with { PieceIndex = pieces.Count });
                pieces.Add(piece);
            }
        }

        var dossierPages = pictures.Select(p => new DossierPage(
            p.PageIndex, p.Width, p.Height, p.Dpi, Convert.ToHexStringLower(SHA256.HashData(p.Encoded)))).ToArray();
        // the number is taken once the pages are read, so an unreadable input does not use one up; the day is the
        // scan's own local date (the kiosk's clock, UTC+7 in Vietnam), the same as the dossier's createdAt
        var codes = request.Codes ?? new DossierCodeSequence(KioskStateDirectory.Resolve());
        var code = codes.Next(request.KioskCode, DateOnly.FromDateTime(scannedAt.DateTime));
        var assembly = DossierAssembler.Assemble(code, request.Operator, scannedAt, request.ProcedureCode, dossierPages, pieces);
        var packaging = Stopwatch.GetTimestamp();
        var files = DossierPackageWriter.Write(request.OutputFolder, assembly, pictures, layers);
        return new ProcessOutcome(assembly.Dossier, files, reading, Stopwatch.GetElapsedTime(packaging));
    }
}
