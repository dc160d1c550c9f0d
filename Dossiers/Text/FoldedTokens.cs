using System.Text;

namespace Intake.Dossiers.Text;

/// <summary>
/// Splits NFC text into folded lower-case words while remembering each word's span in the original,
/// so a label can be matched without diacritics and the value still cut from the text as printed.
/// </summary>
public static class FoldedTokens
{
    public static IReadOnlyList<FoldedToken> Of(string nfcText)
    {
        var tokens = new List<FoldedToken>();
        var key = new StringBuilder();
        var start = -1;
        for (var i = 0; i < nfcText.Length; i++)
        {
            var folded = VietnameseText.FoldChar(nfcText[i]);
            if (folded == '\0' && start >= 0)
            {
                continue; // a stray combining mark inside a word belongs to it
            }

            if (char.IsLetterOrDigit(folded))
            {
                if (start < 0)
                {
                    start = i;
                }

                key.Append(char.ToLowerInvariant(folded));
            }
            else if (start >= 0)
            {
                tokens.Add(new FoldedToken(key.ToString(), start, i - start));
                key.Clear();
                start = -1;
            }
        }

        if (start >= 0)
        {
            tokens.Add(new FoldedToken(key.ToString(), start, nfcText.Length - start));
        }

        return tokens;
    }

    /// <summary>The folded keys of a phrase, e.g. "Họ và tên" → ["ho", "va", "ten"].</summary>
    public static IReadOnlyList<string> Keys(string phrase) =>
        Of(VietnameseText.Nfc(phrase)).Select(t => t.Key).ToArray();
}
