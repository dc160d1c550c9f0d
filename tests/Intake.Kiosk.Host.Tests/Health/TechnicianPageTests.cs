using System.Net;
using FluentAssertions;
using Intake.Kiosk.Host.Cli;
using Intake.Kiosk.Host.Health;
using Intake.Kiosk.Host.Tests.Cli;
using Intake.Kiosk.Host.Tests.Staff;
using Intake.Sync.Protocol;
using Intake.Sync.Upload;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Health;

/// <summary>
/// /technician on the real host: signed-in technicians only (policy "Technician" of the staff sign-in), this kiosk's
/// checks and figures, and the fleet read from a real centre (`intake central serve`) with the kiosk's signed request.
/// </summary>
public sealed class TechnicianPageTests : IAsyncLifetime
{
    private StaffHost _host = null!;

    public async Task InitializeAsync() => _host = await StaffHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Without_a_technician_sign_in_the_page_is_refused()
    {
        using var anonymous = _host.Client();
        using (var response = await anonymous.GetAsync(new Uri("/technician", UriKind.Relative)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, "a page asked for without a cookie gets the sign-in page");
            response.Headers.Location!.OriginalString.Should().Contain("/staff/signin");
        }

        using var staff = _host.Client();
        await StaffHost.SignInAsync(staff);
        using (var response = await staff.GetAsync(new Uri("/technician", UriKind.Relative)))
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a desk member is not a technician");
    }

    [Fact]
    public async Task A_technician_sees_this_kiosk_and_the_fleet_with_its_heartbeat()
    {
        var central = Directory.CreateTempSubdirectory("intake-tech-central-").FullName;
        using var stop = new CancellationTokenSource();
        var (serve, url) = await CentralServe.StartAsync(central, stop.Token);
        try
        {
            var token = await CliRun.Of("central", "token", "--data", central);
            (await CliRun.Of("enroll", "--central", url, "--token", token.Output.Trim(), "--data", _host.DataDirectory)).ExitCode.Should().Be(0);
            // The heartbeat as the delivery loop sends it, its scanner state from the device watch's last probe.
            var identity = KioskIdentity.Load(_host.DataDirectory)!;
            using (var key = identity.OpenKey())
            using (var http = new HttpClient { BaseAddress = new Uri(identity.CentralUrl) })
            {
                var vitals = new KioskVitals { Scanner = new ScannerState("ready", "test:0", null) };
                await new CentralClient(http, identity.KioskId, key).HeartbeatAsync(
                    new Heartbeat("1.0", 3, 42, 5L << 30, SyncVerb.ScannerStateForHeartbeat(vitals)), CancellationToken.None);
            }

            using var technician = _host.Client();
            await StaffHost.SignInAsync(technician, StaffHost.TechnicianName, StaffHost.TechnicianPin);
            using var response = await technician.GetAsync(new Uri("/technician", UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            var page = await response.Content.ReadAsStringAsync();

            page.Should().Contain("<html lang=\"vi\">").And.Contain("Kỹ thuật viên: tình trạng ki-ốt <small lang=\"en\">Technician: kiosk health</small>");
            foreach (var check in new[] { "scanner", "camera", "store", "disk", "outbox", "central", "gpio", "printer" })
                page.Should().Contain($"data-check=\"{check}\"");
            page.Should().Contain("Trung tâm trả lời / the centre answers").And.Contain("Unable to find a chip");
            page.Should().Contain("Trang đã đọc <small lang=\"en\">Pages read</small>").And.Contain("Đèn trạng thái");
            page.Should().Contain($"data-kiosk=\"{identity.KioskId}\"");
            var row = page[page.IndexOf($"data-kiosk=\"{identity.KioskId}\"", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            row.Should().Contain("● green").And.Contain("<td>ready</td>").And.Contain("<td>3</td>").And.Contain("5.0 GiB").And.Contain("1.0");
        }
        finally
        {
            await stop.CancelAsync();
            await serve;
            Directory.Delete(central, recursive: true);
        }
    }
}
