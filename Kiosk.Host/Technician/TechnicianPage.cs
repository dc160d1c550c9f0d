using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Intake.Kiosk.Host.Hardware.Gpio;
using Intake.Kiosk.Host.Health;
using Intake.Kiosk.Host.Metrics;
using Intake.Kiosk.Host.Staff.Auth;
using Intake.Pipeline.Reports;

namespace Intake.Kiosk.Host.Technician;

/// <summary>
/// GET /technician: this kiosk's readiness and figures (the same sources as /readyz and /metrics) and the fleet from the
/// centre, at a glance, Vietnamese first. Signed-in technicians only (policy "Technician", Kiosk.Host/Staff/Auth).
/// Refreshes itself every 30 s. Shows no personal data: codes, counts, device names.
/// </summary>
internal static class TechnicianPage
{
    public const string Path = "/technician";

    public static void Map(WebApplication app) =>
        app.MapGet(Path, async (ReadinessProbe readiness, KioskMetrics metrics, StatusLight light, KioskVitals vitals, KioskDataFolder data, FleetSource fleet, CancellationToken token) =>
        {
            var ready = await readiness.CheckAsync(token).ConfigureAwait(false);
            var kiosks = await fleet.ReadAsync(token).ConfigureAwait(false);
            return Results.Content(Render(ready, Figures(metrics, light, vitals, data), kiosks), "text/html; charset=utf-8");
        }).RequireAuthorization(StaffRoles.TechnicianPolicy);

    /// <summary>The figures block: label key and value, in the order shown.</summary>
    public static IReadOnlyList<(string Key, string Value)> Figures(KioskMetrics metrics, StatusLight light, KioskVitals vitals, KioskDataFolder data)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(light);
        ArgumentNullException.ThrowIfNull(vitals);
        var c = CultureInfo.InvariantCulture;
        var outbox = vitals.ReadOutbox(DateTimeOffset.UtcNow);
        var temperatures = new ThermalZones().Read();
        return
        [
            ("Light", light.Machine.Light switch { KioskLight.Ready => Both("LightReady"), KioskLight.Busy => Both("LightBusy"), _ => Both("LightError") }
                      + (light.Machine.Error is { } error ? " — " + error : "")),
            ("Paper", Both(light.Machine.PaperPresent ? "Yes" : "No")),
            ("PagesRead", metrics.PagesRead.ToString(c)),
            ("PagesFailed", metrics.PagesFailed.ToString(c)),
            ("OcrConfidence", metrics.LastConfidence is { } conf ? conf.ToString("P0", c) : Both("None")),
            ("QueueDepth", PipelineActivity.PagesInFlight.ToString(c)),
            ("OutboxBacklog", outbox is { } o ? o.Backlog.ToString(c) : "—"),
            ("OutboxOldest", outbox is { OldestAgeSeconds: { } age } ? TimeSpan.FromSeconds(Math.Round(age)).ToString("c", c) : "—"),
            ("SyncFailures", vitals.SyncFailures.ToString(c)),
            ("ScannerErrors", vitals.ScannerErrors.Count == 0 ? "0" : string.Join(", ", vitals.ScannerErrors.Select(e => $"{e.Key}: {e.Value}"))),
            ("DiskFree", DiskSpace.FreeBytes(data.Path) is { } free ? (free / (1024.0 * 1024 * 1024)).ToString("0.0", c) + " GiB" : "—"),
            ("Temperature", temperatures.Count == 0 ? Both("None") : string.Join(", ", temperatures.Select(t => $"{t.Type} {t.Celsius.ToString("0.0", c)} °C"))),
        ];
    }

    public static string Render(Readiness readiness, IReadOnlyList<(string Key, string Value)> figures, (IReadOnlyList<FleetRow>? Rows, string? ProblemKey, string? Detail) fleet)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(figures);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"30\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(E(TechnicianText.Vietnamese("Title"))).Append("</title>")
            .Append("<style>body{font-family:'DejaVu Sans',sans-serif;margin:1.5rem;color:#222}h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.5rem}")
            .Append("small[lang=en]{color:#666;font-weight:normal}table{border-collapse:collapse;min-width:40rem}td,th{border-bottom:1px solid #ddd;padding:.35rem .6rem;text-align:left;vertical-align:top}")
            .Append(".ok{color:#11772d;font-weight:bold}.bad{color:#b00020;font-weight:bold}.info{color:#8a5a00}.banner{display:inline-block;padding:.4rem .9rem;border-radius:.3rem;color:#fff}")
            .Append(".banner.ok{background:#11772d}.banner.bad{background:#b00020}.banner small{color:#eee}.green{color:#11772d}.amber{color:#8a5a00}.red{color:#b00020}</style></head><body>");
        html.Append("<h1>").Append(Label("Title")).Append("</h1>");

        html.Append("<h2>").Append(Label("ThisKiosk")).Append("</h2>");
        html.Append("<p id=\"readiness\" class=\"banner ").Append(readiness.Ready ? "ok\">" : "bad\">").Append(Label(readiness.Ready ? "Ready" : "NotReady"))
            .Append("</p> <small>").Append(Label("CheckedAt")).Append(' ').Append(E(readiness.CheckedAt.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture))).Append("</small>");
        html.Append("<table id=\"checks\"><tr><th>").Append(Label("Check")).Append("</th><th>").Append(Label("Result")).Append("</th><th>").Append(Label("Detail")).Append("</th></tr>");
        foreach (var check in readiness.Checks)
        {
            var css = check.Ok ? "ok" : check.Required ? "bad" : "info";
            html.Append("<tr data-check=\"").Append(E(check.Name)).Append("\"><td>").Append(E(check.Name)).Append("</td><td class=\"").Append(css).Append("\">")
                .Append(Label(check.Ok ? "Ok" : "Failed"));
            if (!check.Required) html.Append(" <small>(").Append(E(Both("Informational"))).Append(")</small>");
            html.Append("</td><td>").Append(E(check.Detail)).Append("</td></tr>");
        }
        html.Append("</table>");

        html.Append("<h2>").Append(Label("Metrics")).Append("</h2><table id=\"figures\">");
        foreach (var (key, value) in figures) html.Append("<tr><th>").Append(Label(key)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
        html.Append("</table>");

        html.Append("<h2>").Append(Label("Fleet")).Append("</h2>");
        if (fleet.Rows is null)
        {
            html.Append("<p id=\"fleet-problem\" class=\"info\">").Append(Label(fleet.ProblemKey ?? "FleetUnavailable"));
            if (fleet.Detail is { } detail) html.Append(": ").Append(E(detail));
            html.Append("</p>");
        }
        else
        {
            html.Append("<table id=\"fleet\"><tr><th>").Append(Label("Kiosk")).Append("</th><th>").Append(Label("Status")).Append("</th><th>").Append(Label("LastSeen"))
                .Append("</th><th>").Append(Label("Scanner")).Append("</th><th>").Append(Label("OutboxBacklog")).Append("</th><th>").Append(Label("DiskFree"))
                .Append("</th><th>").Append(Label("Version")).Append("</th></tr>");
            foreach (var kiosk in fleet.Rows)
            {
                html.Append("<tr data-kiosk=\"").Append(E(kiosk.Id)).Append("\"><td>").Append(E(kiosk.Name ?? kiosk.Id)).Append("<br><small>").Append(E(kiosk.Id)).Append("</small></td>")
                    .Append("<td class=\"").Append(E(kiosk.Status)).Append("\">● ").Append(E(kiosk.Status)).Append(kiosk.Revoked ? " (" + E(Both("Revoked")) + ")" : "").Append("</td>")
                    .Append("<td>").Append(kiosk.LastSeenAt is { } seen ? E(seen.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)) : E(Both("Never"))).Append("</td>")
                    .Append("<td>").Append(E(kiosk.ScannerState ?? "—")).Append("</td>")
                    .Append("<td>").Append(kiosk.QueueDepth?.ToString(CultureInfo.InvariantCulture) ?? "—").Append("</td>")
                    .Append("<td>").Append(kiosk.DiskFreeBytes is { } d ? (d / (1024.0 * 1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB" : "—").Append("</td>")
                    .Append("<td>").Append(E(kiosk.Version ?? "—")).Append("</td></tr>");
            }
            html.Append("</table>");
        }
        return html.Append("</body></html>").ToString();
    }

    /// <summary>A label: Vietnamese, then the English beneath it in a smaller, grey, lang="en" span.</summary>
    private static string Label(string key) =>
        $"{E(TechnicianText.Vietnamese(key))} <small lang=\"en\">{E(TechnicianText.InEnglish(key))}</small>";

    private static string Both(string key) => $"{TechnicianText.Vietnamese(key)} / {TechnicianText.InEnglish(key)}";

    // Every Unicode letter as itself (Vietnamese stays readable in the source); only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Html.Encode(text);
}
