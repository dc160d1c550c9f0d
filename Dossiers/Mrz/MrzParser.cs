using System.Globalization;
using System.Text.RegularExpressions;

namespace Intake.Dossiers.Mrz;

/// <summary>
/// Reads an ICAO 9303 MRZ (TD1 3×30, TD2 2×36, TD3 2×44) from OCR text, verifies every check digit and repairs
/// OCR look-alikes and a line read one character too long where the position or the check digits settle them.
/// Vietnamese TD1 cards add the full 12-digit ID in line 1 positions 16-27 with its own check digit in position 30.
/// Bad input yields a failed extraction, never an exception.
/// </summary>
public static partial class MrzParser
{
    public static Extraction<MrzReading> Parse(string? text) => Parse(LineBreak().Split(text ?? string.Empty));

    public static Extraction<MrzReading> Parse(IEnumerable<string?> lines) => ParseAndRepair((lines ?? []).ToArray()).Parsed;

    /// <summary>
    /// <see cref="Parse(IEnumerable{string?})"/>, and the lines it parsed: <paramref name="lines"/> as given, or with the
    /// one character <see cref="WithOneCharacterLess"/> left out, so a caller that keeps the lines keeps the ones that hold.
    /// </summary>
    public static (IReadOnlyList<string> Lines, Extraction<MrzReading> Parsed) ParseWithLines(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string?[] given = [.. lines];
        var (parsedLines, parsed) = ParseAndRepair(given);
        return (ReferenceEquals(parsedLines, given) ? lines : [.. parsedLines.Select(l => l ?? string.Empty)], parsed);
    }

    private static (string?[] Lines, Extraction<MrzReading> Parsed) ParseAndRepair(string?[] given)
    {
        var parsed = ParseRepairingExtraCharacter(given);
        if (parsed.Succeeded && parsed.Value!.AllCheckDigitsValid)
        {
            return (given, parsed);
        }

        return WithOneCharacterLess(given) ?? (given, parsed);
    }

    private static Extraction<MrzReading> ParseRepairingExtraCharacter(string?[] given)
    {
        var first = ParseAsRead(given);
        return IsWhollyValid(first) ? first : WithoutOneExtraCharacter(given) ?? first;
    }

    /// <summary>
    /// OCR sometimes inserts one character into a line (a ghost digit between two others) where
    /// <see cref="WithoutOneExtraCharacter"/> cannot settle it: another check than a check digit fails, or the extra
    /// character is a filler. A line exactly one longer than an MRZ length (as read, spaces left out) is tried with each
    /// character left out; a version is kept only when its every check digit (ICAO 9303 Part 3, the composite included)
    /// holds and every version that holds reads the same MRZ lines, so the check digits, not a guess, decide. A TD1's
    /// document code and issuing state (line 1 positions 1-5) are under no check digit, so a ghost there is left
    /// unsettled: the card band reader this came from took the first version that held, which turned "IDVSNM…" into
    /// "DVSNM…", issuing state SNM and no ID, with every check digit holding.
    /// </summary>
    private static (string?[] Lines, Extraction<MrzReading> Parsed)? WithOneCharacterLess(string?[] given)
    {
        var fits = new List<(string?[] Lines, Extraction<MrzReading> Parsed)>();
        for (var i = 0; i < given.Length; i++)
        {
            var line = (given[i] ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (line.Length is not (31 or 37 or 45))
            {
                continue;
            }

            for (var drop = 0; drop < line.Length; drop++)
            {
                var candidate = given.ToArray();
                candidate[i] = line.Remove(drop, 1);
                var parsed = ParseRepairingExtraCharacter(candidate);
                if (parsed.Succeeded && parsed.Value!.AllCheckDigitsValid)
                {
                    fits.Add((candidate, parsed));
                }
            }
        }

        return fits.Count > 0 && fits.Select(f => string.Join('\n', f.Parsed.Value!.Lines)).Distinct().Count() == 1 ? fits[0] : null;
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
