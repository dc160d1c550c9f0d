using Intake.Imaging.Cleanup;
using Intake.Ocr.Orientation;
using Intake.Pipeline.Cards;

namespace Intake.Pipeline.Reports;

/// <summary>
/// What cleanup did to one readable piece of a page: the whole page, or one card found on it
/// (<see cref="Document"/> set, in the cropped page's pixels). A page's stages in order: skew, orientation, residual
/// skew (only after a quarter turn), OCR copy; a card's: how it was set upright and the codes read on it
/// (<see cref="Card"/>), OCR copy. Word boxes refer to the clean piece's pixels.
/// </summary>
public sealed record PieceReport(
    FoundDocument? Document,
    BlankPageVerdict Blank,
    SkewReport? Skew,
    PageOrientation? Orientation,
    SkewReport? ResidualSkew,
    bool ReadBinarised,
    IReadOnlyList<StageTiming> Stages)
{
    /// <summary>Set for a page (not a card): how its reading copy was made.</summary>
    public ReadingCopyReport? Reading { get; init; }

    /// <summary>Set for a card: its turn and its QR and MRZ readings.</summary>
    public CardReport? Card { get; init; }

    /// <summary>How the piece was set upright, in a few words for logs and test output ("180° by mrz").</summary>
    public string Upright => Card is { } card
        ? $"{card.Turn}° by {card.How}"
        : $"{Orientation?.Degrees ?? 0}° by {Orientation?.Method.ToString() ?? "none"}, skew {Skew?.Degrees ?? 0:0.##}°";
}
