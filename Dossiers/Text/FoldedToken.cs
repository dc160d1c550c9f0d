namespace Intake.Dossiers.Text;

/// <summary>A word of a text as a folded lower-case key, with where it sits in the original (NFC) string.</summary>
public sealed record FoldedToken(string Key, int Start, int Length)
{
    public int End => Start + Length;
}
