using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Intake.Dossiers;

/// <summary>
/// A dossier code <c>&lt;kiosk code&gt;-&lt;yymmdd&gt;-&lt;NNNN&gt;</c>, as provincial systems print them
/// (e.g. <c>000.00.14.H56-200203-0118</c>; the format itself is unverified, so parsing is strict and formatting canonical).
/// </summary>
public readonly partial record struct DossierCode
{
    public DossierCode(string kioskCode, DateOnly date, int sequence)
    {
        if (!IsValidKioskCode(kioskCode))
        {
            throw new ArgumentException("A kiosk code is letters, digits and dots, without '-'.", nameof(kioskCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 9999);
        if (date.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(date), "A yymmdd code can only hold years 2000-2099.");
        }

        KioskCode = kioskCode!;
        Date = date;
        Sequence = sequence;
    }

    public string KioskCode { get; }

    public DateOnly Date { get; }

    public int Sequence { get; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{KioskCode}-{Date:yyMMdd}-{Sequence:D4}");

    public static bool TryParse([NotNullWhen(true)] string? text, out DossierCode code)
    {
        code = default;
        var match = text is null ? null : CodePattern().Match(text.Trim());
        if (match is null || !match.Success)
        {
            return false;
        }

        if (!DateOnly.TryParseExact(match.Groups["date"].Value, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        var sequence = int.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture);
        if (sequence == 0)
        {
            return false;
        }

        code = new DossierCode(match.Groups["kiosk"].Value, date, sequence);
        return true;
    }

    /// <summary>Letters, digits and dots (<c>000.00.14.H56</c>), without '-': what can stand before the date.</summary>
    public static bool IsValidKioskCode([NotNullWhen(true)] string? kioskCode) => kioskCode is not null && KioskCodePattern().IsMatch(kioskCode);

    public static DossierCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a dossier code <kiosk>-<yymmdd>-<NNNN>.");

    [GeneratedRegex(@"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$")]
    private static partial Regex KioskCodePattern();

    [GeneratedRegex(@"^(?<kiosk>[A-Za-z0-9]+(\.[A-Za-z0-9]+)*)-(?<date>[0-9]{6})-(?<seq>[0-9]{4})$")]
    private static partial Regex CodePattern();
}
