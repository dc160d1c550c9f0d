using System.Diagnostics;
using Intake.Dossiers;
using Intake.Dossiers.Package;
using Intake.Imaging;
using Intake.Ocr;
using Intake.Pipeline;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// One dossier from all inputs: pages go through the one page pipeline (decode, cleanup with the cards found and set
/// upright, recognition; one page per engine at a time), then the domain assembles them in page order, the kiosk's
/// store commits the dossier (handing out its code in the same transaction) and, when asked, the plain package is
/// written. This only composes them.
/// An input or page that cannot be read is left out with one line in <see cref="ProcessOutcome.Refusals"/>; the
/// others make the dossier. A blank page is kept (the scan is archived as it is) but its reading is not used, and it
/// gets a failed check naming it. Limits are per page (the rasteriser's per-page deadline), so a long PDF is not cut short.
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

        // a full disk refuses the intake before any page is read, not after
        DossierStore.EnsureRoom(request.Store);
        var started = Stopwatch.GetTimestamp();
        var scannedAt = DateTimeOffset.Now;
        using var inputs = new InputPages();
        using var engines = new PageEngines(new OcrOptions { Languages = PageEngines.DossierLanguages, Workers = request.Workers });
        // The models load while poppler checks the PDF inputs: each takes about half a second and needs nothing
        // from the other.
        var expanding = Task.Run(() => inputs.Expand(request.Inputs), cancellationToken);
        engines.WarmUp();
        var pages = expanding.GetAwaiter().GetResult();
        if (pages.Count == 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, inputs.Refusals));
        }

        var reads = new PageReading?[pages.Count];
        var pictures = new ScannedPagePicture?[pages.Count];
        var failures = new string?[pages.Count];
        var done = 0;
        var pipeline = new PagePipeline(engines.Readers, new PageCleaner(engines, new PageCleanerOptions()), new PagePipelineOptions(OcrOutputs.SearchablePdf, KeepCleanImages: false));
        var work = pages.Select((page, i) => new PageWork(page, i, () =>
        {
            var image = page.Decode();
            // the archived page is the scan in colour at its own resolution (≥ 200 dpi for a 300 dpi scan)
            pictures[i] = new ScannedPagePicture(i, image.Encode(".jpg", 85), image.Width, image.Height, image.DpiY > 0 ? image.DpiY : InputPages.PdfDpi);
            return image;
        }) { TextLayer = page.TextLayer });
        pipeline.RunAsync(work, (w, reading, error) =>
        {
            if (error is null) reads[w.Page] = reading;
            else failures[w.Page] = error is ImagingException ? $"{pages[w.Page].Source} (trang / page {pages[w.Page].PageInSource + 1}): {error.Message}" : error.Message;
            pageDone?.Invoke(Interlocked.Increment(ref done), pages.Count);
        }, cancellationToken).GetAwaiter().GetResult();
        var reading = Stopwatch.GetElapsedTime(started);
        var refusals = inputs.Refusals.Concat(failures.OfType<string>()).ToList();

        // pages that could not be drawn are left out; the others keep their order, numbered without gaps
        var kept = Enumerable.Range(0, pages.Count).Where(i => reads[i] is not null && pictures[i] is not null).ToArray();
        if (kept.Length == 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, refusals));
        }

        var read = ReadPages.From(kept.Select(i => (reads[i]!, pictures[i]!)).ToArray());
        // the number is taken once the pages are read, so an unreadable input does not use one up, and inside the
        // store's commit, so it is used only if the dossier is kept; the day is the scan's own local date (the kiosk's
        // clock, UTC+7 in Vietnam), the same as the dossier's createdAt
        var packaging = Stopwatch.GetTimestamp();
        DossierPackage? package = null;
        using var opened = request.HeldStore is null ? DossierStore.Open(request.Store) : null;
        var store = request.HeldStore ?? opened!;
        var stored = store.Commit(request.KioskCode, DateOnly.FromDateTime(scannedAt.DateTime), code =>
        {
            package = read.Package(code, request.Operator, scannedAt, request.ProcedureCode);
            return new DossierCommit(package, read.Images);
        });
        var files = request.OutputFolder is { } folder ? DossierPackageWriter.Write(folder, package!) : null;
        return new ProcessOutcome(package!.Dossier, stored, store.Opening, files, reading, Stopwatch.GetElapsedTime(packaging), refusals)
        {
            Notices = [.. inputs.Notices, .. InputPages.PdfSummaries(pages)],
        };
    }
}
