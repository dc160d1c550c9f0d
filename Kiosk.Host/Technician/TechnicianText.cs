using System.Globalization;
using System.Resources;

namespace Intake.Kiosk.Host.Technician;

/// <summary>The technician page's texts: Vietnamese (TechnicianText.resx, the neutral resources) first, then English (TechnicianText.en.resx).</summary>
internal static class TechnicianText
{
    private static readonly ResourceManager Resources = new("Intake.Kiosk.Host.Technician.TechnicianText", typeof(TechnicianText).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Vietnamese(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) ?? key;

    public static string InEnglish(string key) => Resources.GetString(key, English) ?? key;
}
