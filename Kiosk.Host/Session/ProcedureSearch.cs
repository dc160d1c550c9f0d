using Intake.Dossiers.Procedures;
using Intake.Dossiers.Text;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// The procedure picker's search: accents, tone marks and case do not matter ("khai sinh", "dang ky khai sinh" and
/// "Đăng ký" all find "Đăng ký khai sinh"), every word typed must appear, and a code or its beginning ("1.0011")
/// finds by code. Names that start with the words typed come first.
/// </summary>
internal static class ProcedureSearch
{
    public const int MaxResults = 5;

    public static IReadOnlyList<Procedure> Find(string? query, ProcedureCatalog? catalog = null)
    {
        var all = (catalog ?? ProcedureCatalog.Default).All.OrderBy(p => p.Code, StringComparer.Ordinal).ToArray();
        var key = VietnameseText.SearchKey(query);
        if (key.Length == 0) return all.Take(MaxResults).ToArray();
        var trimmed = (query ?? string.Empty).Trim();
        if (trimmed.All(c => char.IsDigit(c) || c == '.'))
            return all.Where(p => p.Code.StartsWith(trimmed, StringComparison.Ordinal) || p.Code.Replace(".", "", StringComparison.Ordinal).StartsWith(trimmed.Replace(".", "", StringComparison.Ordinal), StringComparison.Ordinal))
                .Take(MaxResults).ToArray();
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return all
            .Select(p => (procedure: p, name: VietnameseText.SearchKey(p.Name)))
            .Where(p => words.All(w => (" " + p.name + " ").Contains(" " + w, StringComparison.Ordinal)))
            .OrderBy(p => p.name.StartsWith(key, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(p => p.name.Length)
            .Select(p => p.procedure)
            .Take(MaxResults)
            .ToArray();
    }
}
