using Intake.Dossiers.Mrz;
using Intake.Imaging;
using Intake.Imaging.Cleanup;
using Intake.Ocr.Zones;

namespace Intake.Dossiers.Reading;

/// <summary>
/// Reads the machine-readable zone at the bottom of an upright card back or passport page: the bottom band is read
/// with Tesseract restricted to the MRZ alphabet (one block of lines), first as it is, then binarised when the first
/// reading does not parse. The lines are returned even when they do not parse, so a wrong-length MRZ is reported.
/// </summary>
public sealed class MrzBandReader(ZoneReader zones)
{
    /// <summary>The MRZ of a TD1 card fills its bottom third; a passport's, its bottom quarter. This band holds both.</summary>
    public const double BandFraction = 0.42;

    public MrzBandReading Read(Image upright, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upright);
        var top = (int)(upright.Height * (1 - BandFraction));
        using var band = upright.Crop(new PixelRect(0, top, upright.Width, upright.Height - top));
        using var grey = band.ToGray();
        var first = zones.Read(grey, cancellationToken);
        var parsed = MrzParser.Parse(first.Lines);
        if (parsed.Succeeded && parsed.Value!.AllCheckDigitsValid)
        {
            return new MrzBandReading(first.Lines, parsed, top);
        }

        using var binary = OcrBinarizer.MakeOcrCopy(band);
        var second = zones.Read(binary, cancellationToken);
        var reparsed = MrzParser.Parse(second.Lines);
        var better = reparsed.Succeeded && (!parsed.Succeeded || (reparsed.Value!.AllCheckDigitsValid && !parsed.Value!.AllCheckDigitsValid));
        return better ? new MrzBandReading(second.Lines, reparsed, top) : new MrzBandReading(first.Lines, parsed, top);
    }
}
