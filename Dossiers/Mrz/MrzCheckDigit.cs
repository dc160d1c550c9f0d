namespace Intake.Dossiers.Mrz;

/// <summary>The ICAO 9303 check digit: digits 0-9, A=10 … Z=35, '&lt;'=0, weights 7, 3, 1 repeating, sum mod 10.</summary>
public static class MrzCheckDigit
{
    /// <summary>The check digit of <paramref name="data"/>, or null if it holds a character the MRZ alphabet lacks.</summary>
    public static int? Compute(ReadOnlySpan<char> data)
    {
        ReadOnlySpan<int> weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (ValueOf(data[i]) is not { } value)
            {
                return null;
            }

            sum += value * weights[i % 3];
        }

        return sum % 10;
    }

    public static int? ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => null,
    };

    public static bool IsValid(ReadOnlySpan<char> data, char checkDigit) =>
        checkDigit is >= '0' and <= '9' && Compute(data) == checkDigit - '0';
}
