using System.Text;
using Intake.Imaging;
using Intake.Ocr;

namespace Intake.Kiosk.Host.Pipeline;

/// <summary>What `intake ocr` was asked to do.</summary>
internal sealed record OcrBatchRequest(IReadOnlyList<string> Inputs, string? OutputFolder, OcrFormats Formats);

/// <summary>
/// Reads many image files in one process: inputs are opened lazily in order, their pages spread over
/// the engine pool (one page per engine at a time), and each input's results are written as soon as its
/// last page is read. Standard output keeps the inputs' order. A bad input is reported in one line and
/// the others go on.
/// </summary>
internal sealed class OcrBatch(OcrEnginePool pool, TextWriter output, TextWriter error)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, InputState?> _finished = [];
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private int _nextToPrint;
    private bool _failed;

    public async Task<int> RunAsync(OcrBatchRequest request, CancellationToken cancellationToken)
    {
        if (request.OutputFolder is not null) Directory.CreateDirectory(request.OutputFolder);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = pool.Workers, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(PagesOf(request), parallel, (work, token) =>
        {
            Read(work, request, token);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return _failed ? 2 : 0;
    }

    private sealed class InputState(int index, string path, ImageSource source, string outputName)
    {
        public int Index { get; } = index;
        public string Path { get; } = path;
        public ImageSource Source { get; } = source;
        public string OutputName { get; } = outputName;
        public PageText?[] Pages { get; } = new PageText?[source.PageCount];
        public int Remaining = source.PageCount;
        public bool Failed;
    }

    private readonly record struct PageWork(InputState Input, int Page);

    // Enumerated lazily by the parallel loop, so only the inputs being read are held in memory.
    private IEnumerable<PageWork> PagesOf(OcrBatchRequest request)
    {
        for (var i = 0; i < request.Inputs.Count; i++)
        {
            var path = request.Inputs[i];
            var input = Open(i, path);
            if (input is null) continue;
            for (var page = 0; page < input.Source.PageCount; page++) yield return new PageWork(input, page);
        }
    }

    private InputState? Open(int index, string path)
    {
        try
        {
            var source = ImageSource.Open(path);
            return new InputState(index, path, source, UniqueName(path));
        }
        catch (ImagingException e)
        {
            Report(path, e.Message);
            Finish(index, null);
            return null;
        }
    }

    private void Read(PageWork work, OcrBatchRequest request, CancellationToken token)
    {
        var input = work.Input;
        try
        {
            using var image = input.Source.Decode(work.Page);
            input.Pages[work.Page] = pool.Recognize(image, OutputsFor(request.Formats), work.Page, token);
        }
        catch (Exception e) when (e is ImagingException or OcrException)
        {
            var where = input.Source.PageCount > 1 ? $"{input.Path} (trang / page {work.Page + 1})" : input.Path;
            Report(where, e.Message);
            input.Failed = true;
        }
        if (Interlocked.Decrement(ref input.Remaining) > 0) return;
        input.Source.Dispose();
        if (request.OutputFolder is not null && !input.Failed) WriteFiles(input, request.OutputFolder, request.Formats);
        Finish(input.Index, request.OutputFolder is null ? input : null);
    }

    private static OcrOutputs OutputsFor(OcrFormats formats) =>
        (formats.HasFlag(OcrFormats.Hocr) ? OcrOutputs.Hocr : OcrOutputs.Text)
        | (formats.HasFlag(OcrFormats.Pdf) ? OcrOutputs.SearchablePdf : OcrOutputs.Text);

    private static void WriteFiles(InputState input, string folder, OcrFormats formats)
    {
        var pages = input.Pages.Select(p => p!).ToList();
        var stem = Path.Combine(folder, input.OutputName);
        AtomicFile.Write(stem + ".txt", string.Join('\f', pages.Select(p => p.Text)));
        if (formats.HasFlag(OcrFormats.Hocr)) AtomicFile.Write(stem + ".hocr", HocrDocument.Compose(input.OutputName, pages.Select(p => p.Hocr)));
        if (formats.HasFlag(OcrFormats.Json)) AtomicFile.Write(stem + ".json", OcrJson.Serialize(input.Path, pages));
        if (formats.HasFlag(OcrFormats.Pdf))
        {
            var pdfs = pages.Select(p => p.SearchablePdf!).ToList();
            AtomicFile.Write(stem + ".pdf", pdfs.Count == 1 ? pdfs[0] : SearchablePdfMerger.Merge(pdfs, input.OutputName));
        }
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

    private void Report(string where, string message)
    {
        lock (_gate)
        {
            _failed = true;
            error.WriteLine($"intake: {where}: {message}");
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
