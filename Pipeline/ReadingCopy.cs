using System.Globalization;
using System.Text.RegularExpressions;
using Intake.Imaging;
using Intake.Imaging.Cleanup;
using Intake.Pages;
using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>
/// The copy of a straightened page that the engine reads, and the way back from its pixels to the page's (issue 10):
/// small print enlarged to Tesseract's working x-height (<see cref="ReadingResolution"/>: a 150-dpi scan with 6-pt
/// lines read at 5.5 % CER as scanned, under 1.5 % enlarged), white-on-dark title bars inverted
/// (<see cref="DarkBarInverter"/>: read as garbage at word confidence 0.09 otherwise), then binarised when asked.
/// The archived page stays as scanned.
/// </summary>
internal static partial class ReadingCopy
{
    /// <summary>The reading copy of <paramref name="clean"/> and what was done to make it; <paramref name="clean"/> itself when nothing was (and not binarised), else a copy the caller disposes.</summary>
    public static (Image Copy, ReadingCopyReport Report) Make(Image clean, bool binarise)
    {
        var scale = ReadingResolution.ForReadingCopy(clean);
        var enlarged = scale.Enlarges ? clean.Scale(scale.Factor) : null;
        Image? inverted = null;
        try
        {
            var bars = 0;
            if (DarkBands.Present(enlarged ?? clean))
            {
                (var grey, bars) = DarkBarInverter.Invert(enlarged ?? clean);
                if (bars > 0) inverted = grey;
                else grey.Dispose();
            }
            var source = inverted ?? enlarged ?? clean;
            var copy = binarise ? OcrBinarizer.MakeOcrCopy(source) : source;
            if (!ReferenceEquals(copy, inverted)) inverted?.Dispose();
            if (!ReferenceEquals(copy, enlarged)) enlarged?.Dispose();
            return (copy, new ReadingCopyReport(scale, bars) { Measured = ReadingResolution.MeasuresPrint(clean) });
        }
        catch
        {
            inverted?.Dispose();
            enlarged?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What was read on a copy enlarged by <paramref name="factor"/>, in the clean page's pixels: word boxes, size, dpi
    /// and the hOCR's boxes divided back. The searchable PDF needs nothing: its page size is pixels over dpi, both enlarged alike.
    /// </summary>
    public static PageText ToPagePixels(PageText read, double factor, int width, int height)
    {
        if (factor == 1) return read;
        return read with
        {
            Words = [.. read.Words.Select(w => w with { Box = Shrink(w.Box, factor) })],
            Width = width,
            Height = height,
            Dpi = read.Dpi / factor,
            Hocr = read.Hocr is null ? null : Bbox().Replace(read.Hocr, m => "bbox " + string.Join(' ',
                Enumerable.Range(1, 4).Select(g => Math.Round(int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) / factor).ToString(CultureInfo.InvariantCulture)))),
        };
    }

    private static PixelRect Shrink(PixelRect box, double factor)
    {
        var x = (int)Math.Floor(box.X / factor);
        var y = (int)Math.Floor(box.Y / factor);
        return new PixelRect(x, y, Math.Max(1, (int)Math.Ceiling(box.Right / factor) - x), Math.Max(1, (int)Math.Ceiling(box.Bottom / factor) - y));
    }

    [GeneratedRegex(@"bbox (\d+) (\d+) (\d+) (\d+)")]
    private static partial Regex Bbox();
}
