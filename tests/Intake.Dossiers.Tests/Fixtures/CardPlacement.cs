namespace Intake.Dossiers.Tests.Fixtures;

/// <summary>A card face lying on the glass: its centre on the A4 page in millimetres and how far it is turned counter-clockwise.</summary>
public sealed record CardPlacement(CardSide Side, double CentreXMm, double CentreYMm, double Degrees);
