using System.Diagnostics;
using System.Security.Cryptography;
using Intake.Dossiers;
using Intake.Dossiers.Assembly;
using Intake.Dossiers.Package;
using Intake.Dossiers.Reading;
using Intake.Imaging;
using Intake.Imaging.Cleanup;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// One dossier from all inputs: pages are decoded and read in parallel (one per OCR engine), then assembled in page
/// order and written as a package. The stages are the Dossiers library's; this only drives them.
/// An input or page that cannot be read is left out with one line in <see cref="ProcessOutcome.Refusals"/>; the
/// others make the dossier. A blank page is kept (the scan is archived as it is) but not read, and gets a failed
/// check naming it. Limits are per page (the rasteriser's per-page deadline), so a long PDF is not cut short.
/// </summary>
internal static class DossierProcessing
{
    /// <param name="pageDone">Told (pages done, pages in all) after each page, from any thread.</param>
    /// <exception cref="InvalidDataException">No input could be read; the message holds one line per input.</exception>
    public static ProcessOutcome Run(ProcessRequest request, CancellationToken cancellationToken, Action<int, int>? pageDone = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DossierCode.IsValidKioskCode(request.KioskCode))
        {
            throw new ArgumentException($"Mã ki-ốt '{request.KioskCode}' chỉ gồm chữ, số và dấu chấm / the kiosk code '{request.KioskCode}' is letters, digits and dots only", nameof(request));
        }

        var started = Stopwatch.GetTimestamp();
        var scannedAt = DateTimeOffset.Now;
        using var inputs = new InputPages();
        using var reader = new ScanReader(new ScanReaderOptions { Workers = request.Workers });
        // The models load while poppler checks the PDF inputs: each takes about half a second and needs nothing
        // from the other.
        var expanding = Task.Run(() => inputs.Expand(request.Inputs), cancellationToken);
        reader.WarmUp();
        var pages = expanding.GetAwaiter().GetResult();
        if (pages.Count == 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, inputs.Refusals));
        }

        var blankDetector = new BlankPageDetector();
        var reads = new PageRead?[pages.Count];
        var pictures = new ScannedPagePicture?[pages.Count];
        var blanks = new BlankPageVerdict[pages.Count];
        var failures = new string?[pages.Count];
        var done = 0;
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = reader.Workers, CancellationToken = cancellationToken }, i =>
        {
            try
            {
                using var image = pages[i].Decode();
                blanks[i] = blankDetector.Judge(image);
                var dpi = image.DpiY > 0 ? image.DpiY : image.DpiX;
                // a blank page (the back of a duplex scan, an empty sheet) has nothing to read: archived, flagged, not read
                reads[i] = blanks[i].IsBlank ? new PageRead(i, image.Width, image.Height, dpi, []) : reader.ReadPage(image, i, cancellationToken);
                // the archived page is the scan in colour at its own resolution (≥ 200 dpi for a 300 dpi scan)
                pictures[i] = new ScannedPagePicture(i, image.Encode(".jpg", 85), image.Width, image.Height, reads[i]!.Dpi > 0 ? reads[i]!.Dpi : InputPages.PdfDpi);
            }
            catch (Exception e) when (e is InvalidDataException or ImagingException)
            {
                failures[i] = e is ImagingException ? $"{pages[i].Source} (trang / page {pages[i].PageInSource + 1}): {e.Message}" : e.Message;
            }

            pageDone?.Invoke(Interlocked.Increment(ref done), pages.Count);
        });
        var reading = Stopwatch.GetElapsedTime(started);
        var refusals = inputs.Refusals.Concat(failures.OfType<string>()).ToList();

        // pages that could not be drawn are left out; the others keep their order, numbered without gaps
        var kept = Enumerable.Range(0, pages.Count).Where(i => reads[i] is not null).ToArray();
        if (kept.Length == 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, refusals));
        }

        var keptReads = kept.Select((old, index) => Renumber(reads[old]!, index)).ToArray();
        var keptPictures = kept.Select((old, index) => pictures[old]! with { PageIndex = index }).ToArray();

        var pieces = new List<RecognisedPiece>();
        var layers = new List<PieceLayer>();
        foreach (var piece in keptReads.SelectMany(r => r.Pieces))
        {
            layers.Add(piece.Layer with { PieceIndex = pieces.Count });
            pieces.Add(piece.Piece);
        }

        var dossierPages = keptReads.Select(r => new DossierPage(
            r.PageIndex, r.Width, r.Height, r.Dpi, Convert.ToHexStringLower(SHA256.HashData(keptPictures[r.PageIndex].Encoded)))).ToArray();
        // the number is taken once the pages are read, so an unreadable input does not use one up; the day is the
        // scan's own local date (the kiosk's clock, UTC+7 in Vietnam), the same as the dossier's createdAt
        var codes = request.Codes ?? new DossierCodeSequence(KioskStateDirectory.Resolve());
        var code = codes.Next(request.KioskCode, DateOnly.FromDateTime(scannedAt.DateTime));
        var assembly = DossierAssembler.Assemble(code, request.Operator, scannedAt, request.ProcedureCode, dossierPages, pieces);
        var blankChecks = kept.Select((old, index) => (Verdict: blanks[old], Page: index + 1))
            .Where(p => p.Verdict.IsBlank)
            .Select(p => Check.Fail("page.blank", $"Trang {p.Page} để trống (không đọc)", $"Page {p.Page} is blank (not read)"));
        assembly = assembly with { Dossier = assembly.Dossier with { Checks = [.. assembly.Dossier.Checks, .. blankChecks] } };
        var packaging = Stopwatch.GetTimestamp();
        var files = DossierPackageWriter.Write(request.OutputFolder, assembly, keptPictures, layers);
        return new ProcessOutcome(assembly.Dossier, files, reading, Stopwatch.GetElapsedTime(packaging), refusals);
    }

    private static PageRead Renumber(PageRead read, int index) => read.PageIndex == index
        ? read
        : read with
        {
            PageIndex = index,
            Pieces = [.. read.Pieces.Select(p => p with { Piece = p.Piece with { PageIndex = index }, Layer = p.Layer with { PageIndex = index } })],
        };
}
