using Intake.Imaging;
using Intake.Scanner.Replay;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// Expands the command line's inputs into pages in order: every page of an image file (multi-page TIFF included) and
/// every page of a PDF, rasterised at 300 dpi by <see cref="PdfRasterizer"/> (poppler, with its page, size and time
/// limits) into temporary folders that live as long as this.
/// A page without a declared resolution is taken to be 300 dpi, a flatbed's usual setting.
/// </summary>
internal sealed class InputPages : IDisposable
{
    public const int PdfDpi = 300;
    private readonly PdfRasterizer _rasterizer = new();

    public IReadOnlyList<InputPage> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var pages = new List<InputPage>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"không có tệp / no such file '{path}'", path);
            }

            if (PdfRasterizer.IsPdf(path))
            {
                var number = 0;
                foreach (var png in _rasterizer.Rasterize(path, PdfDpi))
                {
                    pages.Add(new InputPage(path, number++, () => DecodeFile(png, 0)));
                }

                continue;
            }

            using var source = ImageSource.Open(path);
            for (var page = 0; page < source.PageCount; page++)
            {
                var index = page;
                pages.Add(new InputPage(path, index, () => DecodeFile(path, index)));
            }
        }

        return pages;
    }

    public void Dispose() => _rasterizer.Dispose();

    private static Image DecodeFile(string path, int page)
    {
        using var source = ImageSource.Open(path);
        var image = source.Decode(page);
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
