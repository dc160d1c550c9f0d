using Intake.Pipeline;
using Intake.Pipeline.Reports;

namespace Intake.Kiosk.Host.Reading;

/// <summary>The files `intake ocr --out DIR` writes for each input; text is always written.</summary>
[Flags]
internal enum OcrFormats
{
    Text = 0,
    Hocr = 1,
    Pdf = 2,
    Json = 4,
}

internal static class OcrFormatsParser
{
    public static bool TryParse(string list, out OcrFormats formats, out string? unknown)
    {
        formats = OcrFormats.Text;
        unknown = null;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "text" or "txt": break;
                case "hocr": formats |= OcrFormats.Hocr; break;
                case "pdf": formats |= OcrFormats.Pdf; break;
                case "json": formats |= OcrFormats.Json; break;
                default: unknown = part; return false;
            }
        }
        return true;
    }
}
