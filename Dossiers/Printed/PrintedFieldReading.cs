using Intake.Pages;

namespace Intake.Dossiers.Printed;

/// <summary>
/// The fields read from one page's printed text, the card generation its labels point to, and what went wrong.
/// <see cref="Unread"/>: where a labelled value lies whose text could not be made into its field (an ID number with a
/// letter in it), in the page's pixels, so it can be read again.
/// </summary>
public sealed record PrintedFieldReading(
    CardGeneration Generation,
    IReadOnlyDictionary<string, Field> Fields,
    IReadOnlyList<Check> Checks)
{
    public IReadOnlyDictionary<string, PixelRect> Unread { get; init; } = new Dictionary<string, PixelRect>();

    /// <summary>
    /// Where the value of a label standing alone on its line should lie when the reading saw nothing under it (the bold
    /// number under a 2024 card's label, dropped whole by the engine's layout analysis): the zone itself, in the
    /// page's pixels, from the label's foot to the next line read below.
    /// </summary>
    public IReadOnlyDictionary<string, PixelRect> Missing { get; init; } = new Dictionary<string, PixelRect>();
}
