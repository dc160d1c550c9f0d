using Intake.Pages;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Intake.Imaging;

namespace Intake.Scanner.Replay;

/// <summary>
/// A folder of page images (taken in file-name order), one image file (a multi-page TIFF gives one page
/// per frame) or a PDF played back as if it were a document feeder: the demo kiosk, the end-to-end tests and
/// re-running a citizen's session all use it. A flatbed request gives only the first page.
/// The request is honoured where it can be without resampling: grey mode converts, the area crops
/// (using the file's dpi), and a file without dpi is stamped with the requested one. A PDF is drawn at the
/// requested dpi by <see cref="PdfRasterizer"/> (only the pages the request can take), with its limits.
/// </summary>
public sealed class ReplayScanner : IScanSource
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp",
    };

    private readonly string _path;
    private readonly TimeSpan _pageDelay;
    private readonly int _maxPdfPages;

    /// <param name="path">A folder, a single image file or a PDF.</param>
    /// <param name="pageDelay">Pause before each page, to behave like a real feeder in demos and timing tests.</param>
    /// <param name="maxPdfPages">A PDF with more pages is refused (<see cref="PdfRasterizer.MaxPages"/>).</param>
    public ReplayScanner(string path, TimeSpan pageDelay = default, int maxPdfPages = PdfRasterizer.DefaultMaxPages)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPdfPages);
        _path = Path.GetFullPath(path);
        _pageDelay = pageDelay;
        _maxPdfPages = maxPdfPages;
    }

    public string Name => $"replay:{_path}";

    public async IAsyncEnumerable<ScannedPage> ScanAsync(ScanRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.UsesFeeder ? request.MaxPages ?? int.MaxValue : 1;
        // the PDF's pages are drawn into a temporary folder that goes when the enumeration ends, however it ends
        using var rasterizer = new PdfRasterizer(_maxPdfPages);
        var files = await Files(rasterizer, request.Dpi, limit, cancellationToken).ConfigureAwait(false);
        var number = 0;
        foreach (var file in files)
        {
            using var source = await Task.Run(() => ImageSource.Open(file.Path), cancellationToken).ConfigureAwait(false);
            for (var frame = 0; frame < source.PageCount; frame++)
            {
                if (number >= limit) yield break;
                cancellationToken.ThrowIfCancellationRequested();
                if (_pageDelay > TimeSpan.Zero) await Task.Delay(_pageDelay, cancellationToken).ConfigureAwait(false);
                var started = DateTimeOffset.UtcNow;
                var clock = Stopwatch.StartNew();
                var index = frame;
                var image = await Task.Run(() => Render(source, index, request, file.DrawnAtRequestedDpi), cancellationToken).ConfigureAwait(false);
                number++;
                yield return new ScannedPage(image, number, $"replay:{file.Name}#{file.FirstPage + frame}", started, clock.Elapsed);
            }
        }
        if (number == 0 && request.UsesFeeder)
            throw new InvalidOperationException($"Không có trang nào để phát lại / no pages to replay in {_path}");
    }

    private async Task<List<ReplayFile>> Files(PdfRasterizer rasterizer, int dpi, int limit, CancellationToken cancellationToken)
    {
        if (File.Exists(_path))
        {
            if (!PdfRasterizer.IsPdf(_path)) return [new ReplayFile(_path, Path.GetFileName(_path), 1, false)];
            var pages = await rasterizer.RasterizeAsync(_path, dpi, limit == int.MaxValue ? null : limit, cancellationToken).ConfigureAwait(false);
            return pages.Select((page, i) => new ReplayFile(page, Path.GetFileName(_path), i + 1, true)).ToList();
        }
        if (!Directory.Exists(_path))
            throw new DirectoryNotFoundException($"Không tìm thấy thư mục phát lại / replay folder not found: {_path}");
        return Directory.EnumerateFiles(_path)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f)))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Select(f => new ReplayFile(f, Path.GetFileName(f), 1, false))
            .ToList();
    }

    private static Image Render(ImageSource source, int frame, ScanRequest request, bool drawnAtRequestedDpi)
    {
        var image = source.Decode(frame);
        try
        {
            // a drawn PDF page is exactly the requested dpi; its PNG header only keeps whole dots per metre
            var stamp = image.DpiX <= 0 || image.DpiY <= 0
                        || (drawnAtRequestedDpi && (Math.Abs(image.DpiX - request.Dpi) > 1e-6 || Math.Abs(image.DpiY - request.Dpi) > 1e-6));
            if (stamp) image = Replace(image, image.WithDpi(request.Dpi, request.Dpi));
            if (request.Mode == ColorMode.Gray && image.Channels != 1) image = Replace(image, image.ToGray());
            if (request.Area is { } area && Crop(image, area) is { } rect) image = Replace(image, image.Crop(rect));
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    /// <summary>The area in pixels at the image's dpi, clipped to the image; null when it covers all of it.</summary>
    private static PixelRect? Crop(Image image, ScanArea area)
    {
        int Px(double mm, double dpi) => (int)Math.Round(mm * dpi / 25.4);
        var left = Math.Clamp(Px(area.LeftMm, image.DpiX), 0, image.Width - 1);
        var top = Math.Clamp(Px(area.TopMm, image.DpiY), 0, image.Height - 1);
        var right = Math.Clamp(Px(area.RightMm, image.DpiX), left + 1, image.Width);
        var bottom = Math.Clamp(Px(area.BottomMm, image.DpiY), top + 1, image.Height);
        if (left == 0 && top == 0 && right == image.Width && bottom == image.Height) return null;
        return new PixelRect(left, top, right - left, bottom - top);
    }

    private static Image Replace(Image old, Image replacement)
    {
        old.Dispose();
        return replacement;
    }

    /// <summary>One file to play: Name and FirstPage label its pages ("scan.pdf#3" is the third PNG drawn from scan.pdf).</summary>
    private sealed record ReplayFile(string Path, string Name, int FirstPage, bool DrawnAtRequestedDpi);
}
