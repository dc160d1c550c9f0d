using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Intake.Kiosk.Host.Api;
using Intake.Kiosk.Host.Hardware.Gpio;
using Intake.Kiosk.Host.Session;
using Intake.Kiosk.Host.Staff.Desk;
using Intake.Kiosk.Host.Tests.Api;
using Intake.Kiosk.Host.Tests.Browser;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Session;

/// <summary>
/// Paper placed on the sensor scans for the session waiting on its scan screen (Session/PaperStartsScan.cs), through the
/// real `intake serve` host (replayed sample pages, no GPIO chip here: the sensor's change is given to the host's
/// <see cref="StatusMachine"/> as the GPIO panel gives it); on the procedure screen it does nothing.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PaperStartsScanTests : IAsyncLifetime, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-paper-scan-test-");
    private CitizenKiosk? _citizen;
    private WebApplication? _app;
    private HttpClient _http = new();

    private StatusMachine Sensor => _app!.Services.GetRequiredService<StatusLight>().Machine;

    public async Task InitializeAsync()
    {
        var data = Path.Combine(_folder.FullName, "data");
        // a centre that is never called: nothing here delivers
        _citizen = await CitizenKiosk.StartAsync(new KioskServeOptions(data, "http://127.0.0.1:9/", "replay:" + BundledSamples.Folder, TimeSpan.FromMinutes(5), "K14"), TextWriter.Null, CancellationToken.None);
        _app = KioskApp.Build(port: 0, staff: StaffDeskOptions.ForData(data) with { HeldStore = _citizen.Store, KioskCode = "K14" }, citizen: _citizen);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = LoopbackKioskApp.Address(_app), Timeout = TimeSpan.FromMinutes(3) };
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_citizen is not null) await _citizen.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Paper_on_the_scan_screen_scans_a_page_that_shows_on_the_event_stream()
    {
        var id = await StartAsync(new { procedure = "1.001193" });
        using var stream = new StreamReader(await _http.GetStreamAsync($"/api/session/{id}/events"));

        Sensor.Paper(true);

        var states = new List<string>();
        while (states.LastOrDefault() is not ("recognised" or "failed") && await stream.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            var page = JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("page");
            page.GetProperty("number").GetInt32().Should().Be(1);
            var state = page.GetProperty("state").GetString()!;
            if (states.LastOrDefault() != state) states.Add(state);
        }
        states.Should().Equal("received", "cleaning", "reading", "recognised");
        (await Pages(id)).Should().Be(1);
    }

    [Fact]
    public async Task Paper_on_the_procedure_screen_or_after_cancel_does_nothing()
    {
        Sensor.Paper(true); // no session at all
        Sensor.Paper(false);
        var id = await StartAsync(new { });
        Sensor.Paper(true); // a session, no procedure chosen yet
        await Task.Delay(TimeSpan.FromSeconds(2)); // a replayed scan is added well within this
        (await Pages(id)).Should().Be(0);
        Sensor.Paper(false);

        (await _http.PostAsJsonAsync($"/api/session/{id}/procedure", new { procedure = "1.001193" })).EnsureSuccessStatusCode();
        (await _http.DeleteAsync($"/api/session/{id}?reason=cancelled")).EnsureSuccessStatusCode();
        Sensor.Paper(true); // the session was cancelled
        await Task.Delay(TimeSpan.FromSeconds(2));
        var next = await StartAsync(new { procedure = "1.001193" });
        (await Pages(next)).Should().Be(0, "paper placed while no session waited is not scanned later");
    }

    private async Task<string> StartAsync(object body)
    {
        var created = await _http.PostAsJsonAsync("/api/session", body);
        created.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<int> Pages(string id) =>
        (await _http.GetFromJsonAsync<JsonElement>($"/api/session/{id}")).GetProperty("pages").GetArrayLength();
}
