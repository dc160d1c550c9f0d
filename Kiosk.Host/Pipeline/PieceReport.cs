using Intake.Imaging.Cleanup;
using Intake.Ocr.Orientation;

namespace Intake.Kiosk.Host.Pipeline;

/// <summary>
/// What cleanup did to one readable piece of a page: the whole page, or one document found on the
/// glass (<see cref="Document"/> set). Stages applied in this order: skew, orientation, residual skew
/// (only after a quarter turn), OCR copy. Word boxes refer to the clean piece's pixels.
/// </summary>
internal sealed record PieceReport(
    FoundDocument? Document,
    BlankPageVerdict Blank,
    SkewReport? Skew,
    PageOrientation? Orientation,
    SkewReport? ResidualSkew,
    bool ReadBinarised,
    IReadOnlyList<StageTiming> Stages);
