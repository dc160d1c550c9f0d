using Intake.Dossiers.Text;

namespace Intake.Dossiers.Printed;

/// <summary>
/// A printed label and the applicant field whose value follows it. Generation says which card layout the label
/// belongs to (null: shared or not a card). One-word labels only count at the start of a line, where they cannot
/// be a word of someone's address. A <see cref="Boundary"/> label gives no field: it only marks where the value
/// before it ends (a CT07's "Nơi tạm trú" under its "Nơi thường trú" address).
/// </summary>
internal sealed record FieldLabel(string Field, string Phrase, CardGeneration Generation = CardGeneration.Unknown)
{
    public const string Boundary = "";

    public bool IsBoundary => Field.Length == 0;

    public IReadOnlyList<string> Keys { get; } = FoldedTokens.Keys(Phrase);

    public bool StartOfLineOnly => Keys.Count == 1;
}
