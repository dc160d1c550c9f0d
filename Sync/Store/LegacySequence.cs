using System.Globalization;
using System.Text.Json;

namespace Intake.Sync.Store;

/// <summary>
/// Reads the last number the pre-store counter (<c>dossier-codes.json</c>: <c>{"version":1,"kiosks":{"K":{"yyyy-MM-dd":n}}}</c>,
/// written by <see cref="Intake.Dossiers.DossierCodeSequence"/>) issued for a kiosk and day. A file that cannot be
/// read is refused, as that counter refuses it: guessing could repeat a code.
/// </summary>
internal static class LegacySequence
{
    public static int Last(string? path, string kioskCode, DateOnly day)
    {
        if (path is null || !File.Exists(path)) return 0;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            return json.RootElement.GetProperty("kiosks").TryGetProperty(kioskCode, out var days)
                   && days.TryGetProperty(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out var last)
                ? last.GetInt32()
                : 0;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException)
        {
            throw new StoreException(
                $"tệp số thứ tự hồ sơ cũ {path} không đọc được ({e.Message}); không cấp mã để tránh trùng",
                $"the former dossier sequence file {path} cannot be read ({e.Message}); no code is issued, to avoid duplicates", e);
        }
    }
}
