using System.Diagnostics;
using System.Runtime.CompilerServices;
using Intake.Imaging;

namespace Intake.Scanner.Replay;

/// <summary>
/// A folder of page images (taken in file-name order) or one image file (a multi-page TIFF gives one page
/// per frame) played back as if it were a document feeder: the demo kiosk, the end-to-end tests and
/// re-running a citizen's session all use it. A flatbed request gives only the first page.
/// The request is honoured where it can be without resampling: grey mode converts, the area crops
/// (using the file's dpi), and a file without dpi is stamped with the requested one. PDF is not read yet.
/// </summary>
public sealed class ReplayScanner : IScanSource
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp",
    };

    private readonly string _path;
    private readonly TimeSpan _pageDelay;

    /// <param name="path">A folder, or a single image file.</param>
    /// <param name="pageDelay">Pause before each page, to behave like a real feeder in demos and timing tests.</param>
    public ReplayScanner(string path, TimeSpan pageDelay = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageDelay, TimeSpan.Zero);
        _path = Path.GetFullPath(path);
        _pageDelay = pageDelay;
    }

    public string Name => $"replay:{_path}";

    public async IAsyncEnumerable<ScannedPage> ScanAsync(ScanRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var files = Files();
        var limit = request.UsesFeeder ? request.MaxPages ?? int.MaxValue : 1;
        var number = 0;
        foreach (var file in files)
        {
            using var source = await Task.Run(() => ImageSource.Open(file), cancellationToken).ConfigureAwait(false);
            for (var frame = 0; frame < source.PageCount; frame++)
            {
                if (number >= limit) yield break;
                cancellationToken.ThrowIfCancellationRequested();
                if (_pageDelay > TimeSpan.Zero) await Task.Delay(_pageDelay, cancellationToken).ConfigureAwait(false);
                var started = DateTimeOffset.UtcNow;
                var clock = Stopwatch.StartNew();
                var index = frame;
                var image = await Task.Run(() => Render(source, index, request), cancellationToken).ConfigureAwait(false);
                number++;
                yield return new ScannedPage(image, number, $"replay:{Path.GetFileName(file)}#{frame + 1}", started, clock.Elapsed);
            }
        }
        if (number == 0 && request.UsesFeeder)
            throw new InvalidOperationException($"Không có trang nào để phát lại / no pages to replay in {_path}");
    }

    private List<string> Files()
    {
        if (File.Exists(_path))
        {
            if (string.Equals(Path.GetExtension(_path), ".pdf", StringComparison.OrdinalIgnoreCase))
                throw new NotSupportedException($"Chưa hỗ trợ phát lại tệp PDF / replaying a PDF is not supported yet: {_path}");
            return [_path];
        }
        if (!Directory.Exists(_path))
            throw new DirectoryNotFoundException($"Không tìm thấy thư mục phát lại / replay folder not found: {_path}");
        return Directory.EnumerateFiles(_path)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f)))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
    }

    private static Image Render(ImageSource source, int frame, ScanRequest request)
    {
        var image = source.Decode(frame);
        try
        {
            if (image.DpiX <= 0 || image.DpiY <= 0) image = Replace(image, image.WithDpi(request.Dpi, request.Dpi));
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
}
