using Intake.Pages;
using Intake.Dossiers;
using Intake.Dossiers.Mrz;
using Intake.Imaging;
using Intake.Imaging.Cleanup;
using Intake.Ocr.Zones;

namespace Intake.Pipeline.Cards;

/// <summary>
/// Reads the machine-readable zone at the bottom of an upright card back or passport page: the bottom band is read
/// with Tesseract restricted to the MRZ alphabet (one block of lines), first as it is, then binarised when the first
/// reading does not parse. The lines are returned even when they do not parse, so a wrong-length MRZ is reported.
/// </summary>
public sealed class MrzBandReader(ZoneReader zones)
{
    /// <summary>The MRZ of a TD1 card fills its bottom third; a passport's, its bottom quarter. This band holds both.</summary>
    public const double BandFraction = 0.42;

    /// <summary>
    /// OCR sometimes inserts one character into a line (a ghost digit between two others). A line one longer than an
    /// MRZ length is tried with each character left out; only a version whose every check digit (composite included)
    /// holds is accepted, so the check digits, not a guess, decide.
    /// </summary>
    private static (IReadOnlyList<string> Lines, Extraction<MrzReading> Parsed)? WithOneCharacterLess(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Replace(" ", string.Empty, StringComparison.Ordinal);
            if (line.Length is not (31 or 37 or 45))
            {
                continue;
            }

            for (var drop = 0; drop < line.Length; drop++)
            {
                var candidate = lines.ToArray();
                candidate[i] = line.Remove(drop, 1);
                var parsed = MrzParser.Parse(candidate);
                if (parsed.Succeeded && parsed.Value!.AllCheckDigitsValid)
                {
                    return (candidate, parsed);
                }
            }
        }

        return null;
    }

    public MrzBandReading Read(Image upright, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upright);
        var top = (int)(upright.Height * (1 - BandFraction));
        using var band = upright.Crop(new PixelRect(0, top, upright.Width, upright.Height - top));
        using var grey = band.ToGray();
        var first = zones.Read(grey, cancellationToken).Lines;
        var parsed = MrzParser.Parse(first);
        if (parsed.Succeeded && parsed.Value!.AllCheckDigitsValid)
        {
            return new MrzBandReading(first, parsed, top);
        }

        if (WithOneCharacterLess(first) is { } repaired)
        {
            return new MrzBandReading(repaired.Lines, repaired.Parsed, top);
        }

        using var binary = OcrBinarizer.MakeOcrCopy(band);
        var second = zones.Read(binary, cancellationToken).Lines;
        var reparsed = MrzParser.Parse(second);
        if (!reparsed.Succeeded && WithOneCharacterLess(second) is { } repairedSecond)
        {
            return new MrzBandReading(repairedSecond.Lines, repairedSecond.Parsed, top);
        }

        var better = reparsed.Succeeded && (!parsed.Succeeded || (reparsed.Value!.AllCheckDigitsValid && !parsed.Value!.AllCheckDigitsValid));
        return better ? new MrzBandReading(second, reparsed, top) : new MrzBandReading(first, parsed, top);
    }
}
