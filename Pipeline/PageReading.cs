using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>
/// One page through the pipeline: its pieces in order (one, or one per document found on the glass),
/// the page-level cleanup report (null with cleanup off), and the driver's own timings: decode, the
/// whole cleanup, time queued for an engine, recognition, and encoding the clean image.
/// </summary>
public sealed record PageReading(IReadOnlyList<PieceReading> Pieces, PageCleanupReport? Cleanup, IReadOnlyList<StageTiming> Stages)
{
    /// <summary>The text is the page's own text layer (<see cref="PageWork.TextLayer"/>): not cleaned, not OCR'd.</summary>
    public bool FromTextLayer { get; init; }

    /// <summary>The page's text; documents found on the glass are separated by a blank line.</summary>
    public string Text => Pieces.Count == 1 ? Pieces[0].Text.Text : string.Join("\n", Pieces.Select(p => p.Text.Text.TrimEnd('\n') + "\n"));
}
