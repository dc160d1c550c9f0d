namespace Intake.Dossiers.Reading;

/// <summary>Everything read from one scanned page: a whole page, or each card found lying on the glass.</summary>
public sealed record PageRead(int PageIndex, int Width, int Height, double Dpi, IReadOnlyList<ReadPiece> Pieces);
