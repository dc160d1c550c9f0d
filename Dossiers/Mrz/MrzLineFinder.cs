using System.Globalization;
using System.Text;

namespace Intake.Dossiers.Mrz;

/// <summary>
/// Picks the MRZ out of OCR text lines. OCR inserts spaces, lowercases letters and reads '&lt;' as '«' or '+', so lines
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
    /// OCR merges a long run of '&lt;' fillers and reads a few fewer (or more) than printed, often with a K or X among
    /// them. When other lines have an MRZ length, a longer line that is all fillers from that length on is cut there, a
    /// shorter one that ends in fillers (a name line: "LY&lt;&lt;HONG&lt;HA&lt;&lt;&lt;&lt;&lt;&lt;" read 20 long) is padded at its end, and a line
    /// up to four off whose longest filler run can absorb the difference gets that run padded or shortened, never below
    /// two (a "&lt;&lt;" may be structure). Fillers carry no data and count 0 in every check digit (ICAO 9303
    /// Part 3), so nothing can be invented this way, and a wrong guess moves data off its place, which the check
    /// digits then report.
    /// </summary>
    private static string[] RestoreFillers(string[] lines)
    {
        var target = lines.Select(l => l.Length).Where(n => n is 30 or 36 or 44).GroupBy(n => n).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        return lines.Select(FillerLookAlikes).Select(line => target == 0 ? line : FitLongestFillerRun(line, target)).ToArray();
    }

    private static string FitLongestFillerRun(string line, int target)
    {
        var gap = target - line.Length;
        if (gap < 0 && line.AsSpan(target - 1).IndexOfAnyExcept('<') < 0)
        {
            return line[..target]; // a line that is all fillers from the MRZ length on: the rest is the lid's edge read as '<'
        }

        if (gap > 0 && line.EndsWith("<<", StringComparison.Ordinal))
        {
            return line.PadRight(target, '<'); // a name line's trailing run, however much of it was merged
        }

        if (gap == 0 || Math.Abs(gap) > 4)
        {
            return line;
        }

        var (start, length) = (0, 0);
        for (var i = 0; i < line.Length; i++)
        {
            var run = 0;
            while (i + run < line.Length && line[i + run] == '<')
            {
                run++;
            }

            if (run > 0 && run >= length)
            {
                (start, length) = (i, run);
            }

            i += run;
        }

        if (gap > 0 && length >= 2)
        {
            return line.Insert(start, new string('<', gap));
        }

        return gap < 0 && length + gap >= 2 ? line.Remove(start, -gap) : line;
    }

    /// <summary>
    /// OCR reads some chevrons of a filler run as K or X ("MARIA&lt;&lt;&lt;K&lt;K&lt;X&lt;&lt;", "VNM&lt;&lt;&lt;K&lt;K&lt;&lt;&lt;&lt;6", "NGOC&lt;&lt;&lt;&lt;&lt;KX").
    /// A K/X run that follows a filler and is followed by a filler or the line's end, with two fillers on one side or
    /// the line's end after it, is a filler: no name part or number stands between fillers that way. Letters that
    /// touch a word ("ERIK&lt;&lt;") are left to the layout, which knows whose name it is.
    /// </summary>
    public static string FillerLookAlikes(string line)
    {
        var chars = line.ToCharArray();
        for (var i = 1; i < chars.Length; i++)
        {
            if (chars[i] is not ('K' or 'X') || chars[i - 1] != '<')
            {
                continue;
            }

            var end = i;
            while (end < chars.Length && chars[end] is 'K' or 'X')
            {
                end++;
            }

            var atLineEnd = end == chars.Length;
            var twoBefore = i >= 2 && chars[i - 2] == '<';
            var twoAfter = end + 1 < chars.Length && chars[end] == '<' && chars[end + 1] == '<';
            if (atLineEnd || (chars[end] == '<' && (twoBefore || twoAfter)))
            {
                Array.Fill(chars, '<', i, end - i);
            }

            i = end;
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
                // the Vietnamese model reads a chevron as '+' too ("VNM<<<<<<<<<+<8" from a whole-page reading)
                '«' or '‹' or '〈' or '＜' or '‘' or '+' => '<',
                _ => char.ToUpperInvariant(c),
            });
        }

        // A Vietnamese card's line 1 is "IDVNM…": read from a band whose left edge swallowed the I, it comes back one
        // short and starting "DVNM". The I is what every CCCD's document code starts with; the check digits of the
        // card number and the ID still have to hold.
        if (cleaned.Length == Td1LineLength - 1 && cleaned.ToString().StartsWith("DVNM", StringComparison.Ordinal))
        {
            cleaned.Insert(0, 'I');
        }

        return cleaned.ToString();
    }

    private const int Td1LineLength = 30;

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
