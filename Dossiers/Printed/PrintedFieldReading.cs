namespace Intake.Dossiers.Printed;

/// <summary>The fields read from one page's printed text, the card generation its labels point to, and what went wrong.</summary>
public sealed record PrintedFieldReading(
    CardGeneration Generation,
    IReadOnlyDictionary<string, Field> Fields,
    IReadOnlyList<Check> Checks);
