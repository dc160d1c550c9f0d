using System.Globalization;
using System.Text.RegularExpressions;

namespace Intake.Dossiers.Text;

/// <summary>
/// Finds a date in printed Vietnamese text: 15/01/1990, 5-1-1990, 1990-01-15, "ngày 15 tháng 01 năm 1990" and the
/// same in words. Diacritics are optional because OCR loses them. An impossible date (31/02/1990) is a failed check.
/// </summary>
public static partial class VietnameseDate
{
    private const string CheckName = "date";

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date)
    {
        var result = Parse(text);
        date = result.Value;
        return result.Succeeded;
    }

    public static Extraction<DateOnly> Parse(string? text)
    {
        var nfc = VietnameseText.Nfc(text).Trim();
        if (nfc.Length == 0)
        {
            return NotFound(nfc);
        }

        var iso = IsoPattern().Match(nfc);
        if (iso.Success)
        {
            return Build(nfc, Number(iso, "d"), Number(iso, "m"), Number(iso, "y"));
        }

        var numeric = NumericPattern().Match(nfc);
        if (numeric.Success)
        {
            return Build(nfc, Number(numeric, "d"), Number(numeric, "m"), Number(numeric, "y"));
        }

        return ParseWords(nfc);
    }

    /// <summary>The QR code's ddMMyyyy, exactly eight digits.</summary>
    public static Extraction<DateOnly> ParseCompact(string? ddMMyyyy)
    {
        var text = (ddMMyyyy ?? string.Empty).Trim();
        if (text.Length != 8 || !text.All(char.IsAsciiDigit))
        {
            return NotFound(text);
        }

        return Build(text, Int(text[..2]), Int(text[2..4]), Int(text[4..]));
    }

    /// <summary>A date from its parts, or a failed check naming the impossible date.</summary>
    public static Extraction<DateOnly> Build(string source, int day, int month, int year)
    {
        if (year is >= 1900 and <= 2199 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            var date = new DateOnly(year, month, day);
            return Extraction.Success(date, [Check.Pass(CheckName, $"Ngày hợp lệ: {Format(date)}", $"Valid date: {Format(date)}")]);
        }

        var shown = string.Create(CultureInfo.InvariantCulture, $"{day:D2}/{month:D2}/{year:D4}");
        return Extraction.Failure<DateOnly>(Check.Fail(
            CheckName, $"Ngày không tồn tại: {shown} (\"{source}\")", $"No such date: {shown} (\"{source}\")"));
    }

    private static Extraction<DateOnly> ParseWords(string nfc)
    {
        var words = FoldedTokens.Of(nfc).Select(t => t.Key).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] != "ngay")
            {
                continue;
            }

            // ngày <day> tháng <month> năm <year>; "năm" is also the number five, so each part is read
            // as a number only up to its marker word ("tháng năm năm ..." is May of ...).
            var day = ReadUntil(words, i + 1, "thang", out var next);
            var month = day is null ? null : ReadUntil(words, next, "nam", out next);
            var year = month is null ? null : VietnameseNumberWords.Read(words[next..], out _);
            if (day is not null && month is not null && year is not null)
            {
                return Build(nfc, day.Value, month.Value, year.Value);
            }
        }

        return NotFound(nfc);
    }

    private static int? ReadUntil(List<string> words, int start, string marker, out int next)
    {
        next = start;
        var end = start;
        while (end < words.Count && words[end] != marker)
        {
            end++;
        }

        // a month "năm" (May) makes the marker appear twice: "tháng năm năm ..." → the first "năm" is the month.
        if (marker == "nam" && end == start && end + 1 < words.Count && words[end + 1] == "nam")
        {
            end++;
        }

        if (end == start || end >= words.Count)
        {
            return null;
        }

        var value = VietnameseNumberWords.Read(words[start..end], out var consumed);
        next = end + 1;
        return consumed == end - start ? value : null;
    }

    private static Extraction<DateOnly> NotFound(string text) =>
        Extraction.Failure<DateOnly>(Check.Fail(CheckName, $"Không đọc được ngày trong \"{text}\"", $"No date found in \"{text}\""));

    private static int Number(Match match, string group) => Int(match.Groups[group].Value);

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})\b")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{1,2})\s*[/.\-]\s*(?<m>[0-9]{1,2})\s*[/.\-]\s*(?<y>[0-9]{4})(?![0-9])")]
    private static partial Regex NumericPattern();
}
