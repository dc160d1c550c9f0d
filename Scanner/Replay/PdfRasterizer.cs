using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Intake.Imaging;

namespace Intake.Scanner.Replay;

/// <summary>
/// Turns a PDF into one PNG per page with poppler (pdfinfo, then pdftoppm page by page) in temporary folders that live
/// as long as this object: disposing it deletes them. A PDF is untrusted input, so it is checked before anything is
/// drawn: it must start like a PDF, open without a password, have at most <see cref="MaxPages"/> pages, and no page
/// may come out larger than <see cref="ImageLimits.MaxPixels"/>. Each page is drawn as a viewer shows it: its crop box
/// (PDF 32000-1:2008, 14.11.2), which is also the size pdfinfo reports and the limit is checked on; a page whose
/// media box is far larger (OCRmyPDF#311) would otherwise be drawn whole or fail. Reading the page list and drawing
/// each page get <see cref="Timeout"/> each, so a long PDF is limited per page, not as a whole.
/// Every refusal is an <see cref="InvalidDataException"/> naming the file, Vietnamese first, English second; a page
/// that draws as nothing (no file, or 1 × 1 pixel) is one too.
/// </summary>
public sealed partial class PdfRasterizer : IDisposable
{
    /// <summary>More pages than any dossier a citizen brings to the counter.</summary>
    public const int DefaultMaxPages = 200;

    private const int KeptErrorLines = 3;
    private const int KeptLineLength = 300;

    private readonly List<DirectoryInfo> _folders = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <param name="maxPages">A PDF with more pages than this is refused before any page is drawn.</param>
    /// <param name="timeout">Time for reading the page list, and again for drawing each page; 60 s when not given.</param>
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

    /// <summary>The limit for each step: pdfinfo once, pdftoppm once per page.</summary>
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
        var through = await CountPagesAsync(pdf, dpi, lastPage, cancellationToken).ConfigureAwait(false);
        var pages = new List<string>(through);
        for (var page = 1; page <= through; page++)
        {
            pages.Add(await RasterizePageAsync(pdf, page, dpi, cancellationToken).ConfigureAwait(false));
        }

        return pages;
    }

    /// <summary>
    /// Checks the PDF (header, password, page count, every page's size at <paramref name="dpi"/>) and returns how many
    /// pages are to be drawn: all, or up to <paramref name="lastPage"/>.
    /// </summary>
    public async Task<int> CountPagesAsync(string pdf, int dpi, int? lastPage = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var fullPath = CheckedPath(pdf, dpi);
        if (lastPage is { } last) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(last);
        using var deadline = Deadline(cancellationToken);
        try
        {
            var pageCount = await CheckAsync(pdf, fullPath, dpi, lastPage, deadline.Token).ConfigureAwait(false);
            return Math.Min(pageCount, lastPage ?? pageCount);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Refusal(pdf, $"quá {Seconds(Timeout)} s mà chưa đọc xong danh sách trang", $"not rasterised within {Seconds(Timeout)} s");
        }
    }

    /// <summary>
    /// Draws page <paramref name="page"/> (1-based) at <paramref name="dpi"/>, its crop box only, within <see cref="Timeout"/>,
    /// and returns the PNG file; call <see cref="CountPagesAsync"/> first, which checks the page's size.
    /// </summary>
    public async Task<string> RasterizePageAsync(string pdf, int page, int dpi, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var fullPath = CheckedPath(pdf, dpi);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page);
        using var deadline = Deadline(cancellationToken);
        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("intake-pdf-");
            lock (_gate) _folders.Add(folder);
            var output = Path.Combine(folder.FullName, "page");
            var run = await RunAsync("pdftoppm", ["-r", Number(dpi), "-f", Number(page), "-l", Number(page), "-cropbox", "-singlefile", "-png", fullPath, output], deadline.Token)
                .ConfigureAwait(false);
            if (run.ExitCode != 0) throw Refusal(pdf, $"poppler báo lỗi ở trang {page}", Describe(run));
            var png = output + ".png";
            if (!DrewSomething(png))
            {
                throw Refusal(pdf, $"trang {page} vẽ ra không có gì (ảnh rỗng hoặc 1 × 1 điểm ảnh)",
                    $"page {page} rendered as nothing (no image, or 1 × 1 pixel)" + (run.Error.Count > 0 ? ": " + Describe(run) : ""));
            }

            return png;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Delete(folder);
            throw Refusal(pdf, $"trang {page}: quá {Seconds(Timeout)} s mà chưa chuyển xong thành ảnh", $"page {page} not rasterised within {Seconds(Timeout)} s");
        }
        catch
        {
            Delete(folder);
            throw;
        }
    }

    /// <summary>Page <paramref name="page"/> (1-based) drawn at <paramref name="dpi"/> and decoded; its temporary file is gone on return.</summary>
    public Image DrawPage(string pdf, int page, int dpi, CancellationToken cancellationToken = default)
    {
        var png = RasterizePageAsync(pdf, page, dpi, cancellationToken).GetAwaiter().GetResult();
        try
        {
            using var source = ImageSource.Open(png);
            return source.Decode();
        }
        finally
        {
            Delete(new DirectoryInfo(Path.GetDirectoryName(png)!));
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        DirectoryInfo[] folders;
        lock (_gate) folders = [.. _folders];
        foreach (var folder in folders) Delete(folder);
    }

    private static string CheckedPath(string pdf, int dpi)
    {
        ArgumentException.ThrowIfNullOrEmpty(pdf);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        if (!File.Exists(pdf)) throw new FileNotFoundException($"không có tệp / no such file '{pdf}'", pdf);
        var fullPath = Path.GetFullPath(pdf); // never starts with '-', so the tools cannot take it for an option
        if (!StartsLikePdf(fullPath)) throw Refusal(pdf, "không phải tệp PDF", "not a PDF file");
        return fullPath;
    }

    private CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        return deadline;
    }

    // pdftoppm writes nothing, or a 1 × 1 page, when it cannot draw a page (a bitmap it cannot allocate, say).
    private static bool DrewSomething(string png)
    {
        if (!File.Exists(png) || new FileInfo(png).Length == 0) return false;
        try
        {
            using var source = ImageSource.Open(png);
            return source.Pages[0] is { Width: > 1, Height: > 1 };
        }
        catch (ImagingException)
        {
            return false;
        }
    }

    /// <summary>Reads the page count and page sizes with pdfinfo and refuses what must not be drawn.</summary>
    private async Task<int> CheckAsync(string pdf, string fullPath, int dpi, int? lastPage, CancellationToken token)
    {
        var sizesThrough = Math.Min(lastPage ?? MaxPages, MaxPages);
        var info = await RunAsync("pdfinfo", ["-f", "1", "-l", Number(sizesThrough), fullPath], token).ConfigureAwait(false);
        // poppler's tools say "Incorrect password" (exit code 1) for a PDF that needs a user password to open,
        // whatever its encryption; a PDF with only an owner password (permissions) opens and is drawn.
        if (info.ExitCode != 0 && info.Error.Any(l => l.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase)))
            throw Refusal(pdf, "tệp PDF được bảo vệ bằng mật khẩu", "this PDF is protected by a password");
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

    private static readonly TimeSpan AfterKill = TimeSpan.FromSeconds(5);

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
                try
                {
                    // bounded: a child that is gone but never reaped must not hang the caller for ever
                    await Task.WhenAll(process.WaitForExitAsync(CancellationToken.None), output, error).WaitAsync(AfterKill, CancellationToken.None).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                }

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
        lock (_gate) _folders.Remove(folder);
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
