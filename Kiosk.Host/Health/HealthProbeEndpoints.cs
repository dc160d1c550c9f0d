using Intake.Kiosk.Host.Metrics;
using Prometheus;

namespace Intake.Kiosk.Host.Health;

/// <summary>
/// GET /healthz (the process answers: 200 "alive"), GET /readyz (200 ready or 503 with the reasons, Vietnamese / English,
/// and every check) and GET /metrics (Prometheus text format). No sign-in: the service listens on 127.0.0.1 only, so
/// these are reached by the kiosk's own systemd watchdog and Prometheus agent, or by a technician through an SSH tunnel;
/// they carry no personal data and change nothing. The technician page, which shows the fleet too, requires sign-in.
/// </summary>
internal static class HealthProbeEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Json(new { status = "alive", message = "Đang chạy / alive" }));
        app.MapGet("/readyz", async (ReadinessProbe probe, CancellationToken token) =>
        {
            var readiness = await probe.CheckAsync(token).ConfigureAwait(false);
            return Results.Json(new
            {
                status = readiness.Ready ? "ready" : "not ready",
                message = readiness.Ready ? "Sẵn sàng / ready" : "Chưa sẵn sàng / not ready: " + string.Join("; ", readiness.Reasons),
                reasons = readiness.Reasons,
                checkedAt = readiness.CheckedAt,
                checks = readiness.Checks.Select(c => new { name = c.Name, ok = c.Ok, required = c.Required, detail = c.Detail }),
            }, statusCode: readiness.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapMetrics("/metrics", app.Services.GetRequiredService<KioskMetrics>().Registry);
    }
}
