namespace Intake.Bench.MrzVsPeer;

/// <summary>
/// Injects one kind of OCR error into a clean TD1 MRZ. Look-alikes are the OCR-B pairs O/0, I/1, Z/2, S/5, G/6, B/8
/// (a letter read for a digit in a digits zone, a digit for a letter in a letters zone); "other digit" is a digit
/// read as one it does not resemble (the digit look-alike table below mirrors the parser's, so no error it is allowed
/// to repair is called "other"); fillers are '&lt;' read as K, X or «, the way Tesseract reads OCR-B chevrons.
/// </summary>
internal static class ErrorInjector
{
    public static readonly string[] Kinds =
        ["look-alike", "other digit", "filler after last letter", "filler in last two of line 3", "filler elsewhere", "two in one field"];

    private const string Digits = "0123456789";
    private static readonly Dictionary<char, char> DigitToLetter = new() { ['0'] = 'O', ['1'] = 'I', ['2'] = 'Z', ['5'] = 'S', ['6'] = 'G', ['8'] = 'B' };
    private static readonly Dictionary<char, char> LetterToDigit = DigitToLetter.ToDictionary(p => p.Value, p => p.Key);

    // read digit → the digits it may truly be (the parser's witnessed repairs)
    private static readonly Dictionary<char, string> DigitLookAlikes = new()
    {
        ['0'] = "89", ['1'] = "7", ['3'] = "8", ['5'] = "6", ['6'] = "58", ['7'] = "1", ['8'] = "0369", ['9'] = "08",
    };

    private static readonly char[] FillerMisreads = ['K', 'X', '«'];

    /// <summary>The damaged lines and the field the error landed in.</summary>
    public static (string[] Lines, string Where) Inject(string kind, string[] clean, Random random)
    {
        var lines = clean.Select(l => l.ToCharArray()).ToArray();
        string where;
        switch (kind)
        {
            case "look-alike":
                {
                    var (line, pos) = Pick(random, LookAlikePositions(clean));
                    lines[line][pos] = Swap(lines[line][pos]);
                    where = FieldAt(clean, line, pos);
                    break;
                }

            case "other digit":
                {
                    var (line, pos) = Pick(random, DigitPositions());
                    var truth = lines[line][pos];
                    var wrong = Digits.Where(d => d != truth && !(DigitLookAlikes.TryGetValue(d, out var a) && a.Contains(truth, StringComparison.Ordinal))).ToArray();
                    lines[line][pos] = wrong[random.Next(wrong.Length)];
                    where = FieldAt(clean, line, pos);
                    break;
                }

            case "filler after last letter":
                lines[2][clean[2].TrimEnd('<').Length] = FillerMisreads[random.Next(3)];
                where = "names";
                break;

            case "filler in last two of line 3":
                lines[2][28 + random.Next(2)] = FillerMisreads[random.Next(3)];
                if (random.Next(4) == 0)
                {
                    lines[2][28] = FillerMisreads[random.Next(3)]; // sometimes both: "...<<<<KX"
                    lines[2][29] = FillerMisreads[random.Next(3)];
                }

                where = "names";
                break;

            case "filler elsewhere":
                {
                    var fillers = Enumerable.Range(0, 3).SelectMany(l => Enumerable.Range(0, 30).Where(p => clean[l][p] == '<').Select(p => (l, p))).ToArray();
                    var (line, pos) = Pick(random, fillers);
                    lines[line][pos] = FillerMisreads[random.Next(3)];
                    where = line == 2 ? "names" : "fillers";
                    break;
                }

            case "two in one field":
                {
                    var byField = LookAlikePositions(clean).Where(p => !IsCheckDigit(p.Line, p.Pos)).GroupBy(p => FieldAt(clean, p.Line, p.Pos)).Where(g => g.Count() >= 2).ToArray();
                    var field = byField[random.Next(byField.Length)].ToArray();
                    var first = random.Next(field.Length);
                    var second = (first + 1 + random.Next(field.Length - 1)) % field.Length;
                    foreach (var (line, pos) in new[] { field[first], field[second] })
                    {
                        lines[line][pos] = Swap(lines[line][pos]);
                    }

                    where = FieldAt(clean, field[first].Line, field[first].Pos);
                    break;
                }

            default:
                throw new ArgumentException($"unknown kind {kind}", nameof(kind));
        }

        return (lines.Select(l => new string(l)).ToArray(), where);
    }

    private static char Swap(char c) => DigitToLetter.TryGetValue(c, out var letter) ? letter : LetterToDigit[c];

    private static (int Line, int Pos) Pick(Random random, (int Line, int Pos)[] positions) => positions[random.Next(positions.Length)];

    private static (int Line, int Pos)[] DigitPositions() =>
    [
        .. Enumerable.Range(5, 22).Select(p => (0, p)), (0, 29),
        .. Enumerable.Range(0, 7).Select(p => (1, p)), .. Enumerable.Range(8, 7).Select(p => (1, p)), (1, 29),
    ];

    private static (int Line, int Pos)[] LookAlikePositions(string[] clean)
    {
        var digits = DigitPositions().Where(p => DigitToLetter.ContainsKey(clean[p.Line][p.Pos]));
        var letterZones = Enumerable.Range(0, 5).Select(p => (0, p)).Concat(Enumerable.Range(15, 3).Select(p => (1, p))).Concat(Enumerable.Range(0, 30).Select(p => (2, p)));
        var letters = letterZones.Where(p => LetterToDigit.ContainsKey(clean[p.Item1][p.Item2]));
        return [.. digits, .. letters];
    }

    private static bool IsCheckDigit(int line, int pos) => (line, pos) is (0, 14) or (0, 29) or (1, 6) or (1, 14) or (1, 29);

    /// <summary>The field a position belongs to, as the score groups them.</summary>
    public static string FieldAt(string[] clean, int line, int pos) => (line, pos) switch
    {
        (0, < 5) => "codes",
        (0, < 15) => "documentNumber",
        (0, < 27) or (0, 29) => "idNumber",
        (0, _) => "fillers",
        (1, < 7) => "birthDate",
        (1, 7) => "sex",
        (1, < 15) => "expiryDate",
        (1, < 18) => "nationality",
        (1, 29) => "composite",
        (1, _) => "fillers",
        _ => "names",
    };
}
