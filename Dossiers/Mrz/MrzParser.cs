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
        var found = MrzLineFinder.Find(lines ?? [], out var candidates);
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
