using Intake.Imaging;
using Intake.Imaging.Codes;
using Intake.Ocr.Orientation;

namespace Intake.Pipeline.Cards;

/// <summary>
/// Sets a card cut out of its page upright and reads its codes on the way, cheapest witness first: the QR code's own
/// corners (free and certain, and a 2021 CCCD front has one), then whether the MRZ band parses as it lies or turned
/// (a card back), then the orientation detector. A landscape card is either upright or upside down: a quarter turn
/// would make it portrait, so only 0 and 180 are candidates. Thread-safe.
/// </summary>
public sealed class CardOrienter(MrzBandReader mrz, OrientationDetector detector)
{
    /// <summary>
    /// How <paramref name="card"/> is set upright and what its codes say. With <paramref name="codesRequired"/> (a card
    /// known by its proportions only), null when neither a QR code nor an MRZ is read on it: then it is not a card.
    /// </summary>
    public CardReport? Orient(Image card, bool codesRequired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var qr = QrReader.Read(card);
        if (qr is not null)
        {
            var turn = qr.TurnedDegrees is 180 ? 180 : 0;
            using var upright = turn == 0 ? null : card.Rotate(turn);
            var back = ReadMrz(upright ?? card, cancellationToken);
            return new CardReport(turn, "qr", qr.Text, LinesWorthKeeping(back));
        }

        var asItLies = ReadMrz(card, cancellationToken);
        if (asItLies.Found)
        {
            return new CardReport(0, "mrz", null, asItLies.Lines);
        }

        using (var turned = card.Rotate(180))
        {
            var other = ReadMrz(turned, cancellationToken);
            if (other.Found)
            {
                return new CardReport(180, "mrz", null, other.Lines);
            }
        }

        if (codesRequired)
        {
            return null;
        }

        var detected = detector.Detect(card, cancellationToken);
        var degrees = detected.Degrees == 180 ? 180 : 0;
        MrzBandReading? band = asItLies;
        if (degrees == 180)
        {
            using var upright = card.Rotate(180);
            band = ReadMrz(upright, cancellationToken);
        }

        return new CardReport(degrees, $"detector ({detected.Method})", null, LinesWorthKeeping(band));
    }

    /// <summary>
    /// The card's MRZ band read as it comes, and once more at <see cref="SecondMrzDpi"/> when the card is finer than that
    /// and the band reads like an MRZ (a filler run) whose check digits fail: Tesseract's English model misreads OCR-B
    /// drawn large (a 5 read as 9 on a card photographed at 390 dpi, read right at 200 dpi). The second reading is kept
    /// only when fewer of its check digits fail; a card back read right the first time, or a front, pays nothing.
    /// </summary>
    private MrzBandReading ReadMrz(Image card, CancellationToken cancellationToken)
    {
        var first = mrz.Read(card, cancellationToken);
        if (first.Parsed.Value is { AllCheckDigitsValid: true } || card.DpiX < SecondMrzDpi * 1.25
            || !first.Lines.Any(l => l.Contains("<<", StringComparison.Ordinal)))
        {
            return first;
        }

        var factor = SecondMrzDpi / card.DpiX;
        using var smaller = card.Scale(factor);
        var second = mrz.Read(smaller, cancellationToken);
        return Failing(second) < Failing(first) ? second with { BandTop = (int)Math.Round(second.BandTop / factor) } : first;
    }

    /// <summary>How many check digits fail (int.MaxValue when the lines do not parse).</summary>
    private static int Failing(MrzBandReading band) => band.Parsed.Value is { } read ? read.CheckDigits.Count(c => !c.Valid) : int.MaxValue;

    // OCR-B at the ICAO size (about 2.5 mm high) is some 20 pixels high here: where the English model reads it best.
    private const double SecondMrzDpi = 200;

    /// <summary>Lines that parse, or that at least look like an MRZ (a filler run), so a damaged MRZ is reported, not lost.</summary>
    private static IReadOnlyList<string>? LinesWorthKeeping(MrzBandReading? band) =>
        band is { Found: true } || (band is not null && band.Lines.Any(l => l.Contains("<<", StringComparison.Ordinal))) ? band!.Lines : null;
}
