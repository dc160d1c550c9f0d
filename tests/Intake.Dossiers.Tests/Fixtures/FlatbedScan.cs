namespace Intake.Dossiers.Tests.Fixtures;

/// <summary>A generated flatbed scan (JPEG, 300 dpi A4) of one citizen's card faces, with how it was made, for the report.</summary>
public sealed record FlatbedScan(int Seed, SyntheticCitizen Citizen, IReadOnlyList<CardPlacement> Cards, int Noise, int JpegQuality, byte[] Jpeg)
{
    public bool ShowsFront => Cards.Any(c => c.Side is CardSide.Front2021 or CardSide.Front2024);

    public bool ShowsBack => Cards.Any(c => c.Side is CardSide.Back2021 or CardSide.Back2024);

    public string Describe() =>
        $"seed {Seed}: {string.Join(" + ", Cards.Select(c => $"{c.Side}@{c.Degrees:0.#}°"))}, noise {Noise}, JPEG q{JpegQuality}";
}
