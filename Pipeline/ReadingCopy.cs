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
        var measured = !(clean.DpiY >= MeasuredBelowDpi);
        var scale = measured ? Believed(ReadingResolution.Measure(clean), clean) : new ReadingScale(0, 0, 1);
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
            return (copy, new ReadingCopyReport(scale, bars) { Measured = measured });
        }
        catch
        {
            inverted?.Dispose();
            enlarged?.Dispose();
            throw;
        }
    }

    // Print is measured only on pages scanned below this resolution: at 250 dpi even 6-pt print has an x-height of
    // about 10 px, above ReadingResolution.PoorXHeight, and measuring costs a pass over the whole page (about a
    // tenth of a second on an A4 page at 300 dpi, on every page of the cleanup bench).
    private const double MeasuredBelowDpi = 250;

    // Scanner dust and noise measure as tiny "print": a noisy 300-dpi page of 12-pt text gave a body x-height of 27 px
    // and a "smallest" of 6-7 px, and was enlarged twice for nothing. Real small print (field case low-resolution:
    // 14 px body, 7 px for its 6-pt lines) is at least this share of the body.
    private const double MinSmallPrintShare = 0.4;

    /// <summary>
    /// The measured scale with a smallest print that is believed (<see cref="MinSmallPrintShare"/>; otherwise the body
    /// stands for it), enlarged only when that print is smaller than <see cref="ReadingResolution.PoorXHeight"/>, where
    /// Tesseract starts misreading: a page it reads well is not enlarged, because the copy changes its layout analysis
    /// (ocrmypdf's cardinal.pdf at 150 dpi, 10 px body and 9 px smallest, read its blocks in another order enlarged 1.8
    /// times, and in the same order in all four turns as it came). The factor then follows
    /// <see cref="ReadingResolution"/>'s own targets and limits.
    /// </summary>
    private static ReadingScale Believed(ReadingScale measured, Image page)
    {
        if (measured.BodyXHeight <= 0)
        {
            return measured;
        }

        var smallest = measured.SmallestXHeight >= measured.BodyXHeight * MinSmallPrintShare ? measured.SmallestXHeight : measured.BodyXHeight;
        if (smallest >= ReadingResolution.PoorXHeight)
        {
            return new ReadingScale(measured.BodyXHeight, smallest, 1);
        }

        var wanted = Math.Max(ReadingResolution.TargetBodyXHeight / measured.BodyXHeight, ReadingResolution.TargetSmallXHeight / smallest);
        var budget = Math.Sqrt(ReadingResolution.MaxPixels / ((double)page.Width * page.Height));
        var factor = Math.Min(Math.Min(wanted, ReadingResolution.MaxFactor), budget);
        return new ReadingScale(measured.BodyXHeight, smallest, factor >= ReadingResolution.MinFactor ? Math.Round(factor, 2) : 1);
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
