using System.Globalization;
using System.Text;

namespace Intake.Dossiers.Text;

/// <summary>
/// Comparing two readings of the same Vietnamese words by their marks (tone, breve, circumflex, horn). OCR loses a
/// small mark above a capital far more often than it makes one up from nothing: a reading that is the other letter for
/// letter, with every mark the other has and more, restores what the other lost.
/// </summary>
public static class ToneMarks
{
    /// <summary>
    /// True when <paramref name="richer"/> has the same letters as <paramref name="poorer"/> (case-insensitive, NFC),
    /// keeps every mark <paramref name="poorer"/> has on each letter, and adds at least one; false otherwise, including
    /// when a letter or a mark differs (TRẦN against TRẤN: neither is known to be the better).
    /// </summary>
    public static bool OnlyAdds(string poorer, string richer)
    {
        ArgumentNullException.ThrowIfNull(poorer);
        ArgumentNullException.ThrowIfNull(richer);
        var a = poorer.Normalize(NormalizationForm.FormC).ToUpperInvariant();
        var b = richer.Normalize(NormalizationForm.FormC).ToUpperInvariant();
        if (a.Length != b.Length)
        {
            return false;
        }

        var added = false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            var (baseA, marksA) = Split(a[i]);
            var (baseB, marksB) = Split(b[i]);
            if (baseA != baseB || !marksA.All(marksB.Contains) || marksB.Length <= marksA.Length)
            {
                return false;
            }

            added = true;
        }

        return added;
    }

    /// <summary>A precomposed letter's base letter and its combining marks (NFD).</summary>
    private static (char Base, string Marks) Split(char letter)
    {
        var decomposed = letter.ToString().Normalize(NormalizationForm.FormD);
        var marks = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
        return (decomposed[0], string.Concat(marks));
    }
}
