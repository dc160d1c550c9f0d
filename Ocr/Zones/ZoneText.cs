namespace Intake.Ocr.Zones;

/// <summary>The lines read from a zone, top to bottom, and Tesseract's mean confidence over them (0..1).</summary>
public sealed record ZoneText(IReadOnlyList<string> Lines, double MeanConfidence);
