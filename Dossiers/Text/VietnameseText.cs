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
    /// Moves a tone mark written on the first vowel of an oa, oe or uy pair to the second ("hòa" → "hoà", "thủy" →
    /// "thuỷ", "óa" → "oá", "hòan" → "hoàn"): the old convention marks the first vowel of an open syllable, the new
    /// one (Bộ GD&amp;ĐT, Quyết định 1989/QĐ-BGDĐT, 2018) the second, so both spellings give the same key. Syllables where
    /// the conventions agree ("hoàng", "tuyết", "quý", "mùa") are unchanged. For comparison and look-up only, never
    /// for display. Input in any normalisation form; output NFC, case kept.
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

    /// <summary>
    /// The key two spellings of a name or address must share to be the same: NFC, tone placement normalised, upper
    /// case, words separated by single spaces (punctuation ignored). Diacritics still count: "Hòa" ≠ "Hoa".
    /// </summary>
    public static string ComparisonKey(string? text)
    {
        var upper = NormaliseTonePlacement(text).ToUpperInvariant();
        var key = new StringBuilder(upper.Length);
        foreach (var c in upper)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != ' ')
            {
                key.Append(' ');
            }
        }

        return key.ToString().TrimEnd();
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
        // Split into letters, each with its own quality marks (breve, circumflex, horn) and its tone, if any.
        var letters = new List<(char Base, string Marks, char? Tone)>();
        foreach (var c in syllable)
        {
            if (letters.Count > 0 && IsTone(c))
            {
                letters[^1] = letters[^1] with { Tone = letters[^1].Tone ?? c };
            }
            else if (letters.Count > 0 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                letters[^1] = letters[^1] with { Marks = letters[^1].Marks + c };
            }
            else
            {
                letters.Add((c, string.Empty, null));
            }
        }

        var first = letters.FindIndex(l => l.Tone is not null);
        if (first < 0 || first + 1 >= letters.Count)
        {
            return syllable;
        }

        var (vowel, next) = (letters[first], letters[first + 1]);
        var pair = string.Concat(char.ToLowerInvariant(vowel.Base), char.ToLowerInvariant(next.Base));
        if (vowel.Marks.Length > 0 || next.Marks.Length > 0 || next.Tone is not null || pair is not ("oa" or "oe" or "uy"))
        {
            return syllable;
        }

        letters[first] = vowel with { Tone = null };
        letters[first + 1] = next with { Tone = vowel.Tone };
        var rebuilt = new StringBuilder(syllable.Length);
        foreach (var (letter, marks, tone) in letters)
        {
            rebuilt.Append(letter).Append(marks);
            if (tone is { } t)
            {
                rebuilt.Append(t);
            }
        }

        return rebuilt.ToString();
    }
}
