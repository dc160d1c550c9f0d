using Intake.Dossiers.Assembly;
using Intake.Dossiers.Package;

namespace Intake.Dossiers.Reading;

/// <summary>One piece of a scanned page, read: what the assembler needs, and its searchable layer for the PDFs.</summary>
public sealed record ReadPiece(RecognisedPiece Piece, PieceLayer Layer, string Orientation);
