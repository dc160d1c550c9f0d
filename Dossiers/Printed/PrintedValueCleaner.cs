using System.Text;
using System.Text.RegularExpressions;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Printed;

/// <summary>
/// Turns the raw text after a label into the field's canonical form: digits for ID numbers (with O/0, I/1 … look-alikes
/// repaired), yyyy-MM-dd for dates, M/F for sex, "none" for "Không thời hạn". Text fields are kept as printed.
/// </summary>
internal static partial class PrintedValueCleaner
{
    private static readonly IReadOnlyList<string> NoExpiryKeys = FoldedTokens.Keys("Không thời hạn");
    private static readonly IReadOnlyList<string> VietNamKeys = FoldedTokens.Keys("Việt Nam");

    public static PrintedValue Clean(string field, string raw)
    {
        var text = Spaces().Replace(raw.Trim(' ', ':', '/', '.', ',', '-', '|', ';'), " ");
        if (text.Length == 0)
        {
            return new PrintedValue(null, false, null);
        }

        return field switch
        {
            FieldNames.IdNumber => Digits(field, text, 12),
            FieldNames.OldIdNumber => Digits(field, text, 9),
            FieldNames.DateOfBirth or FieldNames.IssueDate => Date(field, text),
            FieldNames.ExpiryDate => FuzzyPhrase.Occurs(FoldedTokens.Of(text), NoExpiryKeys)
                ? new PrintedValue(FieldNames.NoExpiry, false, null)
                : Date(field, text),
            FieldNames.Sex => Sex(text),
            FieldNames.Nationality => FuzzyPhrase.ErrorsAt(FoldedTokens.Of(text), 0, VietNamKeys) is not null
                ? new PrintedValue("Việt Nam", false, null)
                : new PrintedValue(text, false, null),
            _ => new PrintedValue(text, false, null),
        };
    }

    private static PrintedValue Digits(string field, string text, int count)
    {
        // Look-alike letters are read as digits only inside a group that already holds a digit ("O79O9OOO1234"),
        // so the "No" of a label or a word after the number is never turned into a digit.
        var digits = new StringBuilder();
        var repaired = false;
        foreach (var group in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!group.Any(char.IsAsciiDigit))
            {
                if (digits.Length > 0)
                {
                    break;
                }

                continue;
            }

            foreach (var c in group)
            {
                var digit = c switch
                {
                    'O' or 'o' or 'D' or 'Q' => '0',
                    'I' or 'l' or '|' or 'i' => '1',
                    'B' => '8',
                    'S' or 's' => '5',
                    'Z' or 'z' => '2',
                    _ => c,
                };
                if (char.IsAsciiDigit(digit))
                {
                    repaired |= digit != c;
                    digits.Append(digit);
                }
            }
        }

        return digits.Length == count
            ? new PrintedValue(digits.ToString(), repaired, null)
            : new PrintedValue(null, false, Check.Fail(
                $"ocr.{field}",
                $"Không đọc được số ({count} chữ số) trong \"{text}\"",
                $"Could not read a {count}-digit number in \"{text}\""));
    }

    private static PrintedValue Date(string field, string text)
    {
        var date = VietnameseDate.Parse(text);
        return date.Succeeded
            ? new PrintedValue(VietnameseDate.Format(date.Value), false, null)
            : new PrintedValue(null, false, date.Checks[0] with { Name = $"ocr.{field}" });
    }

    private static PrintedValue Sex(string text)
    {
        var tokens = FoldedTokens.Of(text);
        var first = tokens.Count > 0 ? tokens[0].Key : null;
        return first switch
        {
            "nam" or "male" or "m" => new PrintedValue("M", false, null),
            "nu" or "female" or "f" => new PrintedValue("F", false, null),
            // OCR doubles a letter or glues punctuation's ghost to the word ("NữỮ_" folds to "nuu"): still the word
            { } key when key.StartsWith("nam", StringComparison.Ordinal) && key.Length <= 4 => new PrintedValue("M", true, null),
            { } key when key.StartsWith("nu", StringComparison.Ordinal) && key.Length == 3 && key[2] == 'u' => new PrintedValue("F", true, null),
            _ => new PrintedValue(null, false, Check.Fail("ocr.sex", $"Không đọc được giới tính: \"{text}\"", $"Could not read sex: \"{text}\"")),
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
