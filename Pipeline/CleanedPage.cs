using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>A page after cleanup: one piece, or one per document found on the glass.</summary>
public sealed class CleanedPage(IReadOnlyList<CleanPiece> pieces, PageCleanupReport report) : IDisposable
{
    public IReadOnlyList<CleanPiece> Pieces { get; } = pieces;

    public PageCleanupReport Report { get; } = report;

    public void Dispose()
    {
        foreach (var piece in Pieces) piece.Dispose();
    }
}
