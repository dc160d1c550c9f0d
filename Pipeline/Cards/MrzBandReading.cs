using Intake.Dossiers;
using Intake.Dossiers.Mrz;

namespace Intake.Pipeline.Cards;

/// <summary>The lines read from an MRZ band (top row <see cref="BandTop"/> in the image) and what the parser made of them.</summary>
public sealed record MrzBandReading(IReadOnlyList<string> Lines, Extraction<MrzReading> Parsed, int BandTop)
{
    public bool Found => Parsed.Succeeded;
}
