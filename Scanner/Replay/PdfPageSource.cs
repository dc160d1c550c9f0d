using System.Globalization;
using Intake.Imaging;
using Intake.Pages;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Intake.Scanner.Replay;

/// <summary>
/// A PDF's pages, each taken the cheapest faithful way (issue 15): a page with a text layer keeps its text (as OCRmyPDF's
/// <c>--skip-text</c>); a page that is one scanned image is that image at its own resolution (DCT bytes decoded by
/// OpenCV, Flate and CCITT by PdfPig), never drawn again; anything else (JBIG2, JPEG 2000, drawings, mixed pages) is
/// drawn by <see cref="PdfRasterizer"/> as before. The rasteriser checks the file first, so its limits hold for every
/// page (password, page count, megapixels at the drawing dpi, time per page).
/// The file is parsed strictly; a file that only opens leniently is read all the same and says so in
/// <see cref="Parsing"/>; one PdfPig cannot open at all is drawn by poppler page by page. Thread-safe (one page at a
/// time: PdfPig's document is not).
/// </summary>
public sealed class PdfPageSource : IDisposable
{
    /// <summary>An embedded image below this resolution is drawn at the requested dpi instead: too coarse to read as it is.</summary>
    public const double MinEmbeddedDpi = 100;

    /// <summary>An embedded image above this resolution is drawn instead (a page-sized sliver of a huge image is not a scan).</summary>
    public const double MaxEmbeddedDpi = 1200;

    // an image that covers the visible page within 2 % each way is the page's scan
    private const double Coverage = 0.98;

    private readonly string _pdf;
    private readonly PdfRasterizer _rasterizer;
    private readonly int _dpi;
    private readonly PdfDocument? _document;
    private readonly PdfPagePlan[] _plans;
    private readonly Lock _gate = new();

    private PdfPageSource(string pdf, PdfRasterizer rasterizer, int dpi, PdfDocument? document, PdfParsing parsing, string? parsingProblem, PdfPagePlan[] plans)
    {
        (_pdf, _rasterizer, _dpi, _document, Parsing, ParsingProblem, _plans) = (pdf, rasterizer, dpi, document, parsing, parsingProblem, plans);
    }

    /// <summary>How PdfPig opened the file.</summary>
    public PdfParsing Parsing { get; }

    /// <summary>Why strict parsing failed (null when it did not).</summary>
    public string? ParsingProblem { get; }

    /// <summary>One plan per page to be read, in order; a page's plan may turn to <see cref="PdfPageKind.Rendered"/> when its image will not decode.</summary>
    public IReadOnlyList<PdfPagePlan> Pages
    {
        get
        {
            lock (_gate) return [.. _plans];
        }
    }

    /// <summary>
    /// Checks <paramref name="pdf"/> with the rasteriser's limits at <paramref name="dpi"/> and plans pages 1..<paramref name="lastPage"/>
    /// (all when null). Refusals are the rasteriser's <see cref="InvalidDataException"/> (Vietnamese, then English, naming the file).
    /// </summary>
    public static PdfPageSource Open(string pdf, PdfRasterizer rasterizer, int dpi, int? lastPage = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rasterizer);
        var count = rasterizer.CountPagesAsync(pdf, dpi, lastPage, cancellationToken).GetAwaiter().GetResult();
        var fullPath = Path.GetFullPath(pdf);
        string? problem = null;
        foreach (var parsing in new[] { PdfParsing.Strict, PdfParsing.Lenient })
        {
            PdfDocument? document = null;
            try
            {
                document = PdfDocument.Open(fullPath, new ParsingOptions { UseLenientParsing = parsing == PdfParsing.Lenient, SkipMissingFonts = true });
                var plans = new PdfPagePlan[count];
                for (var number = 1; number <= count; number++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    plans[number - 1] = Plan(document, number) with { Parsing = parsing };
                }

                return new PdfPageSource(pdf, rasterizer, dpi, document, parsing, problem, plans);
            }
            catch (Exception e) when (IsParseError(e))
            {
                // PdfPig parses lazily: a page it cannot read strictly sends the whole file to lenient parsing
                document?.Dispose();
                problem ??= e.Message;
            }
            catch
            {
                document?.Dispose();
                throw;
            }
        }

        var drawn = Enumerable.Range(1, count).Select(n => new PdfPagePlan(n, PdfPageKind.Rendered, "PdfPig cannot parse the file") { Parsing = PdfParsing.Failed }).ToArray();
        return new PdfPageSource(pdf, rasterizer, dpi, null, PdfParsing.Failed, problem, drawn);
    }

    /// <summary>
    /// Page <paramref name="number"/> (1-based) as pixels: its embedded image at its own size with the dpi it has on the
    /// page, or drawn by poppler at the source's dpi (a text-layer page too: its picture is kept with the dossier).
    /// </summary>
    public Image Decode(int number, CancellationToken cancellationToken = default)
    {
        var plan = PlanOf(number);
        if (plan.Kind == PdfPageKind.EmbeddedImage)
        {
            if (EmbeddedImage(plan) is { } image) return image;
            lock (_gate) _plans[number - 1] = new PdfPagePlan(number, PdfPageKind.Rendered, $"the {plan.Encoding} image did not decode") { Parsing = plan.Parsing };
        }

        return _rasterizer.DrawPage(_pdf, number, _dpi, cancellationToken);
    }

    /// <summary>
    /// The text layer of page <paramref name="number"/> in the pixels of its picture (<paramref name="width"/> ×
    /// <paramref name="height"/>, as drawn): words in reading order (lines top to bottom, words left to right), one
    /// line per text line, a blank line between blocks; every word's confidence is 1 (the text is the document's own).
    /// </summary>
    public PageText TextLayer(int number, int width, int height, double dpi)
    {
        var plan = PlanOf(number);
        if (plan.Kind != PdfPageKind.TextLayer || _document is null) throw new InvalidOperationException($"page {number} has no text layer");
        List<Word> words;
        PdfRectangle crop;
        int rotation;
        lock (_gate)
        {
            var page = _document.GetPage(number);
            crop = page.CropBox.Bounds;
            rotation = page.Rotation.Value;
            words = [.. page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text) && Inside(w.BoundingBox.Centroid, crop))];
        }

        return PdfTextLayer.Compose(words, crop, rotation, width, height, dpi);
    }

    public void Dispose() => _document?.Dispose();

    private PdfPagePlan PlanOf(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, _plans.Length);
        lock (_gate) return _plans[number - 1];
    }

    // PdfPig throws many kinds on a damaged file; poppler has already accepted it, so any of them only means "parse it
    // leniently", then "draw it".
    private static bool IsParseError(Exception e) => e is not (OutOfMemoryException or OperationCanceledException);

    private static PdfPagePlan Plan(PdfDocument document, int number)
    {
        var page = document.GetPage(number);
        var crop = page.CropBox.Bounds;
        if (page.Letters.Any(l => !string.IsNullOrWhiteSpace(l.Value) && Inside(l.BoundingBox.Centroid, crop)))
            return new PdfPagePlan(number, PdfPageKind.TextLayer, "the page has a text layer");
        return EmbeddedPlan(page, number, crop);
    }

    private static PdfPagePlan EmbeddedPlan(Page page, int number, PdfRectangle crop)
    {
        PdfPagePlan Drawn(string why) => new(number, PdfPageKind.Rendered, why);
        var images = page.GetImages().ToList();
        if (images.Count != 1) return Drawn(images.Count == 0 ? "no image on the page" : $"{images.Count} images on the page");
        if (page.Paths.Any(p => p.IsFilled || p.IsStroked)) return Drawn("drawings beside the image");
        if (page.Rotation.Value != 0) return Drawn("the page is turned (/Rotate)");
        var image = images[0];
        if (image.IsImageMask || image.MaskImage is not null) return Drawn("a masked image");
        var bounds = image.BoundingBox;
        if (Math.Abs(bounds.Rotation) > 0.5) return Drawn("the image is turned on the page");
        if (!Covers(bounds, crop)) return Drawn("the image does not cover the page");
        var encoding = Encoding(image);
        if (encoding is null) return Drawn($"{LastFilter(image)} image");
        var components = image.ColorSpaceDetails?.NumberOfColorComponents ?? 0;
        if (components is not (1 or 3)) return Drawn($"{components} colour components");
        var dpi = image.WidthInSamples / (bounds.Width / 72);
        var dpiY = image.HeightInSamples / (bounds.Height / 72);
        if (dpi < MinEmbeddedDpi || dpiY < MinEmbeddedDpi || dpi > MaxEmbeddedDpi || dpiY > MaxEmbeddedDpi)
            return Drawn(string.Create(CultureInfo.InvariantCulture, $"the image is {dpi:0} dpi"));
        if ((long)image.WidthInSamples * image.HeightInSamples > ImageLimits.MaxPixels) return Drawn("the image is too large");
        return new PdfPagePlan(number, PdfPageKind.EmbeddedImage, "one scanned image covers the page", encoding, image.WidthInSamples, image.HeightInSamples, Math.Round(dpi, 2));
    }

    private Image? EmbeddedImage(PdfPagePlan plan)
    {
        byte[] encoded;
        double dpiY;
        lock (_gate)
        {
            var image = _document!.GetPage(plan.Number).GetImages().Single();
            dpiY = Math.Round(image.HeightInSamples / (image.BoundingBox.Height / 72), 2);
            if (plan.Encoding == "dct") encoded = image.RawMemory.ToArray();
            else if (image.TryGetPng(out var png) && png is not null) encoded = png;
            else return null;
        }

        try
        {
            using var source = ImageSource.FromBytes(encoded);
            using var decoded = source.Decode();
            if (decoded.Width != plan.Width || decoded.Height != plan.Height) return null;
            return decoded.WithDpi(plan.Dpi, dpiY);
        }
        catch (ImagingException)
        {
            return null;
        }
    }

    private static string? Encoding(IPdfImage image) => LastFilter(image) switch
    {
        "DCTDecode" or "DCT" => "dct",
        "FlateDecode" or "Fl" or "LZWDecode" or "LZW" or "RunLengthDecode" or "RL" or "none" => "flate",
        "CCITTFaxDecode" or "CCF" => "ccitt",
        _ => null, // JBIG2Decode, JPXDecode: poppler draws them
    };

    private static string LastFilter(IPdfImage image)
    {
        if (!image.ImageDictionary.TryGet(NameToken.Filter, out var filter) && !image.ImageDictionary.TryGet(NameToken.F, out filter)) return "none";
        return filter switch
        {
            NameToken name => name.Data,
            ArrayToken { Length: > 0 } array => array.Data[^1] is NameToken last ? last.Data : "unknown",
            _ => "unknown",
        };
    }

    private static bool Covers(PdfRectangle image, PdfRectangle crop)
    {
        var overlapWidth = Math.Min(image.Right, crop.Right) - Math.Max(image.Left, crop.Left);
        var overlapHeight = Math.Min(image.Top, crop.Top) - Math.Max(image.Bottom, crop.Bottom);
        if (overlapWidth <= 0 || overlapHeight <= 0 || crop.Area <= 0) return false;
        var overlap = overlapWidth * overlapHeight;
        return overlap / crop.Area >= Coverage && image.Area / crop.Area <= 2 - Coverage;
    }

    private static bool Inside(PdfPoint point, PdfRectangle box) =>
        point.X >= box.Left && point.X <= box.Right && point.Y >= box.Bottom && point.Y <= box.Top;
}

/// <summary>How PdfPig opened a PDF: strictly, only leniently (reported), or not at all (every page drawn by poppler).</summary>
public enum PdfParsing
{
    Strict,
    Lenient,
    Failed,
}
