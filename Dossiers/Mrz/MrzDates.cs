using System.Globalization;

namespace Intake.Dossiers.Mrz;

/// <summary>YYMMDD dates as the MRZ writes them; the century is not written and has to be inferred.</summary>
internal static class MrzDates
{
    /// <summary>Whether the six digits are a real date in some century (29 February depends on it).</summary>
    public static bool IsDate(ReadOnlySpan<char> yymmdd)
    {
        var text = yymmdd.ToString();
        return ToDate(text, 2000) is not null || ToDate(text, 1900) is not null;
    }

    /// <summary>The date in the given century (1900, 2000 …), or null when the digits are no date.</summary>
    public static DateOnly? ToDate(string yymmdd, int century)
    {
        if (yymmdd.Length != 6 || !yymmdd.All(char.IsAsciiDigit))
        {
            return null;
        }

        var year = century + int.Parse(yymmdd[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(yymmdd[2..4], CultureInfo.InvariantCulture);
        var day = int.Parse(yymmdd[4..], CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>A birth date: the century from the Vietnamese ID when known, else the latest that is not in the future.</summary>
    public static DateOnly? BirthDate(string yymmdd, int? centuryFromId)
    {
        if (centuryFromId is { } century)
        {
            return ToDate(yymmdd, century);
        }

        var recent = ToDate(yymmdd, 2000);
        return recent is { } date && date <= DateOnly.FromDateTime(DateTime.UtcNow) ? date : ToDate(yymmdd, 1900);
    }
}
