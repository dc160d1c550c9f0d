using Intake.Imaging;
using Intake.Scanner.Replay;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// Expands the command line's inputs into pages in order: every page of an image file (multi-page TIFF included) and
/// every page of a PDF, checked by <see cref="PdfRasterizer"/> up front (password, page count, page sizes) and drawn at
/// 300 dpi one page at a time when its turn comes, each page within the rasteriser's per-page time limit.
/// An input that cannot be read is one line in <see cref="Refusals"/> (Vietnamese, then English, naming the file) and
/// the others go on. A page without a declared resolution is taken to be 300 dpi, a flatbed's usual setting.
/// </summary>
internal sealed class InputPages : IDisposable
{
    public const int PdfDpi = 300;
    private readonly PdfRasterizer _rasterizer = new();
    private readonly List<string> _refusals = [];

    /// <summary>One line per input (or page) that could not be read, in the order found.</summary>
    public IReadOnlyList<string> Refusals => _refusals;

    public IReadOnlyList<InputPage> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var pages = new List<InputPage>();
        foreach (var path in paths)
        {
            try
            {
                pages.AddRange(PagesOf(path));
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                _refusals.Add(e.Message);
            }
            catch (ImagingException e)
            {
                _refusals.Add($"{path}: {e.Message}");
            }
        }

        return pages;
    }

    public void Dispose() => _rasterizer.Dispose();

    private List<InputPage> PagesOf(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"không có tệp / no such file '{path}'", path);
        }

        if (PdfRasterizer.IsPdf(path))
        {
            var count = _rasterizer.CountPagesAsync(path, PdfDpi).GetAwaiter().GetResult();
            return [.. Enumerable.Range(0, count).Select(index => new InputPage(path, index, () => WithDpi(_rasterizer.DrawPage(path, index + 1, PdfDpi))))];
        }

        using var source = ImageSource.Open(path);
        return [.. Enumerable.Range(0, source.PageCount).Select(index => new InputPage(path, index, () => DecodeFile(path, index)))];
    }

    private static Image DecodeFile(string path, int page)
    {
        using var source = ImageSource.Open(path);
        return WithDpi(source.Decode(page));
    }

    private static Image WithDpi(Image image)
    {
        if (image.DpiX > 0 && image.DpiY > 0)
        {
            return image;
        }

        using (image)
        {
            return image.WithDpi(PdfDpi, PdfDpi);
        }
    }
}
