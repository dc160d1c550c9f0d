using Intake.Imaging;
using Intake.Scanner.Replay;

namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// Expands the command line's inputs into pages in order: every page of an image file (multi-page TIFF included) and
/// every page of a PDF, checked by <see cref="PdfRasterizer"/> up front (password, page count, page sizes) and taken by
/// <see cref="PdfPageSource"/> one page at a time when its turn comes: a page with a text layer keeps it (not OCR'd
/// again), a page that is one scan is that image at its own size, others are drawn at 300 dpi within the rasteriser's
/// per-page time limit. A PDF that PdfPig opens only leniently is read and named in <see cref="Notices"/>.
/// An input that cannot be read is one line in <see cref="Refusals"/> (Vietnamese, then English, naming the file) and
/// the others go on. A page without a declared resolution is taken to be 300 dpi, a flatbed's usual setting.
/// </summary>
internal sealed class InputPages : IDisposable
{
    public const int PdfDpi = 300;
    private readonly PdfRasterizer _rasterizer = new();
    private readonly List<string> _refusals = [];
    private readonly List<string> _notices = [];
    private readonly List<PdfPageSource> _pdfs = [];

    /// <summary>One line per input (or page) that could not be read, in the order found.</summary>
    public IReadOnlyList<string> Refusals => _refusals;

    /// <summary>One line per input read with a reservation (a PDF that opens only leniently), Vietnamese then English.</summary>
    public IReadOnlyList<string> Notices => _notices;

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

    /// <summary>
    /// One line per PDF input saying how its pages were taken (text layer kept, embedded scan, drawn), page numbers
    /// 1-based; call it once the pages are decoded.
    /// </summary>
    public static IEnumerable<string> PdfSummaries(IEnumerable<InputPage> pages)
    {
        foreach (var pdf in pages.Where(p => p.Pdf is not null).GroupBy(p => p.Source))
        {
            var plans = pdf.Select(p => p.Pdf!()).ToList();
            string Numbers(PdfPageKind kind) => string.Join(", ", plans.Where(p => p.Kind == kind).Select(p => p.Number));
            int Count(PdfPageKind kind) => plans.Count(p => p.Kind == kind);
            var (kept, embedded, drawn) = (Count(PdfPageKind.TextLayer), Count(PdfPageKind.EmbeddedImage), Count(PdfPageKind.Rendered));
            yield return $"{pdf.Key}: {kept} trang giữ lớp chữ sẵn có, không OCR lại ({Numbers(PdfPageKind.TextLayer)}); {embedded} trang lấy nguyên ảnh quét nhúng ({Numbers(PdfPageKind.EmbeddedImage)}); {drawn} trang do poppler vẽ"
                         + $" / {kept} pages keep their text layer, not OCR'd again ({Numbers(PdfPageKind.TextLayer)}); {embedded} pages are their embedded scan at its own size ({Numbers(PdfPageKind.EmbeddedImage)}); {drawn} pages drawn by poppler";
        }
    }

    public void Dispose()
    {
        foreach (var pdf in _pdfs) pdf.Dispose();
        _rasterizer.Dispose();
    }

    private List<InputPage> PagesOf(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"không có tệp / no such file '{path}'", path);
        }

        if (PdfRasterizer.IsPdf(path))
        {
            var pdf = PdfPageSource.Open(path, _rasterizer, PdfDpi);
            _pdfs.Add(pdf);
            if (pdf.Parsing != PdfParsing.Strict)
            {
                _notices.Add(pdf.Parsing == PdfParsing.Lenient
                    ? $"{path}: tệp PDF không đúng chuẩn, chỉ mở được khi đọc dễ dãi / the PDF is malformed and opens only with lenient parsing ({pdf.ParsingProblem})"
                    : $"{path}: không phân tích được cấu trúc PDF, mọi trang do poppler vẽ / the PDF cannot be parsed, every page is drawn by poppler ({pdf.ParsingProblem})");
            }

            return [.. pdf.Pages.Select((plan, index) => new InputPage(path, index, () => WithDpi(pdf.Decode(index + 1)))
            {
                TextLayer = plan.Kind == PdfPageKind.TextLayer ? picture => pdf.TextLayer(index + 1, picture.Width, picture.Height, picture.DpiX) : null,
                Pdf = () => pdf.Pages[index],
            })];
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
