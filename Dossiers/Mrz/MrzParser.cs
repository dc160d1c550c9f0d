using System.Globalization;
using System.Text.RegularExpressions;

namespace Intake.Dossiers.Mrz;

/// <summary>
/// Reads an ICAO 9303 MRZ (TD1 3×30, TD2 2×36, TD3 2×44) from OCR text, verifies every check digit and repairs
/// OCR look-alikes where the position or a check digit settles them. Vietnamese TD1 cards add the full 12-digit ID
/// in line 1 positions 16-27 with its own check digit in position 30. Bad input yields a failed extraction, never an exception.
/// </summary>
public static partial class MrzParser
{
    public static Extraction<MrzReading> Parse(string? text) => Parse(LineBreak().Split(text ?? string.Empty));

    public static Extraction<MrzReading> Parse(IEnumerable<string?> lines)
    {
        var given = (lines ?? []).ToArray();
        var first = ParseAsRead(given);
        return IsWhollyValid(first) ? first : WithoutOneExtraCharacter(given) ?? first;
    }

    /// <summary>
    /// OCR sometimes reads one character twice or sees a ghost between two (OCR-B "3" read as "3S"), so a line is
    /// longer than its MRZ length by one character besides any extra fillers. Each non-filler character of such a line
    /// is left out in turn; the reading is kept only when every check digit (ICAO 9303 Part 3; the composite
    /// too) and every check then holds, and when every version that holds says the same, so the check digits decide,
    /// not a guess.
    /// </summary>
    private static Extraction<MrzReading>? WithoutOneExtraCharacter(string?[] given)
    {
        var fits = new List<(Extraction<MrzReading> Result, int Line, int Position, char Dropped)>();
        for (var i = 0; i < given.Length; i++)
        {
            var line = MrzLineFinder.FillerLookAlikes(MrzLineFinder.Clean(given[i]));
            if (line.Length is not ((> 30 and <= 34) or (> 36 and <= 40) or (> 44 and <= 48)))
            {
                continue;
            }

            for (var position = 0; position < line.Length; position++)
            {
                if (line[position] == '<')
                {
                    continue;
                }

                var candidate = given.ToArray();
                candidate[i] = line.Remove(position, 1);
                var result = ParseAsRead(candidate);
                if (IsWhollyValid(result))
                {
                    fits.Add((result, i, position, line[position]));
                }
            }
        }

        if (fits.Count == 0 || fits.Select(f => string.Join('\n', f.Result.Value!.Lines)).Distinct().Count() != 1)
        {
            return null;
        }

        var (kept, _, at, dropped) = fits[0];
        var reading = kept.Value!;
        var where = string.Create(CultureInfo.InvariantCulture, $"{at + 1}");
        var note = $"extra '{dropped}' dropped at position {where} of its line";
        var check = Check.Pass(
            "mrz.extraCharacter",
            $"MRZ: bỏ ký tự thừa '{dropped}' ở vị trí {where} của dòng (OCR đọc thừa); mọi chữ số kiểm tra khớp",
            $"MRZ: dropped an extra '{dropped}' at position {where} of its line (read by OCR); every check digit holds");
        return Extraction.Success(reading with { Repairs = [.. reading.Repairs, note] }, [.. kept.Checks, check]);
    }

    private static bool IsWhollyValid(Extraction<MrzReading> result) =>
        result.Succeeded && result.Value!.AllCheckDigitsValid && result.Checks.All(c => c.Passed);

    private static Extraction<MrzReading> ParseAsRead(IEnumerable<string?> lines)
    {
        var found = MrzLineFinder.Find(lines, out var candidates);
        if (found is null)
        {
            return candidates.Count == 0
                ? Extraction.Failure<MrzReading>(Check.Fail("mrz.found", "Không tìm thấy MRZ", "No MRZ found"))
                : Extraction.Failure<MrzReading>(Check.Fail(
                    "mrz.length",
                    $"MRZ sai độ dài: các dòng dài {MrzLineFinder.DescribeLengths(candidates)} ký tự, cần 3×30, 2×36 hoặc 2×44",
                    $"MRZ has the wrong length: lines of {MrzLineFinder.DescribeLengths(candidates)} characters, expected 3×30, 2×36 or 2×44"));
        }

        var (format, mrzLines) = found.Value;
        var bench = new MrzRepairBench(mrzLines);
        var reading = format == MrzFormat.Td1 ? Td1Layout.Read(bench) : PassportLayout.Read(bench, format);
        return Extraction.Success(reading, bench.Checks);
    }

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();
}
