namespace Intake.Ocr.Orientation;

/// <summary>One turn tried when OSD was unsure: how legible the page read after it (letter-weighted mean word confidence 0..1) and from how many words.</summary>
public sealed record OrientationCandidate(int Degrees, double Legibility, int Words);
