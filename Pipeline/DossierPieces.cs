using Intake.Dossiers.Assembly;
using Intake.Dossiers.Package;
using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>
/// Hands a page read by the pipeline to the domain: each piece as the <see cref="RecognisedPiece"/> the assembler
/// interprets (its region in the scanned page's pixels, its text, the QR payload and MRZ lines read on a card) and
/// the <see cref="PieceLayer"/> that places its searchable text over the scan in the archived PDFs.
/// </summary>
public static class DossierPieces
{
    public static IReadOnlyList<(RecognisedPiece Piece, PieceLayer Layer)> From(int pageIndex, PageReading page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (offsetX, offsetY) = page.Cleanup?.Crop is { } crop ? (crop.X, crop.Y) : (0, 0);
        var pieces = new List<(RecognisedPiece, PieceLayer)>();
        foreach (var reading in page.Pieces)
        {
            var text = reading.Text;
            var pdf = text.SearchablePdf ?? [];
            var card = reading.Cleanup?.Card;
            if (reading.Cleanup?.Document is not { } document)
            {
                pieces.Add((new RecognisedPiece(pageIndex, null, IsCard: false, text) { ReadingProblem = reading.ReadingProblem },
                    new PieceLayer(-1, pageIndex, WholePage: true, pdf, text.Width / 2.0, text.Height / 2.0, text.Width, text.Height, 0)));
                continue;
            }

            var region = document.Region;
            var bounds = document.Bounds with { X = document.Bounds.X + offsetX, Y = document.Bounds.Y + offsetY };
            var turn = card?.Turn ?? 0;
            var wholePage = page.Cleanup!.Crop is null && turn == 0 && region.Degrees == 0
                && document.Bounds.X == 0 && document.Bounds.Y == 0 && document.Bounds.Width == page.Cleanup.Width && document.Bounds.Height == page.Cleanup.Height;
            pieces.Add((new RecognisedPiece(pageIndex, bounds, IsCard: card is not null, text, card?.QrPayload, card?.MrzLines, reading.SecondLooks),
                new PieceLayer(-1, pageIndex, wholePage, pdf, region.CenterX + offsetX, region.CenterY + offsetY, region.Width, region.Height, region.Degrees + turn)));
        }

        return pieces;
    }
}
