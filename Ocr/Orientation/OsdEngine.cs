using Intake.Imaging;
using Intake.Ocr.Native;

namespace Intake.Ocr.Orientation;

/// <summary>
/// One TessBaseAPI loaded with the orientation-and-script model ("osd") in OSD-only mode. Not
/// thread-safe: <see cref="OsdEnginePool"/> gives each worker its own, created once.
/// </summary>
internal sealed class OsdEngine : IDisposable
{
    private const string Model = "osd";
    // Tesseract's OSD sizes its character blobs by resolution; a scanner's usual one when none is known.
    private const int FallbackDpi = 300;

    private readonly TessBaseApiHandle _api;

    public OsdEngine(string dataPath)
    {
        OcrRuntime.EnsureConfigured();
        if (!File.Exists(Path.Combine(dataPath, Model + ".traineddata")))
            throw new OcrException($"Thiếu mô hình hướng trang / the orientation model osd.traineddata is missing from {dataPath} (Debian package tesseract-ocr-osd)");
        _api = TesseractNative.Create();
        TesseractNative.SetVariable(_api, "debug_file", "/dev/null");
        // OSD is a legacy-engine model; OEM 0 is the only mode it loads in.
        if (TesseractNative.Init2(_api, dataPath, Model, oem: 0) != 0)
        {
            _api.Dispose();
            throw new OcrException($"Không khởi động được Tesseract OSD / Tesseract's orientation detection failed to start from {dataPath}");
        }
        TesseractNative.SetPageSegMode(_api, TesseractNative.PsmOsdOnly);
    }

    /// <summary>Tesseract's own number: OSD classifies up to five times this many characters.</summary>
    public const int DefaultCharacters = 50;

    /// <summary>
    /// What OSD made of the page, or null when it found too little text to tell. OSD classifies up to
    /// five times <paramref name="characters"/> characters (Tesseract's min_characters_to_try); fewer
    /// is quicker, and its confidence grows with the characters read, so a short look is only sure on
    /// clear text.
    /// </summary>
    public OsdResult? Detect(Image page, int characters = DefaultCharacters)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(characters);
        TesseractNative.SetVariable(_api, "min_characters_to_try", characters.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return TesseractInput.Lend(_api, page, _ =>
        {
            var dpi = (int)Math.Round(page.DpiY > 0 ? page.DpiY : page.DpiX);
            TesseractNative.SetSourceResolution(_api, dpi is >= 70 and <= 2400 ? dpi : FallbackDpi);
            try
            {
                if (!TesseractNative.DetectOrientationScript(_api, out var degrees, out var confidence, out var script, out var scriptConfidence))
                    return null;
                return new OsdResult(degrees, confidence, TesseractNative.TakeTextNoFree(script), scriptConfidence);
            }
            finally
            {
                TesseractNative.Clear(_api);
            }
        });
    }

    public void Dispose() => _api.Dispose();
}
