using System.Globalization;

namespace Intake.Dossiers.Mrz;

/// <summary>
/// The MRZ lines being read, as a mutable copy, and the record of every repair made to them. Repairs are
/// position-aware (ICAO 9303 Part 5 for TD1, Part 4 for TD3: each field says whether it holds digits, letters or
/// both): a look-alike letter where only digits may stand is a misread digit and vice versa; inside a field that may
/// hold both, only the check digit (ICAO 9303 Part 3) can tell, and a repair is kept only when exactly one candidate
/// satisfies it. Only OCR-B look-alikes are ever repaired; any other misreading stays a failed check, visible in
/// <see cref="Checks"/> and <see cref="Results"/>, never a silently changed or dropped field.
/// </summary>
internal sealed class MrzRepairBench
{
    // OCR-B look-alikes, letter → digit, for zones that hold only digits. G↔6 belongs here: G counts 16 in the
    // check digit (ICAO 9303 Part 3), ≡ 6 mod 10, so a G left in a digits zone passes its check digit unnoticed.
    private static readonly Dictionary<char, char> LetterToDigit = new()
    {
        ['O'] = '0', ['D'] = '0', ['Q'] = '0', ['I'] = '1', ['L'] = '1', ['Z'] = '2', ['S'] = '5', ['G'] = '6', ['B'] = '8',
    };

    // digit → letter, for zones that hold only letters (names, codes): the one letter each digit is mistaken for
    private static readonly Dictionary<char, char> DigitToLetter = new()
    {
        ['0'] = 'O', ['1'] = 'I', ['2'] = 'Z', ['5'] = 'S', ['6'] = 'G', ['8'] = 'B',
    };

    // Digits that OCR confuses with each other (including 9 read as 0 in dates, as the guide warns).
    private static readonly Dictionary<char, string> DigitLookAlikes = new()
    {
        ['0'] = "89", ['1'] = "7", ['3'] = "8", ['5'] = "6", ['6'] = "58", ['7'] = "1", ['8'] = "0369", ['9'] = "08",
    };

    private static readonly Dictionary<char, char> FillerLookAlikes = new() { ['K'] = '<', ['X'] = '<' };

    // Tesseract reads an OCR-B "3" as "S" too (field case mrz-ocrb: "9009095FS00909…" for "9009095F300909…"), so an S
    // forced to 5 in a digits zone may have been a 3. Only a check digit and an independent witness together may say so.
    private static readonly Dictionary<char, string> OtherDigitReadings = new() { ['S'] = "3" };

    // where a letter was forced to a digit and could have been another one: (line, index) → the letter read
    private readonly Dictionary<(int Line, int Index), char> _forcedFrom = [];

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
    /// Verifies one field against its check digit (ICAO 9303 Part 3, check digits in the MRZ) and, if it fails, looks for the single
    /// look-alike repair that makes it hold. A digits-only field holds only when every character is a digit (a letter
    /// counts 10-35 and can satisfy the check by accident: G = 16 ≡ 6). A mod-10 check digit with weights 7, 3, 1
    /// cannot tell which of two positions three apart was misread (900215 is "fixed" by 800215 as well as by 900115),
    /// so digit-for-digit repairs are tried only when an independent <paramref name="witness"/> (the birth year inside
    /// the Vietnamese ID) vets each candidate, and then every single-digit change, look-alike or not, and a misread
    /// check digit compete: the repair is made only when it is the one change that fits and it is a look-alike.
    /// A field that stays wrong is a failed check named <c>mrz.{field}</c>. An empty <paramref name="optional"/>
    /// field may leave its check digit as a filler (ICAO 9303 Part 5, TD1 optional data).
    /// </summary>
    public bool Verify(
        string field, int line, int start, int length, int checkPosition, MrzFieldKind kind, Func<string, bool>? witness = null, bool optional = true)
    {
        var data = _lines[line].AsSpan(start, length);
        var checkChar = _lines[line][checkPosition];
        if (optional && checkChar == '<' && data.ToString().All(c => c == '<'))
        {
            return Record(field, valid: true, repaired: false);
        }

        if (Holds(data, checkChar, kind))
        {
            return Record(field, valid: true, repaired: false);
        }

        if (OtherReading(line, start, length, checkChar, kind, witness) is var (at, digit))
        {
            return Repair(field, line, start + at, digit);
        }

        var candidates = witness is null
            ? LookAlikeCandidates(data, checkChar, kind)
            : WitnessedCandidates(data, checkChar, kind, witness);
        if (candidates is [var only] && only.Position >= 0 && IsLookAlike(data[only.Position], only.Replacement, kind, witness is not null))
        {
            return Repair(field, line, start + only.Position, only.Replacement);
        }

        var (vi, en) = candidates.Count switch
        {
            0 => ("không sửa được", "no look-alike repair fits"),
            1 => ("chỉ một cách sửa khớp nhưng không phải ký tự dễ nhầm, không tự sửa", "the one change that fits is not a look-alike, not applied"),
            _ => ($"{candidates.Count} cách sửa đều khớp", $"{candidates.Count} possible repairs"),
        };
        _checks.Add(Check.Fail(
            $"mrz.{field}",
            $"MRZ: chữ số kiểm tra của {field} không khớp ({vi})",
            $"MRZ: the check digit of {field} does not match ({en})"));
        return Record(field, valid: false, repaired: false);
    }

    private bool Repair(string field, int line, int index, char replacement)
    {
        var was = _lines[line][index];
        _lines[line][index] = replacement;
        var where = Where(line, index);
        _repairs.Add($"{field}: {was}→{replacement} at {where}");
        _checks.Add(Check.Pass(
            $"mrz.{field}",
            $"MRZ: đã sửa '{was}' thành '{replacement}' ở {where} nhờ chữ số kiểm tra ({field})",
            $"MRZ: repaired '{was}' to '{replacement}' at {where} using the check digit ({field})"));
        return Record(field, valid: true, repaired: true);
    }

    /// <summary>Letter ↔ digit look-alikes at each position that make the check digit hold (no witness needed: a letter in a digits field is never right).</summary>
    private static List<(int Position, char Replacement)> LookAlikeCandidates(ReadOnlySpan<char> data, char checkChar, MrzFieldKind kind)
    {
        var candidates = new List<(int Position, char Replacement)>();
        var buffer = data.ToArray();
        for (var i = 0; i < buffer.Length; i++)
        {
            var original = buffer[i];
            foreach (var replacement in LetterDigitSwaps(original, kind))
            {
                buffer[i] = replacement;
                if (Holds(buffer, checkChar, kind))
                {
                    candidates.Add((i, replacement));
                }
            }

            buffer[i] = original;
        }

        return candidates;
    }

    /// <summary>
    /// Every single-digit change that makes the field hold and satisfies the witness, and (position −1) the hypothesis
    /// that the check digit itself was misread, which competes with them but is never applied.
    /// </summary>
    private static List<(int Position, char Replacement)> WitnessedCandidates(ReadOnlySpan<char> data, char checkChar, MrzFieldKind kind, Func<string, bool> witness)
    {
        var candidates = new List<(int Position, char Replacement)>();
        var buffer = data.ToArray();
        for (var i = 0; i < buffer.Length; i++)
        {
            var original = buffer[i];
            for (var digit = '0'; digit <= '9'; digit++)
            {
                buffer[i] = digit;
                if (digit != original && Holds(buffer, checkChar, kind) && witness(new string(buffer)))
                {
                    candidates.Add((i, digit));
                }
            }

            buffer[i] = original;
        }

        var asRead = data.ToString();
        if (MrzCheckDigit.Compute(asRead) is { } computed && Holds(asRead, (char)('0' + computed), kind) && witness(asRead))
        {
            candidates.Add((-1, (char)('0' + computed)));
        }

        return candidates;
    }

    private static bool IsLookAlike(char original, char replacement, MrzFieldKind kind, bool witnessed) =>
        LetterDigitSwaps(original, kind).Contains(replacement)
        || (witnessed && DigitLookAlikes.TryGetValue(original, out var digits) && digits.Contains(replacement, StringComparison.Ordinal));

    /// <summary>
    /// The one other reading of the letters forced to digits in this field (an S forced to 5 read as 3) that makes the
    /// check digit hold and that the witness accepts; null when none or more than one does. Without a witness, none.
    /// </summary>
    private (int Position, char Replacement)? OtherReading(int line, int start, int length, char checkChar, MrzFieldKind kind, Func<string, bool>? witness)
    {
        if (witness is null)
        {
            return null;
        }

        var buffer = _lines[line].AsSpan(start, length).ToArray();
        var found = new List<(int Position, char Replacement)>();
        for (var i = 0; i < buffer.Length; i++)
        {
            if (!_forcedFrom.TryGetValue((line, start + i), out var letter) || !OtherDigitReadings.TryGetValue(letter, out var digits))
            {
                continue;
            }

            var forced = buffer[i];
            foreach (var digit in digits)
            {
                buffer[i] = digit;
                if (Holds(buffer, checkChar, kind) && witness(new string(buffer)))
                {
                    found.Add((i, digit));
                }
            }

            buffer[i] = forced;
        }

        return found is [var only] ? only : null;
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

        return kind switch
        {
            MrzFieldKind.Numeric => data.IndexOfAnyExceptInRange('0', '9') < 0,
            MrzFieldKind.Date => MrzDates.IsDate(data),
            _ => true,
        };
    }

    private static char[] LetterDigitSwaps(char c, MrzFieldKind kind) => kind switch
    {
        MrzFieldKind.AlphaNumeric when LetterToDigit.TryGetValue(c, out var digit) => [digit],
        MrzFieldKind.AlphaNumeric when DigitToLetter.TryGetValue(c, out var letter) => [letter],
        _ => [],
    };

    /// <summary>
    /// In a zone the layout reserves for fillers (Vietnamese TD1: line 1 positions 28-29, line 2 positions 19-29) a K
    /// or X is a misread '&lt;': Tesseract reads OCR-B chevrons so. K counts 20 ≡ 0 mod 10 in every check digit
    /// (ICAO 9303 Part 3), so no check digit would notice it.
    /// </summary>
    public void ForceFillers(int line, int start, int length, string field) => Force(line, start, length, field, FillerLookAlikes);

    /// <summary>
    /// Removes a ghost character the layout has shown at <paramref name="index"/> (OCR read one printed character as
    /// two: "3S" for "3") and gives the line back its length with a filler inserted at <paramref name="fillerAt"/>,
    /// the start of a run of fillers, so every character after that run keeps its place. The check digits then judge.
    /// </summary>
    public void RemoveGhost(int line, int index, int fillerAt, string field)
    {
        var chars = _lines[line];
        var ghost = chars[index];
        Array.Copy(chars, index + 1, chars, index, fillerAt - index);
        chars[fillerAt] = '<';
        var where = Where(line, index);
        _repairs.Add($"{field}: {ghost} removed at {where}");
        _checks.Add(Check.Pass(
            $"mrz.{field}",
            $"MRZ: bỏ ký tự thừa '{ghost}' ở {where}",
            $"MRZ: removed a ghost '{ghost}' at {where}"));
    }

    /// <summary>Turns one K or X the layout has shown to be a misread filler into '&lt;', and records it.</summary>
    public void RepairFiller(int line, int index, string field) => Force(line, index, 1, field, FillerLookAlikes);

    private void Force(int line, int start, int length, string field, Dictionary<char, char> map)
    {
        for (var i = start; i < start + length; i++)
        {
            if (map.TryGetValue(_lines[line][i], out var replacement))
            {
                if (ReferenceEquals(map, LetterToDigit) && OtherDigitReadings.ContainsKey(_lines[line][i]))
                {
                    _forcedFrom[(line, i)] = _lines[line][i];
                }

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
