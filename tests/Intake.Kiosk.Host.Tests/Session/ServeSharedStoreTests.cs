using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Intake.Kiosk.Host.Staff.Auth;
using Intake.Kiosk.Host.Tests.Browser;
using Intake.Kiosk.Host.Tests.Staff;
using Intake.Sync.Store;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Session;

/// <summary>
/// `intake serve` holds the kiosk's store once for its life (sessions commit to it, delivery reads it): the staff
/// desk in the same service must use that store, not wait for its lock. A citizen's dossier committed through the
/// session API is in the desk's review queue at once, and a desk correction is committed while serve runs.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ServeSharedStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-serve-store-test-");

    [Fact]
    public async Task The_desk_reads_and_corrects_the_dossier_a_citizen_committed_while_serve_holds_the_store()
    {
        var data = Path.Combine(_folder.FullName, "data");
        // the samples named, not "auto": a SANE lookup here would initialise libsane in the test process before the
        // SANE tests' fixture points it at the test backend (libsane reads its configuration once)
        await using var kiosk = await KioskBrowser.StartAsync(data, "--scanner", "replay:" + BundledSamples.Folder);
        new StaffDirectory(new StoreOptions(data)).Add(StaffHost.StaffName, StaffRoles.Staff, StaffHost.StaffPin);
        using var citizen = new HttpClient { BaseAddress = new Uri(kiosk.Url), Timeout = TimeSpan.FromMinutes(3) };
        var created = await citizen.PostAsJsonAsync("/api/session", new { procedure = "1.001193" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        for (var n = 0; n < 4; n++) (await citizen.PostAsync($"/api/session/{id}/scan", null)).EnsureSuccessStatusCode();
        await citizen.GetStringAsync($"/api/session/{id}/review");
        var receipt = JsonDocument.Parse(await (await citizen.PostAsync($"/api/session/{id}/confirm", null)).Content.ReadAsStringAsync()).RootElement;
        var code = receipt.GetProperty("code").GetString()!;

        using var desk = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(kiosk.Url),
            Timeout = TimeSpan.FromSeconds(20), // the store's lock wait is 30 s: a desk that waits for it fails here
        };
        var token = await StaffHost.SignInAsync(desk);
        var dossier = await desk.GetFromJsonAsync<JsonElement>($"/staff/api/dossiers/{code}");
        var version = dossier.GetProperty("version").GetInt32();
        using var corrected = await StaffHost.PostAsync(desk, $"/staff/api/dossiers/{code}/fields/fullName",
            new { value = "NGUYỄN VĂN MẪU", version }, token);
        corrected.StatusCode.Should().Be(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        (await desk.GetFromJsonAsync<JsonElement>($"/staff/api/dossiers/{code}")).GetProperty("version").GetInt32().Should().Be(version + 1);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
