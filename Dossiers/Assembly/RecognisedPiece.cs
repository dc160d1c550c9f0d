using Intake.Pages;

namespace Intake.Dossiers.Assembly;

/// <summary>
/// One document candidate as the reading stages left it: a whole scanned page or a card cut out of one (Region, in
/// the scanned page's pixels), its recognised text, the QR payload decoded on it (null: none found) and the lines read
/// from its MRZ band (null: not looked for or nothing read), and the answers to the second looks the domain asked for
/// (<see cref="Printed.SecondLook"/>). Reading is done; only meaning is left.
/// </summary>
public sealed record RecognisedPiece(
    int PageIndex,
    PixelRect? Region,
    bool IsCard,
    PageText Text,
    string? QrPayload = null,
    IReadOnlyList<string>? MrzLines = null,
    IReadOnlyList<Printed.ZoneAnswer>? SecondLooks = null)
{
    /// <summary>Why the reading stages think the piece may be misread (Vietnamese / English), or null; it becomes a failed check.</summary>
    public string? ReadingProblem { get; init; }
}
