using System.Globalization;
using System.Text;

namespace Intake.Dossiers.Mrz;

/// <summary>
/// Picks the MRZ out of OCR text lines. OCR inserts spaces, lowercases letters and reads '&lt;' as '«', so lines
/// are cleaned first; the MRZ is the bottom-most run of 3×30, 2×36 or 2×44 cleaned lines.
/// </summary>
internal static class MrzLineFinder
{
    public static (MrzFormat Format, IReadOnlyList<string> Lines)? Find(IEnumerable<string?> rawLines, out IReadOnlyList<string> candidates)
    {
        candidates = RestoreFillers(rawLines.Select(Clean).Where(LooksLikeMrz).ToArray());
        for (var end = candidates.Count - 1; end >= 0; end--)
        {
            if (Run(candidates, end, 3, 30) is { } td1)
            {
                return (MrzFormat.Td1, td1);
            }

            if (Run(candidates, end, 2, 44) is { } td3)
            {
                return (MrzFormat.Td3, td3);
            }

            if (Run(candidates, end, 2, 36) is { } td2)
            {
                return (MrzFormat.Td2, td2);
            }
        }

        return null;
    }

    /// <summary>
    /// OCR merges a long run of '&lt;' fillers and reads a few fewer (or more) than printed. When other lines have an MRZ
    /// length, a line up to four short whose end is a filler run is padded, and a longer one that is all fillers from
    /// that length on is trimmed:
    /// trailing fillers carry no data and no check digit covers them, so nothing can be invented this way.
    /// </summary>
    private static string[] RestoreFillers(string[] lines)
    {
        var target = lines.Select(l => l.Length).Where(n => n is 30 or 36 or 44).GroupBy(n => n).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (target == 0)
        {
            return lines;
        }

        return lines.Select(FillerLookAlikes).Select(line =>
        {
            var gap = target - line.Length;
            if (gap is > 0 and <= 4 && line.EndsWith("<<", StringComparison.Ordinal))
            {
                return line.PadRight(target, '<');
            }

            if (gap < 0 && line.Length > target + 1 && line.AsSpan(target - 1).IndexOfAnyExcept('<') < 0)
            {
                return line[..target];
            }

            return line;
        }).ToArray();
    }

    /// <summary>
    /// OCR reads some of a long filler run's chevrons as K or X ("MARIA&lt;&lt;&lt;K&lt;K&lt;X&lt;&lt;"). In the run of fillers that ends a
    /// line, a K or X between fillers is a filler: no name or number continues after the filler run starts.
    /// </summary>
    private static string FillerLookAlikes(string line)
    {
        var chars = line.ToCharArray();
        var start = chars.Length;
        var fillers = 0;
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] == '<')
            {
                fillers++;
            }
            else if (chars[i] is not ('K' or 'X') || i == 0 || chars[i - 1] != '<' || fillers < 2)
            {
                break;
            }

            start = i;
        }

        for (var i = start; i < chars.Length; i++)
        {
            chars[i] = chars[i] is 'K' or 'X' ? '<' : chars[i];
        }

        return new string(chars);
    }

    public static string Clean(string? raw)
    {
        var cleaned = new StringBuilder();
        foreach (var c in (raw ?? string.Empty).Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            cleaned.Append(c switch
            {
                '«' or '‹' or '〈' or '＜' or '‘' => '<',
                _ => char.ToUpperInvariant(c),
            });
        }

        return cleaned.ToString();
    }

    private static bool LooksLikeMrz(string line)
    {
        if (line.Length < 20 || !line.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '<'))
        {
            return false;
        }

        // ordinary capitals ("CONGHOAXAHOICHUNGHIA…") have no filler and few digits
        return line.Contains('<', StringComparison.Ordinal) || line.Count(char.IsAsciiDigit) >= 8;
    }

    private static string[]? Run(IReadOnlyList<string> lines, int end, int count, int length)
    {
        var start = end - count + 1;
        if (start < 0)
        {
            return null;
        }

        for (var i = start; i <= end; i++)
        {
            if (lines[i].Length != length)
            {
                return null;
            }
        }

        return lines.Skip(start).Take(count).ToArray();
    }

    public static string DescribeLengths(IReadOnlyList<string> candidates) =>
        string.Join(", ", candidates.Select(c => c.Length.ToString(CultureInfo.InvariantCulture)));
}
