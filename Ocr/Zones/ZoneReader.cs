using System.Collections.Concurrent;
using Intake.Imaging;
using Intake.Ocr.Native;

namespace Intake.Ocr.Zones;

/// <summary>
/// Reads a small zone whose alphabet is known (an MRZ band) with Tesseract restricted to that alphabet, so look-alikes
/// outside it (« for &lt;, lower case, punctuation) cannot appear. Engines are created on demand, one per concurrent
/// caller, and kept; thread-safe.
/// </summary>
public sealed class ZoneReader : IDisposable
{
    private readonly ZoneOptions _options;
    private readonly string _dataPath;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<TessBaseApiHandle> _idle = [];
    private readonly ConcurrentBag<TessBaseApiHandle> _all = [];

    public ZoneReader(ZoneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _dataPath = TessdataLocator.Resolve(new OcrOptions { Languages = options.Languages, DataPath = options.DataPath });
        var workers = options.Workers > 0 ? options.Workers : Environment.ProcessorCount;
        _slots = new SemaphoreSlim(workers, workers);
    }

    public ZoneText Read(Image zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _slots.Wait(cancellationToken);
        try
        {
            var api = _idle.TryTake(out var idle) ? idle : Create();
            try
            {
                return Recognize(api, zone);
            }
            finally
            {
                _idle.Add(api);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        foreach (var api in _all)
        {
            api.Dispose();
        }

        _slots.Dispose();
    }

    private static ZoneText Recognize(TessBaseApiHandle api, Image zone)
    {
        using var rgb = zone.ToRgb();
        return rgb.UsePixels(pixels =>
        {
            TesseractNative.SetImage(api, pixels.Data, pixels.Width, pixels.Height, pixels.BytesPerPixel, pixels.Stride);
            var dpi = (int)Math.Round(zone.DpiY > 0 ? zone.DpiY : zone.DpiX);
            TesseractNative.SetSourceResolution(api, dpi is >= 70 and <= 2400 ? dpi : 300);
            try
            {
                if (TesseractNative.Recognize(api, 0) != 0)
                {
                    throw new OcrException("Tesseract không đọc được vùng / Tesseract failed to read the zone");
                }

                var text = TesseractNative.TakeText(TesseractNative.GetUtf8Text(api));
                var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var mean = Math.Clamp(TesseractNative.MeanTextConf(api) / 100.0, 0, 1);
                return new ZoneText(lines, mean);
            }
            finally
            {
                TesseractNative.Clear(api);
            }
        });
    }

    private TessBaseApiHandle Create()
    {
        OcrRuntime.EnsureConfigured();
        var api = TesseractNative.Create();
        TesseractNative.SetVariable(api, "debug_file", "/dev/null");
        if (TesseractNative.Init2(api, _dataPath, _options.Languages, TesseractNative.OemLstmOnly) != 0)
        {
            api.Dispose();
            throw new OcrException($"Không khởi động được Tesseract / Tesseract failed to start with '{_options.Languages}' from {_dataPath}");
        }

        TesseractNative.SetVariable(api, "tessedit_char_whitelist", _options.Alphabet);
        TesseractNative.SetPageSegMode(api, _options.PageSegMode);
        _all.Add(api);
        return api;
    }
}
