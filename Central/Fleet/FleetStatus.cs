using Intake.Central.Storage;

namespace Intake.Central.Fleet;

/// <summary>One kiosk as the fleet view shows it: green when heard from within 2 minutes, amber within 24 hours, red after (or never).</summary>
public sealed record FleetKiosk(string Id, string? Name, string Status, DateTimeOffset? LastSeenAt, bool Revoked, string? LastHeartbeat)
{
    public static readonly TimeSpan Green = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Amber = TimeSpan.FromHours(24);

    public static string StatusOf(long? lastSeenAtMs, DateTimeOffset now)
    {
        if (lastSeenAtMs is not { } seen) return "red";
        var age = now - DateTimeOffset.FromUnixTimeMilliseconds(seen);
        return age <= Green ? "green" : age <= Amber ? "amber" : "red";
    }

    public static FleetKiosk From(KioskRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new FleetKiosk(row.Id, row.Name, StatusOf(row.LastSeenAt, now),
            row.LastSeenAt is { } seen ? DateTimeOffset.FromUnixTimeMilliseconds(seen) : null, row.RevokedAt is not null, row.LastHeartbeat);
    }
}
