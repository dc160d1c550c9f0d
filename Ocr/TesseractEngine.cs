using Intake.Pages;
using System.Text;
using Intake.Imaging;
using Intake.Ocr.Native;

namespace Intake.Ocr;

/// <summary>
/// One Tesseract engine (one TessBaseAPI with its models loaded). Not thread-safe: the pool gives each
/// worker its own. Pages are read straight from the image's native pixel rows, never re-encoded.
/// </summary>
public sealed class TesseractEngine : IDisposable
{
    // Resolutions outside this range are missing or absurd; Tesseract then estimates from text size.
    private const int MinCredibleDpi = 70;
    private const int MaxCredibleDpi = 2400;
    // The PDF renderer needs some resolution to size the page; a scanner's usual one.
    private const int FallbackPdfDpi = 300;

    private readonly TessBaseApiHandle _api;
    private readonly string _dataPath;

    public TesseractEngine(OcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OcrRuntime.EnsureConfigured();
        _dataPath = TessdataLocator.Resolve(options);
        Languages = options.Languages;
        _api = TesseractNative.Create();
        // Tesseract's own warnings go to stderr; the kiosk reports problems itself, in its own words.
        TesseractNative.SetVariable(_api, "debug_file", "/dev/null");
        if (TesseractNative.Init2(_api, _dataPath, options.Languages, TesseractNative.OemDefault) != 0)
        {
            _api.Dispose();
            throw new OcrException($"Không khởi động được Tesseract / Tesseract failed to start with '{options.Languages}' from {_dataPath}");
        }
        // The API's default is one uniform block; pages have columns, headings and captions, so let
        // Tesseract find the layout itself, as its command line does.
        TesseractNative.SetPageSegMode(_api, TesseractNative.PsmAuto);
    }

    public string Languages { get; }

    public static string Version => TesseractNative.TakeTextNoFree(TesseractNative.Version());

    public PageText Recognize(Image image, OcrOutputs outputs = OcrOutputs.Text, int pageNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        return TesseractInput.Lend(_api, image, pixels =>
        {
            var dpi = (int)Math.Round(image.DpiY > 0 ? image.DpiY : image.DpiX);
            var credible = dpi is >= MinCredibleDpi and <= MaxCredibleDpi;
            if (credible || outputs.HasFlag(OcrOutputs.SearchablePdf))
                TesseractNative.SetSourceResolution(_api, credible ? dpi : FallbackPdfDpi);
            try
            {
                if (TesseractNative.Recognize(_api, 0) != 0)
                    throw new OcrException("Tesseract không nhận dạng được trang / Tesseract failed to recognise the page");
                var text = Nfc(TesseractNative.TakeText(TesseractNative.GetUtf8Text(_api)));
                var words = ReadWords();
                var mean = Math.Clamp(TesseractNative.MeanTextConf(_api) / 100.0, 0, 1);
                var hocr = outputs.HasFlag(OcrOutputs.Hocr) ? Nfc(TesseractNative.TakeText(TesseractNative.GetHocrText(_api, pageNumber))) : null;
                var pdf = outputs.HasFlag(OcrOutputs.SearchablePdf) ? RenderPdf() : null;
                return new PageText(text, words, mean, pixels.Width, pixels.Height, credible ? dpi : 0, hocr, pdf);
            }
            finally
            {
                TesseractNative.Clear(_api);
            }
        });
    }

    /// <summary>
    /// Reads <paramref name="image"/> (a word or a line cut out of a page) as one line of text, Tesseract's page
    /// segmentation mode 7, with this engine's models: a second look costs no second set of models. Returns the text
    /// (NFC, trimmed; empty when nothing was read) and the mean word confidence 0..1. The engine is back in its page
    /// mode afterwards. Throws <see cref="OcrException"/> when Tesseract fails.
    /// </summary>
    public (string Text, double Confidence) RecognizeLine(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        TesseractNative.SetPageSegMode(_api, TesseractNative.PsmSingleLine);
        try
        {
            return TesseractInput.Lend(_api, image, _ =>
            {
                var dpi = (int)Math.Round(image.DpiY > 0 ? image.DpiY : image.DpiX);
                TesseractNative.SetSourceResolution(_api, dpi is >= MinCredibleDpi and <= MaxCredibleDpi ? dpi : FallbackPdfDpi);
                try
                {
                    if (TesseractNative.Recognize(_api, 0) != 0)
                        throw new OcrException("Tesseract không đọc được dòng / Tesseract failed to read the line");
                    var text = Nfc(TesseractNative.TakeText(TesseractNative.GetUtf8Text(_api))).Trim();
                    return (text, text.Length == 0 ? 0 : Math.Clamp(TesseractNative.MeanTextConf(_api) / 100.0, 0, 1));
                }
                finally
                {
                    TesseractNative.Clear(_api);
                }
            });
        }
        finally
        {
            TesseractNative.SetPageSegMode(_api, TesseractNative.PsmAuto);
        }
    }

    public void Dispose() => _api.Dispose();

    private List<OcrWord> ReadWords()
    {
        var words = new List<OcrWord>();
        var iterator = TesseractNative.GetIterator(_api);
        if (iterator == 0) return words;
        try
        {
            var page = TesseractNative.ResultIteratorGetPageIterator(iterator);
            int block = -1, line = -1;
            do
            {
                if (TesseractNative.PageIteratorIsAtBeginningOf(page, TesseractNative.RilBlock)) block++;
                if (TesseractNative.PageIteratorIsAtBeginningOf(page, TesseractNative.RilTextLine)) line++;
                var text = Nfc(TesseractNative.TakeText(TesseractNative.ResultIteratorGetUtf8Text(iterator, TesseractNative.RilWord)));
                if (text.Length == 0 || !TesseractNative.PageIteratorBoundingBox(page, TesseractNative.RilWord, out var l, out var t, out var r, out var b))
                    continue;
                var confidence = Math.Clamp(TesseractNative.ResultIteratorConfidence(iterator, TesseractNative.RilWord) / 100.0, 0, 1);
                words.Add(new OcrWord(text, new PixelRect(l, t, r - l, b - t), confidence, Math.Max(block, 0), Math.Max(line, 0)));
            }
            while (TesseractNative.ResultIteratorNext(iterator, TesseractNative.RilWord));
        }
        finally
        {
            TesseractNative.ResultIteratorDelete(iterator);
        }
        return words;
    }

    // Tesseract's PDF renderer writes <base>.pdf; it embeds the page image and an invisible text layer.
    private byte[] RenderPdf()
    {
        var folder = Directory.CreateTempSubdirectory("intake-pdf-");
        try
        {
            var outputBase = Path.Combine(folder.FullName, "page");
            var renderer = TesseractNative.PdfRendererCreate(outputBase, _dataPath, textOnly: false);
            if (renderer == 0) throw new OcrException("Không tạo được PDF / Tesseract's PDF renderer could not start");
            try
            {
                if (!TesseractNative.RendererBeginDocument(renderer, "Intake")
                    || !TesseractNative.RendererAddImage(renderer, _api)
                    || !TesseractNative.RendererEndDocument(renderer))
                    throw new OcrException("Không tạo được PDF tìm kiếm được / the searchable PDF could not be rendered");
            }
            finally
            {
                TesseractNative.DeleteResultRenderer(renderer);
            }
            return File.ReadAllBytes(outputBase + ".pdf");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}
