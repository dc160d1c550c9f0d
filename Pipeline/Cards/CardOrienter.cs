using Intake.Imaging;
using Intake.Dossiers.Classification;
using Intake.Imaging.Codes;
using Intake.Ocr;
using Intake.Ocr.Orientation;

namespace Intake.Pipeline.Cards;

/// <summary>
/// Sets a card cut out of its page upright and reads its codes on the way, cheapest witness first: the QR code's own
/// corners (free and certain, and a 2021 CCCD front has one), then whether the MRZ band parses as it lies or turned
/// (a card back), then the orientation detector. A landscape card is either upright or upside down: a quarter turn
/// would make it portrait, so only 0 and 180 are candidates. A card known by its proportions only and carrying no
/// code is read once more (<paramref name="readers"/>) for the bilingual labels every card prints. Thread-safe.
/// </summary>
public sealed class CardOrienter(MrzBandReader mrz, OrientationDetector detector, OcrEnginePool readers)
{
    /// <summary>
    /// How <paramref name="card"/> is set upright and what its codes say. With <paramref name="codesRequired"/> (a card
    /// known by its proportions only), null when neither a QR code nor an MRZ nor a card's printed labels
    /// (<see cref="DocumentClassifier.PrintsCardLabels"/>) are read on it: then it is not a card.
    /// </summary>
    public CardReport? Orient(Image card, bool codesRequired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var qr = QrReader.Read(card);
        if (qr is not null)
        {
            var turn = qr.TurnedDegrees is 180 ? 180 : 0;
            using var upright = turn == 0 ? null : card.Rotate(turn);
            var back = mrz.Read(upright ?? card, cancellationToken);
            return new CardReport(turn, "qr", qr.Text, LinesWorthKeeping(back));
        }

        var asItLies = mrz.Read(card, cancellationToken);
        if (asItLies.Found)
        {
            return new CardReport(0, "mrz", null, asItLies.Lines);
        }

        using (var turned = card.Rotate(180))
        {
            var other = mrz.Read(turned, cancellationToken);
            if (other.Found)
            {
                return new CardReport(180, "mrz", null, other.Lines);
            }
        }

        var detected = detector.Detect(card, cancellationToken);
        var degrees = detected.Degrees == 180 ? 180 : 0;
        var how = $"detector ({detected.Method})";
        if (codesRequired)
        {
            // No code to confirm it (a 2024 front has none, a 2021 front's QR may not decode): the card's own English
            // labels are the evidence left, which a sheet of paper seen at a slant does not print. Read the way the
            // detector says first; text read upside down gives no label, so the labels settle the turn too.
            if (LabelledTurn(card, degrees, cancellationToken) is not { } labelled)
            {
                return null;
            }

            (degrees, how) = (labelled, "labels");
        }

        MrzBandReading? band = asItLies;
        if (degrees == 180)
        {
            using var upright = card.Rotate(180);
            band = mrz.Read(upright, cancellationToken);
        }

        return new CardReport(degrees, how, null, LinesWorthKeeping(band));
    }

    /// <summary>The turn (of <paramref name="likely"/> and the other one) at which the card reads its printed labels; null when neither does.</summary>
    private int? LabelledTurn(Image card, int likely, CancellationToken cancellationToken)
    {
        foreach (var turn in new[] { likely, 180 - likely })
        {
            using var turned = turn == 0 ? null : card.Rotate(turn);
            if (DocumentClassifier.PrintsCardLabels(readers.Recognize(turned ?? card, cancellationToken: cancellationToken).Text))
            {
                return turn;
            }
        }

        return null;
    }

    /// <summary>Lines that parse, or that at least look like an MRZ (a filler run), so a damaged MRZ is reported, not lost.</summary>
    private static IReadOnlyList<string>? LinesWorthKeeping(MrzBandReading? band) =>
        band is { Found: true } || (band is not null && band.Lines.Any(l => l.Contains("<<", StringComparison.Ordinal))) ? band!.Lines : null;
}
