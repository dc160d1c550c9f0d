using System.Text;
using Intake.Imaging;
using Intake.Kiosk.Host.Processing;
using Intake.Ocr;
using Intake.Scanner.Replay;

using Intake.Pipeline;
using Intake.Pipeline.Reports;

namespace Intake.Kiosk.Host.Reading;

/// <summary>What `intake ocr` was asked to do. With <see cref="Cleanup"/> every page is cleaned (<see cref="PageCleaner"/>) before it is read.</summary>
internal sealed record OcrBatchRequest(IReadOnlyList<string> Inputs, string? OutputFolder, OcrFormats Formats, bool Cleanup = false);

/// <summary>
/// Reads many image files in one process: inputs are opened lazily in order, their pages flow through
/// the <see cref="PagePipeline"/> (cleanup and recognition concurrently), and each input's results are
/// written as soon as its last page is read. Standard output keeps the inputs' order. A bad input is
/// reported in one line and the others go on. With cleanup and an output folder, the clean pages
/// (<c>name.clean.png</c>, <c>name-p2.clean.png</c>, <c>name-doc1.clean.png</c>) and <c>name.json</c>
/// with what each stage did are written too. A PDF's pages are taken by <see cref="InputPages"/> (a page with a text
/// layer keeps it and is not OCR'd; a page that is one scan is read from that image at its own size) and its JSON says
/// how each page was taken.
/// </summary>
internal sealed class OcrBatch(OcrEnginePool pool, PageCleaner? cleaner, TextWriter output, TextWriter error)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, InputState?> _finished = [];
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private int _nextToPrint;
    private bool _failed;

    public async Task<int> RunAsync(OcrBatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.OutputFolder is not null) Directory.CreateDirectory(request.OutputFolder);
        var cleaning = request.Cleanup ? cleaner ?? throw new InvalidOperationException("cleanup asked for without a cleaner") : null;
        var keepClean = cleaning is not null && request.OutputFolder is not null;
        var pipeline = new PagePipeline(pool, cleaning, new PagePipelineOptions(OutputsFor(request.Formats), keepClean));
        using var pdfs = new InputPages();
        await pipeline.RunAsync(PagesOf(request, pdfs), (work, reading, failure) => Done((InputState)work.Owner, work.Page, reading, failure, request), cancellationToken).ConfigureAwait(false);
        return _failed ? 2 : 0;
    }

    /// <summary>One input: an image file (<see cref="Source"/>) or a PDF (<see cref="PdfPages"/>), and its pages as they are read.</summary>
    private sealed class InputState(int index, string path, int pageCount, string outputName)
    {
        public int Index { get; } = index;
        public string Path { get; } = path;
        public ImageSource? Source { get; init; }
        public IReadOnlyList<InputPage>? PdfPages { get; init; }
        public int PageCount { get; } = pageCount;
        public string OutputName { get; } = outputName;
        public PageReading?[] Pages { get; } = new PageReading?[pageCount];
        public int Remaining = pageCount;
        public bool Failed;
    }

    // Enumerated lazily by the parallel loop, so only the inputs being read are held in memory.
    private IEnumerable<PageWork> PagesOf(OcrBatchRequest request, InputPages pdfs)
    {
        for (var i = 0; i < request.Inputs.Count; i++)
        {
            var path = request.Inputs[i];
            var input = PdfRasterizer.IsPdf(path) ? OpenPdf(i, path, pdfs) : Open(i, path);
            if (input is null) continue;
            for (var page = 0; page < input.PageCount; page++)
            {
                var number = page;
                yield return input.PdfPages is { } pdfPages
                    ? new PageWork(input, number, pdfPages[number].Decode) { TextLayer = pdfPages[number].TextLayer }
                    : new PageWork(input, number, () => input.Source!.Decode(number));
            }
        }
    }

    private InputState? OpenPdf(int index, string path, InputPages pdfs)
    {
        var (refused, noticed) = (pdfs.Refusals.Count, pdfs.Notices.Count);
        var pages = pdfs.Expand([path]);
        foreach (var notice in pdfs.Notices.Skip(noticed))
        {
            lock (_gate) error.WriteLine($"intake: {notice}");
        }

        if (pdfs.Refusals.Count > refused || pages.Count == 0)
        {
            // the refusal already names the file
            foreach (var refusal in pdfs.Refusals.Skip(refused)) Refuse(refusal);
            Finish(index, null);
            return null;
        }

        return new InputState(index, path, pages.Count, UniqueName(path)) { PdfPages = pages };
    }

    private InputState? Open(int index, string path)
    {
        try
        {
            var source = ImageSource.Open(path);
            return new InputState(index, path, source.PageCount, UniqueName(path)) { Source = source };
        }
        catch (ImagingException e)
        {
            Report(path, e.Message);
            Finish(index, null);
            return null;
        }
    }

    private void Done(InputState input, int page, PageReading? reading, Exception? failure, OcrBatchRequest request)
    {
        if (failure is not null)
        {
            var where = input.PageCount > 1 ? $"{input.Path} (trang / page {page + 1})" : input.Path;
            Report(where, failure.Message);
            input.Failed = true;
        }
        input.Pages[page] = reading;
        foreach (var problem in reading?.Pieces.Select(p => p.ReadingProblem).OfType<string>() ?? [])
        {
            // read, but maybe misread: said, not failed
            lock (_gate) error.WriteLine($"intake: {(input.PageCount > 1 ? $"{input.Path} (trang / page {page + 1})" : input.Path)}: {problem}");
        }
        if (Interlocked.Decrement(ref input.Remaining) > 0) return;
        input.Source?.Dispose();
        if (request.OutputFolder is not null && !input.Failed) WriteFiles(input, request);
        Finish(input.Index, request.OutputFolder is null ? input : null);
    }

    private static OcrOutputs OutputsFor(OcrFormats formats) =>
        (formats.HasFlag(OcrFormats.Hocr) ? OcrOutputs.Hocr : OcrOutputs.Text)
        | (formats.HasFlag(OcrFormats.Pdf) ? OcrOutputs.SearchablePdf : OcrOutputs.Text);

    private static void WriteFiles(InputState input, OcrBatchRequest request)
    {
        var formats = request.Formats;
        var pages = input.Pages.Select(p => p!).ToList();
        var pieces = pages.SelectMany(p => p.Pieces).ToList();
        var stem = Path.Combine(request.OutputFolder!, input.OutputName);
        AtomicFile.Write(stem + ".txt", string.Join('\f', pages.Select(p => p.Text)));
        if (formats.HasFlag(OcrFormats.Hocr)) AtomicFile.Write(stem + ".hocr", HocrDocument.Compose(input.OutputName, pieces.Select(p => p.Text.Hocr)));
        var images = request.Cleanup ? WriteCleanImages(input, pages, request.OutputFolder!) : null;
        var pdfPages = input.PdfPages?.Select(p => p.Pdf!()).ToList();
        if (formats.HasFlag(OcrFormats.Json) || request.Cleanup) AtomicFile.Write(stem + ".json", OcrJson.Serialize(input.Path, pages, images, pdfPages));
        if (formats.HasFlag(OcrFormats.Pdf))
        {
            var pdfs = pieces.Select(p => p.Text.SearchablePdf!).ToList();
            AtomicFile.Write(stem + ".pdf", pdfs.Count == 1 ? pdfs[0] : SearchablePdfMerger.Merge(pdfs, input.OutputName));
        }
    }

    /// <summary>Writes each clean piece as PNG and returns the file names, page by page.</summary>
    private static List<IReadOnlyList<string>> WriteCleanImages(InputState input, List<PageReading> pages, string folder)
    {
        var names = new List<IReadOnlyList<string>>();
        for (var page = 0; page < pages.Count; page++)
        {
            var pieces = pages[page].Pieces;
            var pageNames = new List<string>();
            for (var piece = 0; piece < pieces.Count; piece++)
            {
                if (pieces[piece].CleanPng is not { } png) continue;
                var name = input.OutputName
                    + (page > 0 ? $"-p{page + 1}" : "")
                    + (pieces[piece].Cleanup?.Document is not null ? $"-doc{piece + 1}" : "")
                    + ".clean.png";
                AtomicFile.Write(Path.Combine(folder, name), png);
                pageNames.Add(name);
            }
            names.Add(pageNames);
        }
        return names;
    }

    // Prints finished inputs' text in the order the inputs were given.
    private void Finish(int index, InputState? printable)
    {
        lock (_gate)
        {
            _finished[index] = printable;
            while (_finished.Remove(_nextToPrint, out var ready))
            {
                _nextToPrint++;
                if (ready is null || ready.Failed) continue;
                var text = new StringBuilder();
                foreach (var page in ready.Pages)
                {
                    if (text.Length > 0) text.Append('\f');
                    text.Append(page!.Text);
                }
                output.Write(text.ToString());
                output.Flush();
            }
        }
    }

    private void Report(string where, string message) => Refuse($"{where}: {message}");

    private void Refuse(string line)
    {
        lock (_gate)
        {
            _failed = true;
            error.WriteLine($"intake: {line}");
        }
    }

    private string UniqueName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        lock (_gate)
        {
            var name = stem;
            for (var n = 2; !_usedNames.Add(name); n++) name = $"{stem}-{n}";
            return name;
        }
    }
}
