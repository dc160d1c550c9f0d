using Intake.Pages;
using System.Diagnostics;
using System.Threading.Channels;
using Intake.Dossiers.Printed;
using Intake.Imaging;
using Intake.Imaging.Cleanup;
using Intake.Ocr;
using Intake.Pipeline.Cards;
using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>
/// Moves pages through decode → cleanup → recognition concurrently. One thread decodes, one cleanup
/// worker and one reading worker per engine run side by side, joined by bounded channels; at most
/// engines + 2 decoded pages are alive at once (a page holds its slot until it has been read). The
/// stages themselves know nothing of this: concurrency belongs to the driver.
/// </summary>
public sealed class PagePipeline(OcrEnginePool readers, PageCleaner? cleaner, PagePipelineOptions options)
{
    /// <summary>Called on a worker thread for every page, with its reading or the error that stopped it.</summary>
    public delegate void PageDone(PageWork work, PageReading? reading, Exception? error);

    private sealed record Decoded(PageWork Work, Image Image, StageTiming Decode);

    private sealed record Cleaned(PageWork Work, Image? Raw, CleanedPage? Page, List<StageTiming> Stages, long QueuedAt);

    public int MaxPagesInMemory => readers.Workers + 2;

    public async Task RunAsync(IEnumerable<PageWork> pages, PageDone done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(done);
        var workers = readers.Workers;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(MaxPagesInMemory, MaxPagesInMemory);
        var toClean = Channel.CreateBounded<Decoded>(new BoundedChannelOptions(workers) { SingleWriter = true });
        var toRead = Channel.CreateBounded<Cleaned>(new BoundedChannelOptions(workers));
        var token = stop.Token;
        using var activity = new PipelineActivity.Run();
        var reported = done;
        done = (work, reading, error) =>
        {
            activity.Finish(reading, error);
            reported(work, reading, error);
        };

        var decoder = Worker(stop, () => Decode(pages, toClean.Writer, slots, activity, done, token), toClean.Writer);
        var cleaners = Enumerable.Range(0, workers).Select(_ => Worker(stop, () => Clean(toClean.Reader, toRead.Writer, slots, done, token), null)).ToArray();
        var cleaning = CompleteWhenDone(cleaners, toRead.Writer);
        var reading = Enumerable.Range(0, workers).Select(_ => Worker(stop, () => Read(toRead.Reader, slots, done, token), null)).ToArray();
        try
        {
            await Task.WhenAll([decoder, cleaning, .. reading]).ConfigureAwait(false);
        }
        finally
        {
            // After a failure, pages still queued are freed here.
            while (toClean.Reader.TryRead(out var left)) left.Image.Dispose();
            while (toRead.Reader.TryRead(out var left))
            {
                left.Raw?.Dispose();
                left.Page?.Dispose();
            }
        }
    }

    // Stages block on native work, so each worker gets its own thread rather than a pool thread.
    private static Task Worker(CancellationTokenSource stop, Action loop, ChannelWriter<Decoded>? completes) =>
        Task.Factory.StartNew(() =>
        {
            try
            {
                loop();
                completes?.Complete();
            }
            catch (Exception e)
            {
                completes?.Complete(e);
                stop.Cancel();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static async Task CompleteWhenDone(Task[] workers, ChannelWriter<Cleaned> writer)
    {
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private static void Decode(IEnumerable<PageWork> pages, ChannelWriter<Decoded> output, SemaphoreSlim slots, PipelineActivity.Run activity, PageDone done, CancellationToken token)
    {
        foreach (var work in pages)
        {
            slots.Wait(token);
            activity.Start();
            var watch = StageTiming.Start();
            Image image;
            try
            {
                image = work.Decode();
            }
            catch (Exception e) when (IsPageError(e))
            {
                slots.Release();
                done(work, null, e);
                continue;
            }
            var item = new Decoded(work, image, watch.Stop("decode", false));
            try
            {
                output.WriteAsync(item, token).AsTask().GetAwaiter().GetResult();
            }
            catch
            {
                image.Dispose();
                throw;
            }
        }
    }

    private void Clean(ChannelReader<Decoded> input, ChannelWriter<Cleaned> output, SemaphoreSlim slots, PageDone done, CancellationToken token)
    {
        while (input.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
        {
            if (!input.TryRead(out var item)) continue;
            var stages = new List<StageTiming> { item.Decode };
            Cleaned cleaned;
            // a page with its own text layer is kept as it is: nothing to straighten for a reader that is not there
            if (cleaner is null || item.Work.TextLayer is not null)
            {
                cleaned = new Cleaned(item.Work, item.Image, null, stages, Stopwatch.GetTimestamp());
            }
            else
            {
                var watch = StageTiming.Start();
                try
                {
                    var page = cleaner.Clean(item.Image, token);
                    stages.Add(watch.Stop("cleanup", true));
                    cleaned = new Cleaned(item.Work, null, page, stages, Stopwatch.GetTimestamp());
                }
                catch (Exception e) when (IsPageError(e))
                {
                    slots.Release();
                    done(item.Work, null, e);
                    continue;
                }
            }
            try
            {
                output.WriteAsync(cleaned, token).AsTask().GetAwaiter().GetResult();
            }
            catch
            {
                cleaned.Raw?.Dispose();
                cleaned.Page?.Dispose();
                throw;
            }
        }
    }

    private void Read(ChannelReader<Cleaned> input, SemaphoreSlim slots, PageDone done, CancellationToken token)
    {
        while (input.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
        {
            if (!input.TryRead(out var item)) continue;
            PageReading? reading = null;
            Exception? error = null;
            try
            {
                item.Stages.Add(StageTiming.Waited("queued", Stopwatch.GetElapsedTime(item.QueuedAt)));
                options.ReadingStarted?.Invoke(item.Work);
                reading = ReadPage(item, token);
            }
            catch (Exception e) when (IsPageError(e))
            {
                error = e;
            }
            finally
            {
                item.Raw?.Dispose();
                item.Page?.Dispose();
                slots.Release();
            }
            done(item.Work, reading, error);
        }
    }

    /// <summary>
    /// Cleans and reads one page on the calling thread, through the same stages as <see cref="RunAsync"/>, for callers
    /// that run pages concurrently themselves (the scan overlap, the local API). Takes ownership of <paramref name="image"/>.
    /// </summary>
    public PageReading ReadOne(Image image, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var work = new PageWork(this, page, () => image);
        var stages = new List<StageTiming>();
        CleanedPage? cleaned = null;
        using var activity = new PipelineActivity.Run();
        activity.Start();
        try
        {
            if (cleaner is not null)
            {
                var watch = StageTiming.Start();
                cleaned = cleaner.Clean(image, cancellationToken);
                stages.Add(watch.Stop("cleanup", true));
            }
            var reading = ReadPage(new Cleaned(work, cleaner is null ? image : null, cleaned, stages, Stopwatch.GetTimestamp()), cancellationToken);
            activity.Finish(reading, null);
            return reading;
        }
        catch (Exception e) when (IsPageError(e))
        {
            activity.Finish(null, e);
            throw;
        }
        finally
        {
            if (cleaner is null) image.Dispose();
            cleaned?.Dispose();
        }
    }

    private PageReading ReadPage(Cleaned item, CancellationToken token)
    {
        if (item.Work.TextLayer is { } layer && item.Raw is { } picture) return KeepTextLayer(item, layer, picture);
        var watch = StageTiming.Start();
        var texts = new List<(PageText Text, CleanPiece? Piece)>();
        if (item.Raw is { } raw) texts.Add((readers.Recognize(raw, options.Outputs, item.Work.Page, token), null));
        foreach (var piece in item.Page?.Pieces ?? [])
        {
            var factor = piece.Report.Reading?.Scale.Factor ?? 1;
            var read = (piece.Report.Card is null ? readers : cleaner!.Engines.CardReaders).WithEngine(engine =>
            {
                var first = engine.Recognize(piece.ForReading, options.Outputs, item.Work.Page);
                // The weak words again from the grey page, by the same engine; a piece read from its clean pixels
                // (a card, or binarisation off) has nothing else to show it.
                return piece.Report.ReadBinarised && !ReferenceEquals(piece.ForReading, piece.Clean)
                    ? WeakWordRereader.Reread(first, piece.Clean, factor, engine)
                    : first;
            }, token);
            texts.Add((ReadingCopy.ToPagePixels(read, factor, piece.Clean.Width, piece.Clean.Height), piece));
        }
        item.Stages.Add(watch.Stop("recognise", false));

        watch = StageTiming.Start();
        var pieces = texts.Select(t => new PieceReading(t.Text, t.Piece?.Report,
            options.KeepCleanImages && t.Piece is { } kept ? kept.Clean.Encode(".png") : null)
        {
            SecondLooks = t.Piece is { Report.Card: { } onCard } card ? LookAgain(card.Clean, onCard, t.Text, token) : [],
            ReadingProblem = t.Piece?.Report is { Reading: { } copy } report && copy.Judged(report.Blank.IsBlank)
                && ReadingResolution.Judge(copy.Scale, t.Text.MeanConfidence) is { Poor: true } poor
                ? poor.Message
                : null,
        }).ToList();
        if (options.KeepCleanImages) item.Stages.Add(watch.Stop("encode-clean", false));
        return new PageReading(pieces, item.Page?.Report, item.Stages);
    }

    /// <summary>The page's own text instead of recognition, with the searchable PDF built from it when one is asked for.</summary>
    private PageReading KeepTextLayer(Cleaned item, Func<Image, PageText> layer, Image picture)
    {
        var watch = StageTiming.Start();
        var text = layer(picture);
        if (options.Outputs.HasFlag(OcrOutputs.SearchablePdf)) text = text with { SearchablePdf = TextLayerPdf.Compose(picture, text) };
        item.Stages.Add(watch.Stop("text-layer", false));
        var piece = new PieceReading(text, null, options.KeepCleanImages ? picture.Encode(".png") : null);
        return new PageReading([piece], null, item.Stages) { FromTextLayer = true };
    }

    /// <summary>
    /// Reads again, with the field's own alphabet, the zones of a card the domain asks about; the name only when no QR
    /// code on the card gave it.
    /// </summary>
    private List<ZoneAnswer> LookAgain(Image card, CardReport report, PageText text, CancellationToken token)
    {
        var answers = new List<ZoneAnswer>();
        foreach (var request in SecondLook.Wanted(text, nameFromCode: report.QrPayload is not null))
        {
            using var zone = card.Crop(request.Box);
            var digits = request.Alphabet == SecondLook.Digits;
            var read = (digits ? cleaner!.Engines.Digits : cleaner!.Engines.Names).Read(zone, token);
            var answer = digits ? string.Concat(read.Lines).Replace(" ", string.Empty, StringComparison.Ordinal) : string.Join(' ', read.Lines);
            answers.Add(new ZoneAnswer(request.Field, answer, read.MeanConfidence));
        }
        return answers;
    }

    // An image that will not decode, an engine that fails on it, a PDF page poppler cannot draw: that page only.
    private static bool IsPageError(Exception e) => e is ImagingException or OcrException or InvalidDataException;
}
