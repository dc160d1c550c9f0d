using System.Text.Json;
using Intake.Kiosk.Host.Health;
using Intake.Sync.Upload;

namespace Intake.Kiosk.Host.Technician;

/// <summary>One kiosk of the fleet as the centre reports it (Central/Fleet/FleetKiosk), with the heartbeat's fields this page shows.</summary>
internal sealed record FleetRow(string Id, string? Name, string Status, DateTimeOffset? LastSeenAt, bool Revoked, string? Version, string? ScannerState, int? QueueDepth, long? DiskFreeBytes);

/// <summary>
/// The fleet for the technician page: the centre's signed GET /api/v1/fleet with this kiosk's own key (no back-office
/// token on a kiosk), asked at most every 30 s. Null rows with a reason when not enrolled or the centre does not answer.
/// </summary>
internal sealed class FleetSource(KioskDataFolder data, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, IReadOnlyList<FleetRow> Rows)? _cached;

    public void Dispose() => _gate.Dispose();

    public async Task<(IReadOnlyList<FleetRow>? Rows, string? ProblemKey, string? Detail)> ReadAsync(CancellationToken cancellationToken)
    {
        if (KioskIdentity.Load(data.Path) is not { } identity) return (null, "NotEnrolled", null);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            if (_cached is { } cached && now - cached.At < CacheFor) return (cached.Rows, null, null);
            using var key = identity.OpenKey();
            using var http = new HttpClient { BaseAddress = new Uri(identity.CentralUrl), Timeout = TimeSpan.FromSeconds(5) };
            var fleet = await new CentralClient(http, identity.KioskId, key).FleetAsync(cancellationToken).ConfigureAwait(false);
            var rows = fleet.EnumerateArray().Select(Row).ToList();
            _cached = (now, rows);
            return (rows, null, null);
        }
        catch (Exception e) when (e is CentralException or HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return (null, "FleetUnavailable", e.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static FleetRow Row(JsonElement kiosk)
    {
        JsonElement? beat = null;
        if (kiosk.TryGetProperty("lastHeartbeat", out var raw) && raw.ValueKind == JsonValueKind.String)
            beat = JsonDocument.Parse(raw.GetString()!).RootElement.Clone();
        return new FleetRow(
            kiosk.GetProperty("id").GetString()!,
            kiosk.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
            kiosk.GetProperty("status").GetString()!,
            kiosk.TryGetProperty("lastSeenAt", out var seen) && seen.ValueKind == JsonValueKind.String ? seen.GetDateTimeOffset() : null,
            kiosk.TryGetProperty("revoked", out var revoked) && revoked.GetBoolean(),
            Field(beat, "version")?.GetString(),
            Field(beat, "scannerState")?.GetString(),
            Field(beat, "queueDepth")?.GetInt32(),
            Field(beat, "diskFreeBytes")?.GetInt64());
    }

    private static JsonElement? Field(JsonElement? beat, string name) =>
        beat is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
}
