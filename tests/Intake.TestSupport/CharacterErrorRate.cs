using System.Text;

namespace Intake.TestSupport;

/// <summary>
/// Character error rate: edit distance between recognised and true text over the true text's length,
/// after folding white space (line breaks and runs of spaces are layout, not content) and Unicode NFC.
/// </summary>
public static class CharacterErrorRate
{
    public static double Of(string recognised, string truth)
    {
        var a = Fold(recognised);
        var b = Fold(truth);
        if (b.Length == 0) return a.Length == 0 ? 0 : 1;
        return (double)Levenshtein(a, b) / b.Length;
    }

    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
