using System.Text.RegularExpressions;

namespace Intake.Dossiers.Mrz;

/// <summary>Splits an MRZ name zone "SURNAME&lt;&lt;GIVEN&lt;NAMES&lt;&lt;&lt;" into surname and given names.</summary>
internal static partial class MrzNames
{
    public static (string Surname, string GivenNames) Split(string zone)
    {
        var trimmed = zone.TrimEnd('<');
        var separator = trimmed.IndexOf("<<", StringComparison.Ordinal);
        var surname = separator < 0 ? trimmed : trimmed[..separator];
        var given = separator < 0 ? string.Empty : trimmed[(separator + 2)..];
        return (Words(surname), Words(given));
    }

    private static string Words(string part) => Filler().Replace(part, " ").Trim();

    [GeneratedRegex("<+")]
    private static partial Regex Filler();
}
