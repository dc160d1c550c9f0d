using System.Globalization;

namespace Intake.Dossiers.Mrz;

/// <summary>
/// The MRZ lines being read, as a mutable copy, and the record of every repair made to them. Repairs are
/// position-aware: a letter where only digits may stand is a misread digit and vice versa; inside a field that
/// may hold both, only the check digit can tell, and a repair is kept only when exactly one candidate satisfies it.
/// </summary>
internal sealed class MrzRepairBench
{
    // OCR-B look-alikes named in the guide: letter ↔ digit.
    private static readonly Dictionary<char, char> LetterToDigit = new() { ['O'] = '0', ['I'] = '1', ['B'] = '8', ['S'] = '5', ['Z'] = '2' };
    private static readonly Dictionary<char, char> DigitToLetter = LetterToDigit.ToDictionary(p => p.Value, p => p.Key);

    // Digits that OCR confuses with each other (including 9 read as 0 in dates, as the guide warns).
    private static readonly Dictionary<char, string> DigitLookAlikes = new()
    {
        ['0'] = "89", ['1'] = "7", ['3'] = "8", ['5'] = "6", ['6'] = "58", ['7'] = "1", ['8'] = "0369", ['9'] = "08",
    };

    private readonly char[][] _lines;
    private readonly List<string> _repairs = [];
    private readonly List<MrzCheckDigitResult> _results = [];
    private readonly List<Check> _checks = [];

    public MrzRepairBench(IReadOnlyList<string> lines) => _lines = lines.Select(l => l.ToCharArray()).ToArray();

    public IReadOnlyList<string> Repairs => _repairs;

    public IReadOnlyList<MrzCheckDigitResult> Results => _results;

    public IReadOnlyList<Check> Checks => _checks;

    public IReadOnlyList<string> Lines => _lines.Select(l => new string(l)).ToArray();

    public string Get(int line, int start, int length) => new(_lines[line], start, length);

    public void AddCheck(Check check) => _checks.Add(check);

    /// <summary>In a digits-only zone a look-alike letter can only be a misread digit.</summary>
    public void ForceDigits(int line, int start, int length, string field) => Force(line, start, length, field, LetterToDigit);

    /// <summary>In a letters-only zone a look-alike digit can only be a misread letter.</summary>
    public void ForceLetters(int line, int start, int length, string field) => Force(line, start, length, field, DigitToLetter);

    /// <summary>
    /// Verifies one field against its check digit and, if it fails, looks for the single repair that makes it hold.
    /// A mod-10 check digit with weights 7, 3, 1 cannot tell which of two positions three apart was misread
    /// (900215 is "fixed" by 800215 as well as by 900115), so digit-for-digit repairs are tried only when an
    /// independent <paramref name="witness"/> (the birth year inside the Vietnamese ID) can vet each candidate.
    /// </summary>
    public bool Verify(string field, int line, int start, int length, int checkPosition, MrzFieldKind kind, Func<string, bool>? witness = null)
    {
        var data = _lines[line].AsSpan(start, length);
        var checkChar = _lines[line][checkPosition];
        if (checkChar == '<' && data.ToString().All(c => c == '<'))
        {
            return Record(field, valid: true, repaired: false); // an empty optional field may leave its check digit blank
        }

        if (Holds(data, checkChar, kind))
        {
            return Record(field, valid: true, repaired: false);
        }

        var candidates = new List<(int Position, char Replacement)>();
        var buffer = data.ToArray();
        for (var i = 0; i < buffer.Length; i++)
        {
            var original = buffer[i];
            foreach (var replacement in Alternatives(original, kind, witness is not null))
            {
                buffer[i] = replacement;
                if (Holds(buffer, checkChar, kind) && (witness is null || witness(new string(buffer))))
                {
                    candidates.Add((i, replacement));
                }
            }

            buffer[i] = original;
        }

        if (candidates.Count == 1)
        {
            var (position, replacement) = candidates[0];
            var was = _lines[line][start + position];
            _lines[line][start + position] = replacement;
            var where = Where(line, start + position);
            _repairs.Add($"{field}: {was}→{replacement} at {where}");
            _checks.Add(Check.Pass(
                $"mrz.{field}",
                $"MRZ: đã sửa '{was}' thành '{replacement}' ở {where} nhờ chữ số kiểm tra ({field})",
                $"MRZ: repaired '{was}' to '{replacement}' at {where} using the check digit ({field})"));
            return Record(field, valid: true, repaired: true);
        }

        var reason = candidates.Count == 0 ? "không sửa được / no repair fits" : $"{candidates.Count} cách sửa / {candidates.Count} possible repairs";
        _checks.Add(Check.Fail(
            $"mrz.{field}",
            $"MRZ: chữ số kiểm tra của {field} không khớp ({reason})",
            $"MRZ: the check digit of {field} does not match"));
        return Record(field, valid: false, repaired: false);
    }

    /// <summary>Verifies the composite check digit over several spans; never repairs (every span was already checked).</summary>
    public bool VerifyComposite(IEnumerable<(int Line, int Start, int Length)> spans, int line, int checkPosition)
    {
        var data = string.Concat(spans.Select(s => Get(s.Line, s.Start, s.Length)));
        var valid = MrzCheckDigit.IsValid(data, _lines[line][checkPosition]);
        _checks.Add(valid
            ? Check.Pass("mrz.composite", "MRZ: chữ số kiểm tra tổng hợp đúng", "MRZ: composite check digit holds")
            : Check.Fail("mrz.composite", "MRZ: chữ số kiểm tra tổng hợp sai", "MRZ: composite check digit does not match"));
        return Record(MrzReading.CompositeField, valid, repaired: false);
    }

    private static bool Holds(ReadOnlySpan<char> data, char checkChar, MrzFieldKind kind)
    {
        if (!MrzCheckDigit.IsValid(data, checkChar))
        {
            return false;
        }

        return kind != MrzFieldKind.Date || MrzDates.IsDate(data);
    }

    private static IEnumerable<char> Alternatives(char c, MrzFieldKind kind, bool witnessed) => kind switch
    {
        MrzFieldKind.AlphaNumeric when LetterToDigit.TryGetValue(c, out var digit) => [digit],
        MrzFieldKind.AlphaNumeric when DigitToLetter.TryGetValue(c, out var letter) => [letter],
        MrzFieldKind.Numeric or MrzFieldKind.Date when witnessed && DigitLookAlikes.TryGetValue(c, out var digits) => digits,
        _ => [],
    };

    private void Force(int line, int start, int length, string field, Dictionary<char, char> map)
    {
        for (var i = start; i < start + length; i++)
        {
            if (map.TryGetValue(_lines[line][i], out var replacement))
            {
                var where = Where(line, i);
                _repairs.Add($"{field}: {_lines[line][i]}→{replacement} at {where}");
                _checks.Add(Check.Pass(
                    $"mrz.{field}",
                    $"MRZ: đã sửa '{_lines[line][i]}' thành '{replacement}' ở {where}",
                    $"MRZ: repaired '{_lines[line][i]}' to '{replacement}' at {where}"));
                _lines[line][i] = replacement;
            }
        }
    }

    private bool Record(string field, bool valid, bool repaired)
    {
        _results.Add(new MrzCheckDigitResult(field, valid, repaired));
        return valid;
    }

    private static string Where(int line, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{line + 1}:{index + 1}");
}
