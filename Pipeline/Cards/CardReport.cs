namespace Intake.Pipeline.Cards;

/// <summary>
/// How a card was set upright (<see cref="Turn"/>: 0 or 180 degrees clockwise, and which witness decided) and the codes
/// read on it: the QR payload (null: none decoded) and the MRZ band's lines (null: nothing MRZ-like read).
/// </summary>
public sealed record CardReport(int Turn, string How, string? QrPayload, IReadOnlyList<string>? MrzLines);
