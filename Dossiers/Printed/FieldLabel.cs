using Intake.Dossiers.Text;

namespace Intake.Dossiers.Printed;

/// <summary>
/// A printed label and the applicant field whose value follows it. Generation says which card layout the label
/// belongs to (null: shared or not a card). One-word labels only count at the start of a line, where they cannot
/// be a word of someone's address.
/// </summary>
internal sealed record FieldLabel(string Field, string Phrase, CardGeneration Generation = CardGeneration.Unknown)
{
    public IReadOnlyList<string> Keys { get; } = FoldedTokens.Keys(Phrase);

    public bool StartOfLineOnly => Keys.Count == 1;
}
