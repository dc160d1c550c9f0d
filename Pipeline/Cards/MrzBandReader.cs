using System.Globalization;
using Intake.Pages;
using Intake.Dossiers;
using Intake.Dossiers.Mrz;
using Intake.Imaging;
using Intake.Imaging.Cleanup;
using Intake.Ocr.Zones;

namespace Intake.Pipeline.Cards;

/// <summary>
/// Reads the machine-readable zone at the bottom of an upright card back or passport page: the bottom band is read
/// with Tesseract restricted to the MRZ alphabet (one block of lines), first as it is, then binarised, then at other
/// scales (<see cref="SecondLookScales"/>, then <see cref="SecondLookDpi"/> on a fine card) while no reading passes
/// every check digit and every other check. Of readings that all fail something, the one with the fewest failed check
/// digits is kept, the earlier on a tie; a scaled look never changes a field that the best earlier look's check digit
/// vouched for (the binarised look, the reader's older second look, is not held to that rule). The lines are
/// returned even when they do not parse, so a wrong-length MRZ is reported.
/// </summary>
public sealed class MrzBandReader(ZoneReader zones)
{
    /// <summary>The MRZ of a TD1 card fills its bottom third; a passport's, its bottom quarter. This band holds both.</summary>
    public const double BandFraction = 0.42;

    /// <summary>
    /// Tesseract's reading of OCR-B at the ICAO size (characters about 28 px tall at 300 dpi) turns on the sampling grid:
    /// on field case mrz-ocrb the same band read at 1.0 gives "3S" for "3" and "S0090D" for "300909" in line 2, at 0.9
    /// or 0.6 it reads every character, and which scale reads cleanly moves with a tenth of a degree or half a pixel
    /// of the card's cut (OpenCV 4.6 and 4.13 cut the same card that differently). So a band whose reading fails a
    /// check is read again at these scales, in this order. On 48 generated OCR-B backs (MrzOcrbBandTests) 13 readings
    /// came from them (0.75: 4, 0.6: 8, 0.9: 1): the 5 whose first looks failed a check digit, and 8 whose check
    /// digits held but whose name check did not; every check digit held on 48 backs instead of 43, none wrong.
    /// Shrinking only: the field case enlarged 1.5× or 2× read worse than as scanned.
    /// </summary>
    public static readonly IReadOnlyList<double> SecondLookScales = [0.75, 0.6, 0.9];

    /// <summary>
    /// After <see cref="SecondLookScales"/>, a card finer than <see cref="FineCardDpi"/> is read once more brought down to
    /// <see cref="SecondLookDpi"/>: OCR-B at the ICAO size (about 2.5 mm high) is some 20 pixels high there, where the
    /// English model reads it best; a back photographed at 390 dpi (real-card family, photo 10) read its birth date's
    /// 5 as 9 as it came and right at 200 dpi.
    /// </summary>
    public const double SecondLookDpi = 200;

    /// <summary>The resolution from which a card gets the <see cref="SecondLookDpi"/> look (dots per inch).</summary>
    public const double FineCardDpi = 250;

    public MrzBandReading Read(Image upright, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upright);
        var top = (int)(upright.Height * (1 - BandFraction));
        using var band = upright.Crop(new PixelRect(0, top, upright.Width, upright.Height - top));
        using var grey = band.ToGray();
        var best = Look(grey, "as scanned", top, cancellationToken);
        if (IsConfirmed(best))
        {
            return best;
        }

        using (var binary = OcrBinarizer.MakeOcrCopy(band))
        {
            var binarised = Look(binary, "binarised", top, cancellationToken);
            if (IsConfirmed(binarised))
            {
                return binarised;
            }

            if (!LooksLikeMrz(best) && !LooksLikeMrz(binarised))
            {
                return best; // no MRZ-shaped lines at all (a card front, a back upside down): more looks would only cost time
            }

            best = Rank(binarised) > Rank(best) ? binarised : best;
        }

        foreach (var scale in SecondLooks(upright.DpiX))
        {
            using var scaled = grey.Scale(scale);
            var look = Look(scaled, string.Create(CultureInfo.InvariantCulture, $"scaled {scale:0.##}"), top, cancellationToken);
            if (!KeepsWhatWasConfirmed(best, look))
            {
                continue;
            }

            if (IsConfirmed(look))
            {
                return look;
            }

            best = Rank(look) > Rank(best) ? look : best;
        }

        return best;
    }

    private static IEnumerable<double> SecondLooks(double dpi) =>
        dpi >= FineCardDpi ? [.. SecondLookScales, SecondLookDpi / dpi] : SecondLookScales;

    private MrzBandReading Look(Image image, string how, int top, CancellationToken cancellationToken)
    {
        var (lines, parsed) = MrzParser.ParseWithLines(zones.Read(image, cancellationToken).Lines);
        return new MrzBandReading(lines, parsed, top, how);
    }

    /// <summary>Every check digit holds (ICAO 9303 Part 3, the composite included) and so does every other check.</summary>
    private static bool IsConfirmed(MrzBandReading reading) =>
        reading.Found && reading.Parsed.Value!.AllCheckDigitsValid && reading.Parsed.Checks.All(c => c.Passed);

    /// <summary>
    /// How far a reading got: no MRZ lowest, then the fewer check digits fail the higher (0: every one holds, another
    /// check failed). On real-card photo 10 every look failed the composite, and only the 200 dpi one held the birth
    /// date's own check digit (the look as scanned read its 5 as 9).
    /// </summary>
    private static int Rank(MrzBandReading reading) => !reading.Found ? int.MinValue : -reading.Parsed.Value!.CheckDigits.Count(c => !c.Valid);

    /// <summary>MRZ-shaped lines were read: the parser found the lines, or lines of the MRZ alphabet of a wrong length.</summary>
    private static bool LooksLikeMrz(MrzBandReading reading) =>
        reading.Found || reading.Parsed.Checks.Any(c => c.Name == "mrz.length");

    /// <summary>
    /// A later look may only change what the earlier one's check digits refused: a field whose check digit held in
    /// <paramref name="earlier"/> must read the same in <paramref name="later"/>, so a coincidence that satisfies the
    /// check digits of a new misreading cannot overturn a field already vouched for.
    /// </summary>
    private static bool KeepsWhatWasConfirmed(MrzBandReading earlier, MrzBandReading later)
    {
        if (!earlier.Found || !later.Found)
        {
            return true; // nothing vouched for yet, or a look that found no MRZ and so cannot be chosen
        }

        var (before, after) = (earlier.Parsed.Value!, later.Parsed.Value!);
        return before.CheckDigits.Where(c => c.Valid).All(c => ValueOf(before, c.Field) == ValueOf(after, c.Field));
    }

    private static string? ValueOf(MrzReading reading, string field) => field switch
    {
        MrzReading.DocumentNumberField => reading.DocumentNumber,
        MrzReading.PersonalIdField => reading.PersonalIdNumber,
        MrzReading.DateOfBirthField => reading.DateOfBirth?.ToString("O", CultureInfo.InvariantCulture),
        MrzReading.ExpiryField => reading.NoExpiry ? "none" : reading.ExpiryDate?.ToString("O", CultureInfo.InvariantCulture),
        _ => null, // the composite and a passport's personal number: covered by the fields above or by the check digits alone
    };
}
