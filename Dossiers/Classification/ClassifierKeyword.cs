using Intake.Dossiers.Text;

namespace Intake.Dossiers.Classification;

/// <summary>A phrase that votes for a document type with some weight; titles weigh more than labels shared between documents.</summary>
internal sealed record ClassifierKeyword(string Type, string Phrase, double Weight)
{
    public IReadOnlyList<string> Keys { get; } = FoldedTokens.Keys(Phrase);
}
