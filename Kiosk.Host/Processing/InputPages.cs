using System.Diagnostics;
using System.Globalization;
using Intake.Imaging;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// Expands the command line's inputs into pages in order: every page of an image file (multi-page TIFF included) and
/// every page of a PDF, rasterised at 300 dpi by poppler's pdftoppm into a temporary folder that lives as long as this.
/// A page without a declared resolution is taken to be 300 dpi, a flatbed's usual setting.
/// </summary>
internal sealed class InputPages : IDisposable
{
    public const int PdfDpi = 300;
    private readonly List<DirectoryInfo> _temporary = [];

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

            if (string.Equals(Path.GetExtension(path), ".pdf", StringComparison.OrdinalIgnoreCase))
            {
                var folder = Directory.CreateTempSubdirectory("intake-process-");
                _temporary.Add(folder);
                Rasterise(path, folder.FullName);
                var number = 0;
                foreach (var png in Directory.GetFiles(folder.FullName, "*.png").Order(StringComparer.Ordinal))
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

    public void Dispose()
    {
        foreach (var folder in _temporary)
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a leftover temporary folder is harmless; the result is already written
            }
        }
    }

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

    private static void Rasterise(string pdf, string folder)
    {
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
        foreach (var argument in new[] { "-r", PdfDpi.ToString(CultureInfo.InvariantCulture), "-png", pdf, Path.Combine(folder, "page") })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start (install poppler-utils)");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidDataException($"không đọc được PDF / cannot read the PDF '{pdf}': {error.Trim()}");
        }
    }
}
