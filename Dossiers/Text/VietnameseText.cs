using System.Globalization;
using System.Text;

namespace Intake.Dossiers.Text;

/// <summary>
/// Unicode handling for Vietnamese: everything is stored NFC; folding strips diacritics (and maps Đ to D, which has
/// no decomposition) for MRZ comparison and search keys; tone placement is normalised only for look-ups, never for display.
/// </summary>
public static class VietnameseText
{
    private const char Grave = '\u0300';
    private const char Acute = '\u0301';
    private const char Tilde = '\u0303';
    private const char HookAbove = '\u0309';
    private const char DotBelow = '\u0323';

    public static string Nfc(string? text) => (text ?? string.Empty).Normalize(NormalizationForm.FormC);

    /// <summary>Removes every diacritic, tone and quality mark alike, and maps Đ/đ to D/d. Case is kept.</summary>
    public static string Fold(string? text)
    {
        var decomposed = (text ?? string.Empty).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(FoldLetter(c));
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The folded form of one precomposed character ('ặ' → 'a', 'Đ' → 'D'); combining marks fold to '\0'.</summary>
    public static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        {
            return '\0';
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return FoldLetter(decomposed[0]);
    }

    /// <summary>A key for searching and comparing: folded, upper case, runs of spaces and punctuation reduced to one space.</summary>
    public static string SearchKey(string? text)
    {
        var folded = Fold(text);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToUpperInvariant(c));
            }
            else if (key.Length > 0 && key[^1] != ' ')
            {
                key.Append(' ');
            }
        }

        return key.ToString().TrimEnd();
    }

    /// <summary>
    /// Puts the tone mark of syllables ending in oa, oe, uy on the last vowel ("hòa" → "hoà", "thủy" → "thuỷ"),
    /// the one placement on which the old and new spelling conventions differ, so both spellings give the same key.
    /// </summary>
    public static string NormaliseTonePlacement(string? text)
    {
        var decomposed = (text ?? string.Empty).Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var start = 0;
        while (start < decomposed.Length)
        {
            var end = start;
            while (end < decomposed.Length && IsWordChar(decomposed[end]))
            {
                end++;
            }

            if (end > start)
            {
                result.Append(NormaliseSyllable(decomposed[start..end]));
                start = end;
            }
            else
            {
                result.Append(decomposed[start]);
                start++;
            }
        }

        return result.ToString().Normalize(NormalizationForm.FormC);
    }

    private static char FoldLetter(char c) => c switch
    {
        'Đ' => 'D',
        'đ' => 'd',
        // not Vietnamese, but what Tesseract's Vietnamese model reads for a bold "ố" ("Số / No." read "sø/No:" on
        // every 2021 card front of cccd-samples), so a label still matches
        'ø' => 'o',
        'Ø' => 'O',
        _ => c,
    };

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static bool IsTone(char c) => c is Grave or Acute or Tilde or HookAbove or DotBelow;

    private static string NormaliseSyllable(string syllable)
    {
        // Split into letters, each with its own non-tone marks; pull the tone out wherever it sits.
        var letters = new List<(char Base, string Marks)>();
        char? tone = null;
        foreach (var c in syllable)
        {
            if (IsTone(c))
            {
                tone ??= c;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && letters.Count > 0)
            {
                letters[^1] = (letters[^1].Base, letters[^1].Marks + c);
            }
            else
            {
                letters.Add((c, string.Empty));
            }
        }

        if (tone is null || letters.Count < 2)
        {
            return syllable;
        }

        var last = letters[^1];
        var previous = letters[^2];
        var ending = string.Concat(char.ToLowerInvariant(previous.Base), char.ToLowerInvariant(last.Base));
        var plain = last.Marks.Length == 0 && previous.Marks.Length == 0;
        if (!plain || ending is not ("oa" or "oe" or "uy"))
        {
            return syllable;
        }

        var rebuilt = new StringBuilder(syllable.Length);
        for (var i = 0; i < letters.Count; i++)
        {
            rebuilt.Append(letters[i].Base).Append(letters[i].Marks);
            if (i == letters.Count - 1)
            {
                rebuilt.Append(tone.Value);
            }
        }

        return rebuilt.ToString();
    }
}
