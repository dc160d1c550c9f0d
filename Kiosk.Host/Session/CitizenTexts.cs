using System.Collections;
using System.Globalization;
using System.Resources;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// Every text of the citizen's screen and receipt, from Resources/CitizenTexts.resx (Vietnamese, the neutral
/// language) and CitizenTexts.en.resx (English). The screen fetches them all at once per language.
/// </summary>
internal static class CitizenTexts
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    private static readonly ResourceManager Resources = new("Intake.Kiosk.Host.Resources.CitizenTexts", typeof(CitizenTexts).Assembly);

    /// <summary>The text under <paramref name="key"/> in "vi" or "en" (any other language: Vietnamese); the key itself when missing.</summary>
    public static string Get(string key, string language) => Resources.GetString(key, Culture(language)) ?? key;

    /// <summary>Every key with its text in <paramref name="language"/>.</summary>
    public static IReadOnlyDictionary<string, string> All(string language)
    {
        var neutral = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException("CitizenTexts.resx is missing from the assembly");
        var culture = Culture(language);
        return neutral.Cast<DictionaryEntry>().Select(e => (string)e.Key)
            .ToDictionary(key => key, key => Resources.GetString(key, culture) ?? key, StringComparer.Ordinal);
    }

    private static CultureInfo Culture(string language) => language == English ? CultureInfo.GetCultureInfo("en") : CultureInfo.InvariantCulture;
}
