namespace Intake.Dossiers.Text;

/// <summary>
/// Word-by-word approximate matching of a folded phrase against folded text. Matching whole words with a
/// per-word edit budget tolerates OCR slips ("CAN CUOC" read "CAN CUÓC" or "CAM CUOC") without letting a short
/// keyword match inside unrelated words.
/// </summary>
public static class FuzzyPhrase
{
    /// <summary>The edits a word of this length may carry: none for 1-2 letters, one up to 5, two beyond. Numbers must match exactly.</summary>
    public static int Tolerance(string word) =>
        word.Any(char.IsDigit) ? 0 : word.Length <= 2 ? 0 : word.Length <= 5 ? 1 : 2;

    /// <summary>The total number of edits if the phrase matches the words starting at <paramref name="start"/>, else null.</summary>
    public static int? ErrorsAt(IReadOnlyList<FoldedToken> tokens, int start, IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0 || start < 0 || start + phrase.Count > tokens.Count)
        {
            return null;
        }

        var errors = 0;
        for (var i = 0; i < phrase.Count; i++)
        {
            var word = phrase[i];
            var key = tokens[start + i].Key;

            // "rn" printed small is read as "m" and vice versa: the commonest OCR slip in Latin text ("narne")
            var distance = Math.Min(EditDistance.Between(key, word), EditDistance.Between(key.Replace("rn", "m", StringComparison.Ordinal), word));
            if (distance > Tolerance(word))
            {
                return null;
            }

            errors += distance;
        }

        return errors;
    }

    /// <summary>The index of the first word where the phrase matches, or -1.</summary>
    public static int IndexIn(IReadOnlyList<FoldedToken> tokens, IReadOnlyList<string> phrase)
    {
        for (var start = 0; start + phrase.Count <= tokens.Count; start++)
        {
            if (ErrorsAt(tokens, start, phrase) is not null)
            {
                return start;
            }
        }

        return -1;
    }

    public static bool Occurs(IReadOnlyList<FoldedToken> tokens, IReadOnlyList<string> phrase) => IndexIn(tokens, phrase) >= 0;
}
