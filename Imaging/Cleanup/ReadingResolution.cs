using System.Globalization;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// The size of a page's text in pixels and the factor its OCR copy is enlarged by before it is read.
/// <see cref="BodyXHeight"/>, <see cref="SmallestXHeight"/>: x-heights in the page's pixels (0: too little text to tell).
/// </summary>
public readonly record struct ReadingScale(double BodyXHeight, double SmallestXHeight, double Factor)
{
    public bool Enlarges => Factor > 1;

    /// <summary>The smallest print's x-height in the copy that is read.</summary>
    public double SmallestXHeightRead => SmallestXHeight * Factor;
}

/// <summary>What reading at a <see cref="ReadingScale"/> gave: whether the page is too coarse to read well, and why (Vietnamese / English).</summary>
public readonly record struct ReadingQuality(bool Poor, string Message);

/// <summary>
/// Reading resolution: pages whose text is too small for Tesseract at their resolution (a 150-dpi scan with 6-pt print,
/// tesseract-ocr/tesseract#161) are enlarged for reading only; the archived image stays as scanned. Tesseract reads best
/// with an x-height of about 20 pixels (300 dpi body text, per its "Improving the quality of the output"); its accuracy
/// falls below about 10. The factor brings body text to <see cref="TargetBodyXHeight"/> and the smallest print to
/// <see cref="TargetSmallXHeight"/>, whichever needs more, within <see cref="MaxFactor"/> and <see cref="MaxPixels"/>.
/// Measured on field case low-resolution/notice-150.png: CER 5.5 % as scanned, under 1.5 % enlarged.
/// </summary>
public static class ReadingResolution
{
    public const double TargetBodyXHeight = 18;
    public const double TargetSmallXHeight = 13;
    public const double MaxFactor = 4;

    /// <summary>Enlarging by less than this is not worth the time (Tesseract's time grows with the pixels).</summary>
    public const double MinFactor = 1.25;

    public const long MaxPixels = 150_000_000;

    /// <summary>Below this x-height in the copy read, small print is misread often, whatever the confidence says.</summary>
    public const double PoorXHeight = 9;

    /// <summary>Below this mean word confidence (0..1) the page is reported as read poorly.</summary>
    public const double PoorMeanConfidence = 0.75;

    /// <summary>
    /// Print is measured only on pages scanned below this resolution (dots per inch): at 250 dpi even 6-pt print has an
    /// x-height of about 10 px, above <see cref="PoorXHeight"/>, and measuring costs a pass over the whole page (about a
    /// tenth of a second on an A4 page at 300 dpi, on every page of the cleanup bench).
    /// </summary>
    public const double MeasuredBelowDpi = 250;

    /// <summary>
    /// Scanner dust and noise measure as tiny "print": a noisy 300-dpi page of 12-pt text gave a body x-height of 27 px
    /// and a "smallest" of 6-7 px, and was enlarged twice for nothing. Real small print (field case low-resolution:
    /// 14 px body, 7 px for its 6-pt lines) is at least this share of the body; a smaller "smallest" is not believed.
    /// </summary>
    public const double MinSmallPrintShare = 0.4;

    /// <summary>Measures the page's text and chooses the factor (1 when the text is large enough or too little to tell).</summary>
    public static ReadingScale Measure(Image page)
    {
        var (body, smallest) = XHeights(page);
        if (body <= 0 || smallest <= 0) return new ReadingScale(body, smallest, 1);
        return new ReadingScale(body, smallest, Factor(body, smallest, page));
    }

    /// <summary>Whether <see cref="ForReadingCopy"/> measures <paramref name="page"/>'s print: it was scanned below <see cref="MeasuredBelowDpi"/> (or its dpi is unknown).</summary>
    public static bool MeasuresPrint(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return !(page.DpiY >= MeasuredBelowDpi);
    }

    /// <summary>
    /// The scale of the page's reading copy: (0, 0, 1) on a page not measured (<see cref="MeasuresPrint"/>); else the
    /// measured x-heights with a smallest print that is believed (<see cref="MinSmallPrintShare"/>; otherwise the body
    /// stands for it), enlarged only when that print is smaller than <see cref="PoorXHeight"/>, where Tesseract starts
    /// misreading: a page it reads well is not enlarged, because the copy changes its layout analysis (ocrmypdf's
    /// cardinal.pdf at 150 dpi, 10 px body and 9 px smallest, read its blocks in another order enlarged 1.8 times, and
    /// in the same order in all four turns as it came). The factor then follows <see cref="Measure"/>'s targets and limits.
    /// </summary>
    public static ReadingScale ForReadingCopy(Image page)
    {
        if (!MeasuresPrint(page)) return new ReadingScale(0, 0, 1);
        var (body, measuredSmallest) = XHeights(page);
        if (body <= 0) return new ReadingScale(body, measuredSmallest, 1);
        var smallest = measuredSmallest >= body * MinSmallPrintShare ? measuredSmallest : body;
        return new ReadingScale(body, smallest, smallest >= PoorXHeight ? 1 : Factor(body, smallest, page));
    }

    private static (double Body, double Smallest) XHeights(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (body, smallest, _) = ImagingFailure.Guard(() => TextSize.XHeights(page));
        return (body, smallest);
    }

    /// <summary>Body text to <see cref="TargetBodyXHeight"/> and the smallest print to <see cref="TargetSmallXHeight"/>, whichever needs more, within <see cref="MaxFactor"/> and <see cref="MaxPixels"/>; 1 below <see cref="MinFactor"/>.</summary>
    private static double Factor(double body, double smallest, Image page)
    {
        var wanted = Math.Max(TargetBodyXHeight / body, TargetSmallXHeight / smallest);
        var budget = Math.Sqrt(MaxPixels / ((double)page.Width * page.Height));
        var factor = Math.Min(Math.Min(wanted, MaxFactor), budget);
        return factor >= MinFactor ? Math.Round(factor, 2) : 1;
    }

    /// <summary>The copy to read: <paramref name="page"/> enlarged by the scale's factor (its dpi too), or a shared view of it at factor 1. The caller disposes it.</summary>
    public static Image ForReading(Image page, ReadingScale scale)
    {
        ArgumentNullException.ThrowIfNull(page);
        return scale.Enlarges ? page.Scale(scale.Factor) : page.WithDpi(page.DpiX, page.DpiY);
    }

    /// <summary>
    /// Whether a page read at <paramref name="scale"/> with mean word confidence <paramref name="meanConfidence"/> (0..1) was
    /// read well; when not, a check message naming the measured sizes, Vietnamese first.
    /// </summary>
    public static ReadingQuality Judge(ReadingScale scale, double meanConfidence)
    {
        var tooSmall = scale.SmallestXHeight > 0 && scale.SmallestXHeightRead < PoorXHeight;
        var unsure = meanConfidence < PoorMeanConfidence;
        if (!tooSmall && !unsure) return new ReadingQuality(false, "");
        var x = scale.SmallestXHeight.ToString("0.#", CultureInfo.InvariantCulture);
        var c = meanConfidence.ToString("0.00", CultureInfo.InvariantCulture);
        return new ReadingQuality(true,
            $"Trang quét quá thô so với cỡ chữ, có thể đọc sai: cần quét lại ở độ phân giải cao hơn (chữ nhỏ nhất cao {x} điểm ảnh, độ tin cậy {c})"
            + $" / The scan is too coarse for its print and may be misread: rescan at a higher resolution (smallest x-height {x} px, confidence {c})");
    }
}
