using System.Buffers;

namespace Intake.Dossiers.Mrz;

/// <summary>
/// The name zone of a Vietnamese TD1 card (line 3, ICAO 9303 Part 5; names as Part 3 writes them:
/// SURNAME&lt;&lt;GIVEN&lt;NAMES&lt;&lt;&lt;…). No check digit covers it, so fillers misread as K or X are found by
/// structure alone, using what Vietnamese spelling allows: a syllable (one name word) never ends in K or X, X is never
/// followed by a consonant, K only by I, E, Y or H, and a syllable has one group of vowels. Only a K/X that no
/// Vietnamese word can hold there is turned back into a filler; a name the structure shows to be damaged but that
/// cannot be repaired with certainty gets a failed check <c>mrz.name</c>, never a silent guess. "KIM", "XUAN",
/// "KHANH" keep their letters. Names of minority languages written with other clusters (KSOR, KPA) are left as read,
/// with a failed check asking an officer to compare them with the printed name.
/// </summary>
internal static class VietnameseNameZone
{
    private const int Line = 2;
    private const string Field = "name";

    public static void Clean(MrzRepairBench bench)
    {
        WordEndFillers(bench);
        RestoreSurnameSeparator(bench);
        FillersBeforeGivenNames(bench);
        FlagJoinedWords(bench);
        FlagImpossibleStarts(bench);
    }

    /// <summary>"TRUONG&lt;&lt;THI&lt;NGOCK&lt;&lt;&lt;", "NGUYENX&lt;VAN": a K/X run ending a word before a filler is the filler misread.</summary>
    private static void WordEndFillers(MrzRepairBench bench)
    {
        var zone = bench.Get(Line, 0, 30);
        for (var i = 1; i < zone.Length; i++)
        {
            if (!IsKx(zone[i]) || !char.IsAsciiLetterUpper(zone[i - 1]) || IsKx(zone[i - 1]))
            {
                continue;
            }

            var end = i;
            while (end < zone.Length && IsKx(zone[end]))
            {
                end++;
            }

            if (end < zone.Length && zone[end] == '<')
            {
                for (var k = i; k < end; k++)
                {
                    bench.RepairFiller(Line, k, Field);
                }
            }

            i = end;
        }
    }

    /// <summary>
    /// A name of two or more words must have one "&lt;&lt;" (surname, then given names). Without it, the second filler
    /// was misread: when exactly one K/X follows a single filler and stands where no Vietnamese word may start
    /// ("VO&lt;KVAN", "TRAN&lt;XNGOC"), it is that filler; otherwise the name is reported.
    /// </summary>
    private static void RestoreSurnameSeparator(MrzRepairBench bench)
    {
        var name = bench.Get(Line, 0, 30).TrimEnd('<');
        if (name.Contains("<<", StringComparison.Ordinal) || !name.Contains('<', StringComparison.Ordinal))
        {
            return;
        }

        var candidates = Enumerable.Range(2, Math.Max(0, name.Length - 3))
            .Where(i => IsKx(name[i]) && name[i - 1] == '<' && name[i - 2] != '<' && char.IsAsciiLetterUpper(name[i + 1]) && !MayStartWord(name[i], name[i + 1]))
            .ToArray();
        if (candidates is [var only])
        {
            bench.RepairFiller(Line, only, Field);
            return;
        }

        bench.AddCheck(Check.Fail(
            "mrz.name",
            "MRZ: tên thiếu dấu '<<' giữa họ và tên (có thể một dấu '<' bị đọc thành chữ)",
            "MRZ: the name lacks the '<<' between surname and given names (a filler may have been read as a letter)"));
    }

    /// <summary>
    /// Given names are joined by single fillers, so a "&lt;&lt;" after the surname's "&lt;&lt;" can only be fillers: a K/X right
    /// after it that no Vietnamese word can start with ("HONG&lt;&lt;KNGA", after "HONGK&lt;" was cleaned) is one more.
    /// </summary>
    private static void FillersBeforeGivenNames(MrzRepairBench bench)
    {
        var zone = bench.Get(Line, 0, 30);
        var separator = zone.IndexOf("<<", StringComparison.Ordinal);
        for (var i = separator + 4; separator >= 0 && i < zone.Length - 1; i++)
        {
            if (IsKx(zone[i]) && zone[i - 1] == '<' && zone[i - 2] == '<' && char.IsAsciiLetterUpper(zone[i + 1]) && !MayStartWord(zone[i], zone[i + 1]))
            {
                bench.RepairFiller(Line, i, Field);
            }
        }
    }

    /// <summary>A word that starts "KN…", "XT…" is no Vietnamese word: a filler was read as K/X, or the name is in another script's spelling. Reported.</summary>
    private static void FlagImpossibleStarts(MrzRepairBench bench)
    {
        foreach (var word in bench.Get(Line, 0, 30).Split('<', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 1 && IsKx(word[0]) && !MayStartWord(word[0], word[1]))
            {
                bench.AddCheck(Check.Fail(
                    "mrz.name",
                    $"MRZ: '{word}' không phải cách viết tiếng Việt (có thể dấu '<' đọc thành {word[0]})",
                    $"MRZ: '{word}' is not Vietnamese spelling (a filler may have been read as {word[0]})"));
            }
        }
    }

    /// <summary>"THIXHUU", "GIAKBAO": two syllables joined by a K/X where a single filler stood. Reported, not split.</summary>
    private static void FlagJoinedWords(MrzRepairBench bench)
    {
        foreach (var word in bench.Get(Line, 0, 30).Split('<', StringSplitOptions.RemoveEmptyEntries))
        {
            // the consonants between the first and the last vowel group, if the word has two groups
            var first = word.AsSpan().IndexOfAny(Vowels);
            var last = word.AsSpan().LastIndexOfAny(Vowels);
            var inner = first < 0 ? [] : word.AsSpan(first, last - first);
            if (inner.IndexOfAnyExcept(Vowels) is var gap && gap >= 0 && inner[gap..].IndexOfAny('K', 'X') >= 0)
            {
                bench.AddCheck(Check.Fail(
                    "mrz.name",
                    $"MRZ: '{word}' có thể là hai tên dính nhau (dấu '<' đọc thành K/X)",
                    $"MRZ: '{word}' may be two names joined by a filler read as K or X"));
            }
        }
    }

    private static readonly SearchValues<char> Vowels = SearchValues.Create("AEIOUY");

    private static bool IsKx(char c) => c is 'K' or 'X';

    /// <summary>Vietnamese spelling: X comes before a vowel only; K before I, E, Y, or as KH.</summary>
    private static bool MayStartWord(char kx, char next) =>
        kx == 'X' ? Vowels.Contains(next) : next is 'I' or 'E' or 'Y' or 'H';
}
