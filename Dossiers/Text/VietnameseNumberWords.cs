using System.Globalization;

namespace Intake.Dossiers.Text;

/// <summary>
/// Reads numbers written in Vietnamese words, folded and lower case ("mot nghin chin tram chin muoi" → 1990),
/// as birth certificates print the date of birth a second time in words.
/// </summary>
public static class VietnameseNumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["khong"] = 0, ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4, ["tu"] = 4,
        ["nam"] = 5, ["lam"] = 5, ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9,
        // month names that are not numbers: tháng giêng (January), tháng chạp (December)
        ["gieng"] = 1, ["chap"] = 12,
    };

    /// <summary>
    /// Reads a number from the start of <paramref name="words"/>, stopping at the first word that is not part of one.
    /// Returns null when no word was read; <paramref name="consumed"/> says how many were.
    /// </summary>
    public static int? Read(IReadOnlyList<string> words, out int consumed)
    {
        consumed = 0;
        if (words.Count > 0 && words[0].All(char.IsAsciiDigit) && words[0].Length <= 4)
        {
            consumed = 1;
            return int.Parse(words[0], CultureInfo.InvariantCulture);
        }

        var total = 0;
        var group = 0;
        int? pending = null;
        var read = false;
        foreach (var word in words)
        {
            switch (word)
            {
                case "mong" or "mung" or "linh" or "le":
                    break; // "mồng năm" (the 5th), "hai nghìn linh năm": fillers with no value
                case "muoi":
                    group += (pending ?? 1) * 10;
                    pending = null;
                    break;
                case "tram":
                    group += (pending ?? 1) * 100;
                    pending = null;
                    break;
                case "nghin" or "ngan":
                    total += Math.Max(1, group + (pending ?? 0)) * 1000;
                    group = 0;
                    pending = null;
                    break;
                default:
                    if (!Units.TryGetValue(word, out var unit) || pending is not null)
                    {
                        return read ? total + group + (pending ?? 0) : null;
                    }

                    pending = unit;
                    break;
            }

            read = true;
            consumed++;
        }

        return read ? total + group + (pending ?? 0) : null;
    }
}
