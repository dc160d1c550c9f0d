using Intake.Dossiers;
using Intake.Dossiers.Mrz;

namespace Intake.Pipeline.Cards;

/// <summary>
/// The lines read from an MRZ band (top row <see cref="BandTop"/> in the image), what the parser made of them, and
/// which look read them (<see cref="How"/>: "as scanned", "binarised" or "scaled 0.75").
/// </summary>
public sealed record MrzBandReading(IReadOnlyList<string> Lines, Extraction<MrzReading> Parsed, int BandTop, string How = "as scanned")
{
    public bool Found => Parsed.Succeeded;
}
