using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Intake.Imaging;

namespace Intake.Scanner.Replay;

/// <summary>
/// Turns a PDF into one PNG per page with poppler (pdfinfo, then pdftoppm) in temporary folders that live as long as
/// this object: disposing it deletes them. A PDF is untrusted input, so it is checked before anything is drawn: it
/// must start like a PDF, have at most <see cref="MaxPages"/> pages, and no page may come out larger than
/// <see cref="ImageLimits.MaxPixels"/>; both tools together get <see cref="Timeout"/>, after which they are killed.
/// Every refusal is an <see cref="InvalidDataException"/> naming the file, Vietnamese first, English second.
/// </summary>
public sealed partial class PdfRasterizer : IDisposable
{
    /// <summary>More pages than any dossier a citizen brings to the counter.</summary>
    public const int DefaultMaxPages = 200;

    private const int KeptErrorLines = 3;
    private const int KeptLineLength = 300;

    private readonly List<DirectoryInfo> _folders = [];
    private bool _disposed;

    /// <param name="maxPages">A PDF with more pages than this is refused before any page is drawn.</param>
    /// <param name="timeout">Time for reading and drawing one PDF; 60 s when not given.</param>
    public PdfRasterizer(int maxPages = DefaultMaxPages, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPages);
        var limit = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        MaxPages = maxPages;
        Timeout = limit;
    }

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    public int MaxPages { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Whether the file is to be treated as a PDF (by its extension; the content is checked when it is read).</summary>
    public static bool IsPdf(string path) => string.Equals(Path.GetExtension(path), ".pdf", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc cref="RasterizeAsync"/>
    public IReadOnlyList<string> Rasterize(string pdf, int dpi, int? lastPage = null, CancellationToken cancellationToken = default) =>
        RasterizeAsync(pdf, dpi, lastPage, cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// Draws pages 1..<paramref name="lastPage"/> (all when null) at <paramref name="dpi"/> and returns the PNG files in
    /// page order; each carries the dpi in its header. The files stay until this object is disposed.
    /// </summary>
    public async Task<IReadOnlyList<string>> RasterizeAsync(string pdf, int dpi, int? lastPage = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrEmpty(pdf);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        if (lastPage is { } last) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(last);
        if (!File.Exists(pdf)) throw new FileNotFoundException($"không có tệp / no such file '{pdf}'", pdf);
        var fullPath = Path.GetFullPath(pdf); // never starts with '-', so the tools cannot take it for an option
        if (!StartsLikePdf(fullPath)) throw Refusal(pdf, "không phải tệp PDF", "not a PDF file");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        DirectoryInfo? folder = null;
        try
        {
            var pageCount = await CheckAsync(pdf, fullPath, dpi, lastPage, deadline.Token).ConfigureAwait(false);
            var through = Math.Min(pageCount, lastPage ?? pageCount);
            folder = Directory.CreateTempSubdirectory("intake-pdf-");
            _folders.Add(folder);
            deadline.Token.ThrowIfCancellationRequested();
            var run = await RunAsync("pdftoppm", ["-r", Number(dpi), "-f", "1", "-l", Number(through), "-png", fullPath, Path.Combine(folder.FullName, "page")], deadline.Token)
                .ConfigureAwait(false);
            if (run.ExitCode != 0) throw Refusal(pdf, "poppler báo lỗi", Describe(run));
            // pdftoppm pads the page numbers to the width of the last one, but order by length first all the same
            var pages = Directory.GetFiles(folder.FullName, "page-*.png")
                .OrderBy(p => p.Length)
                .ThenBy(p => p, StringComparer.Ordinal)
                .ToList();
            if (pages.Count == 0) throw Refusal(pdf, "không ra trang nào", "no page came out");
            return pages;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Delete(folder);
            throw Refusal(pdf, $"quá {Seconds(Timeout)} s mà chưa chuyển xong thành ảnh", $"not rasterised within {Seconds(Timeout)} s");
        }
        catch
        {
            Delete(folder);
            throw;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var folder in _folders.ToArray()) Delete(folder);
    }

    /// <summary>Reads the page count and page sizes with pdfinfo and refuses what must not be drawn.</summary>
    private async Task<int> CheckAsync(string pdf, string fullPath, int dpi, int? lastPage, CancellationToken token)
    {
        var sizesThrough = Math.Min(lastPage ?? MaxPages, MaxPages);
        var info = await RunAsync("pdfinfo", ["-f", "1", "-l", Number(sizesThrough), fullPath], token).ConfigureAwait(false);
        if (info.ExitCode != 0) throw Refusal(pdf, "tệp hỏng hoặc bị cắt", Describe(info));
        var pageCount = -1;
        foreach (var line in info.Output)
        {
            if (PagesLine().Match(line) is { Success: true } pages)
                pageCount = int.TryParse(pages.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
            else if (SizeLine().Match(line) is { Success: true } size)
            {
                var width = double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture) / 72 * dpi;
                var height = double.Parse(size.Groups[3].Value, CultureInfo.InvariantCulture) / 72 * dpi;
                if (width * height > ImageLimits.MaxPixels)
                {
                    var megapixels = Math.Round(width * height / 1e6);
                    throw Refusal(pdf, string.Create(CultureInfo.InvariantCulture, $"trang {size.Groups[1].Value} ở {dpi} dpi sẽ có {megapixels} megapixel, quá {ImageLimits.MaxPixels / 1_000_000}"),
                        string.Create(CultureInfo.InvariantCulture, $"page {size.Groups[1].Value} at {dpi} dpi would be {megapixels} megapixels, more than {ImageLimits.MaxPixels / 1_000_000}"));
                }
            }
        }

        if (pageCount < 0) throw Refusal(pdf, "không biết số trang", "pdfinfo gave no page count");
        if (pageCount == 0) throw Refusal(pdf, "không có trang nào", "it has no pages");
        if (pageCount > MaxPages)
        {
            throw Refusal(pdf, string.Create(CultureInfo.InvariantCulture, $"có {pageCount} trang, nhận tối đa {MaxPages}"),
                string.Create(CultureInfo.InvariantCulture, $"it has {pageCount} pages, at most {MaxPages} are accepted"));
        }

        return pageCount;
    }

    private static bool StartsLikePdf(string path)
    {
        // PDF readers accept the header anywhere in the first kilobyte, after junk such as a mail header
        var head = new byte[1024];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head.AsSpan(0, read).IndexOf("%PDF-"u8) >= 0;
    }

    private static async Task<ToolRun> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken token)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{program} did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"không chạy được {program} / cannot run {program} (apt-get install poppler-utils): {e.Message}", e);
        }

        using (process)
        {
            // the output is bounded (a page-size line per page, at most MaxPages); a hostile PDF can make poppler
            // print thousands of errors, of which the first few are kept
            var output = Lines(process.StandardOutput, int.MaxValue);
            var error = Lines(process.StandardError, KeptErrorLines);
            try
            {
                await process.WaitForExitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                await Task.WhenAll(output, error).ConfigureAwait(false);
                throw;
            }

            return new ToolRun(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
    }

    private static async Task<List<string>> Lines(StreamReader reader, int keep)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            if (lines.Count < keep) lines.Add(line.Length > KeptLineLength ? line[..KeptLineLength] : line);
        return lines;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it had already exited
        }
    }

    private void Delete(DirectoryInfo? folder)
    {
        if (folder is null) return;
        _folders.Remove(folder);
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a leftover temporary folder is harmless
        }
    }

    private static InvalidDataException Refusal(string pdf, string vietnamese, string english) =>
        new($"không đọc được PDF / cannot read the PDF '{pdf}': {vietnamese} / {english}");

    private static string Describe(ToolRun run) => run.Error.Count > 0
        ? string.Join("; ", run.Error.Select(l => l.Trim()))
        : string.Create(CultureInfo.InvariantCulture, $"exit code {run.ExitCode}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Pages:\s+(\d+)\s*$")]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page\s+(\d+) size:\s+([0-9.]+) x ([0-9.]+) pts")]
    private static partial Regex SizeLine();

    private sealed record ToolRun(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Error);
}
