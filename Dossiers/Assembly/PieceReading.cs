namespace Intake.Dossiers.Assembly;

/// <summary>What one piece turned out to be and every field each source offered for it, before any merging.</summary>
internal sealed record PieceReading(int PieceIndex, Classification.Classification Classification, IReadOnlyList<Document> Sources, IReadOnlyList<Check> Checks);
