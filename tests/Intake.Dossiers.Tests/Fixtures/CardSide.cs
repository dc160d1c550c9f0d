namespace Intake.Dossiers.Tests.Fixtures;

/// <summary>Which face of which citizen-ID card generation a fixture shows.</summary>
public enum CardSide
{
    Front2021,
    Back2021,
    Front2024,
    Back2024,
}
