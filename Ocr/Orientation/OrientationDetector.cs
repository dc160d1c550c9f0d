using Intake.Pages;
using Intake.Imaging;
using Intake.Imaging.Cleanup;

namespace Intake.Ocr.Orientation;

/// <summary>
/// Finds the quarter turn (0/90/180/270) that sets a straightened page upright, asking ever costlier
/// witnesses until one is sure: the cheap <see cref="OrientationCues"/> (line direction plus Leptonica's
/// ascender/descender count, a few milliseconds), then Tesseract's OSD (a few hundred), then reading the
/// plausible turns with the reading engines (seconds), where the most legible wins. Upright wins ties: a
/// page is only turned on clear evidence, never on a guess: an OSD answer below <see cref="SureAbove"/> is
/// taken only when the cues lean the same way, and otherwise read against its alternatives.
/// Thread-safe; one OSD engine per worker, each loaded once.
/// </summary>
public sealed class OrientationDetector : IDisposable
{
    /// <summary>
    /// OSD confidence from which its answer is taken as it is. Tesseract's own CLI and OCRmyPDF treat values
    /// above about 2 as meaningful, but an upright card back (field case card-back-upright, issue 10) is called
    /// 180° at 3.09-3.32. Measured by OsdConfidenceMeasurementTests (14 upright corpus pages of every kind, each
    /// turned by the four quarters, asked as the detector asks: 94 answers): the 6 wrong ones reach 0.01-3.32,
    /// the right ones 0.01-34.5, 73 of 88 above 2 but only 5 of them between 3.32 and 5 (one passport turned
    /// three ways, which the cues settle first, and two middle bands, which the whole-page look settles). 5 is
    /// the highest wrong answer with half again as margin.
    /// </summary>
    public const double DefaultSureAbove = 5.0;

    // A turned candidate must read this much better than upright (letter-weighted mean word
    // confidence, 0..1) to win; upside-down text still yields some confident "words" (l, I, o, s).
    private const double TurnMargin = 0.08;

    // OSD classifies a few hundred characters at most however large the page, but lays out the whole
    // page first; the middle third of a text page holds enough characters, so it is asked first.
    internal const int BandParts = 3;
    // Below this height a third of the page holds too few lines to be worth a separate question.
    internal const int MinBandHeight = 300;
    // The band gets a short look (up to 100 characters instead of 250): on a clear page OSD is mostly
    // above SureAbove even so (15-34 on the full look, 4.7-17 on the short one), and when it is not, the
    // whole page gets Tesseract's full look, then the reading fallback, so only speed is at stake.
    internal const int BandCharacters = 20;

    // The cues decide only when both are clear: rows at least this much peakier than columns (or the
    // reverse), and an ascender confidence of at least Leptonica's own decision level, 8. On the corpus,
    // upright text pages give 8.4-45 and their turned copies the mirror values, while upper-case-only
    // pages (passports, MRZ) stay within +-5.5 and go to OSD.
    private const double ClearLines = 1.4;
    private const double SureAscenders = 8.0;

    // An unsure OSD answer is confirmed when the cues lean its way: lines in its direction and an ascender
    // count of at least this, with its sign. On the measured corpus every non-zero count had the right sign
    // (magnitudes 5.1-45); cards whose letters Leptonica could not count (the upright card back: 0) confirm
    // nothing and go to reading.
    private const double LeaningAscenders = 2.0;

    private readonly OcrEnginePool _readers;
    private readonly OsdEnginePool _osd;
    private readonly bool _trustCues;

    /// <param name="trustCues">false skips the cheap cues and always asks OSD (tests of the costlier witnesses).</param>
    public OrientationDetector(OcrEnginePool readers, double sureAbove = DefaultSureAbove, bool trustCues = true)
    {
        ArgumentNullException.ThrowIfNull(readers);
        _readers = readers;
        _trustCues = trustCues;
        _osd = new OsdEnginePool(TessdataLocator.Resolve(readers.Options), readers.Workers);
        SureAbove = sureAbove;
    }

    public double SureAbove { get; }

    public PageOrientation Detect(Image page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var cues = _trustCues ? OrientationCues.Measure(page) : null;
        if (cues is not null && TurnFrom(cues) is { } clear)
            return new PageOrientation(clear, OrientationMethod.Ascenders, null, null, []) { Cues = cues };

        var osd = AskOsd(page, cancellationToken);
        int? osdTurn = osd is null ? null : TurnUndoing(osd.PageDegrees);
        if (osd is not null && osd.Confidence >= SureAbove)
            return new PageOrientation(osdTurn!.Value, OrientationMethod.Osd, osdTurn, osd.Confidence, []) { Cues = cues };
        if (osdTurn is { } unsure && cues is not null && Leans(cues, unsure))
            return new PageOrientation(unsure, OrientationMethod.OsdConfirmedByCues, osdTurn, osd!.Confidence, []) { Cues = cues };

        // OSD's usual confusions are between a turn and its opposite, so with a guess both are read;
        // with no answer at all, every quarter turn is.
        int[] turns = osdTurn is { } guess ? [0, guess, (guess + 180) % 360] : [0, 90, 180, 270];
        var candidates = new List<OrientationCandidate>();
        foreach (var turn in turns.Distinct())
            candidates.Add(Read(page, turn, cancellationToken));
        var upright = candidates[0];
        var best = candidates.MaxBy(c => c.Legibility)!;
        var chosen = best.Legibility > upright.Legibility + TurnMargin ? best : upright;
        return new PageOrientation(chosen.Degrees, OrientationMethod.Recognition, osdTurn, osd?.Confidence, candidates) { Cues = cues };
    }

    /// <summary>
    /// The turn the cues show beyond doubt, or null. Leptonica measures "left" after turning the page a
    /// quarter clockwise, so letters standing up there (positive) lean left on the page, which a
    /// counter-clockwise turn of 270 sets upright.
    /// </summary>
    internal static int? TurnFrom(OrientationCues cues)
    {
        if (cues.LineRatio >= ClearLines)
        {
            if (cues.UpConfidence >= SureAscenders) return 0;
            if (cues.UpConfidence <= -SureAscenders) return 180;
        }
        else if (cues.LineRatio > 0 && cues.LineRatio <= 1 / ClearLines)
        {
            if (cues.LeftConfidence >= SureAscenders) return 270;
            if (cues.LeftConfidence <= -SureAscenders) return 90;
        }
        return null;
    }

    /// <summary>
    /// Whether the cues, short of deciding on their own, lean towards <paramref name="turn"/>: the lines run
    /// the way that turn leaves them across, and the letters' ascenders point the way it needs.
    /// </summary>
    internal static bool Leans(OrientationCues cues, int turn) => turn switch
    {
        0 => cues.LineRatio >= 1 && cues.UpConfidence >= LeaningAscenders,
        180 => cues.LineRatio >= 1 && cues.UpConfidence <= -LeaningAscenders,
        270 => cues.LineRatio is > 0 and < 1 && cues.LeftConfidence >= LeaningAscenders,
        90 => cues.LineRatio is > 0 and < 1 && cues.LeftConfidence <= -LeaningAscenders,
        _ => false,
    };

    /// <summary>
    /// OSD reports how far the text is turned clockwise on screen from upright (a page lying on its
    /// right side reads 90); Image.Rotate turns counter-clockwise, so the same number undoes it.
    /// </summary>
    internal static int TurnUndoing(int osdPageDegrees) => ((osdPageDegrees % 360) + 360) % 360;

    public void Dispose() => _osd.Dispose();

    /// <summary>
    /// OSD's answer from the middle band of the page when that answer is sure; otherwise from the
    /// whole page, so an unsure band (little text in the middle) costs a second question, not accuracy.
    /// </summary>
    private OsdResult? AskOsd(Image page, CancellationToken cancellationToken)
    {
        var height = page.Height / BandParts;
        if (height >= MinBandHeight)
        {
            using var band = page.Crop(new PixelRect(0, (page.Height - height) / 2, page.Width, height));
            var quick = _osd.Detect(band, BandCharacters, cancellationToken);
            if (quick is not null && quick.Confidence >= SureAbove) return quick;
        }
        return _osd.Detect(page, OsdEngine.DefaultCharacters, cancellationToken);
    }

    private OrientationCandidate Read(Image page, int turn, CancellationToken cancellationToken)
    {
        using var turned = turn == 0 ? null : page.Rotate(turn);
        var text = _readers.Recognize(turned ?? page, OcrOutputs.Text, 0, cancellationToken);
        double weighted = 0, letters = 0;
        var words = 0;
        foreach (var word in text.Words)
        {
            var count = word.Text.Count(char.IsLetterOrDigit);
            if (count == 0) continue;
            words++;
            // Tesseract reads a sideways page as vertical text, confidently; upright text has words
            // wider than tall, so a multi-letter word standing on end counts as not read.
            var standing = count >= 2 && word.Box.Height > word.Box.Width;
            weighted += standing ? 0 : word.Confidence * count;
            letters += count;
        }
        return new OrientationCandidate(turn, letters > 0 ? weighted / letters : 0, words);
    }
}
