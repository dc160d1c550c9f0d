using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Intake.Dossiers;
using Intake.Dossiers.Tests.Fixtures;
using Intake.Sync.Store;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Staff;

/// <summary>
/// The desk's API over real HTTP: a batch from the replay scanner (ADF) goes through the one dossier path into the
/// store; the review queue names it; a correction makes the field manual and lands in the sealed correction log;
/// hostile requests to the desk's endpoints change nothing.
/// </summary>
public sealed class StaffDeskApiTests(ITestOutputHelper log) : IAsyncLifetime
{
    private readonly DirectoryInfo _scans = Directory.CreateTempSubdirectory("intake-desk-scans-");
    private StaffHost _host = null!;

    public async Task InitializeAsync() => _host = await StaffHost.StartAsync(o => o with { ReplayFolder = _scans.FullName });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scans.Delete(recursive: true);
    }

    [Fact]
    public async Task A_batch_is_scanned_reviewed_and_corrected_and_hostile_requests_change_nothing()
    {
        var citizen = SyntheticCitizen.Create(1414);
        var batch = DeskBatch.Write(Path.Combine(_scans.FullName, "batch"), citizen);
        using var client = _host.Client();
        var token = await StaffHost.SignInAsync(client);

        using var scan = await StaffHost.PostAsync(client, "/staff/api/scans", new { device = "replay:" + batch, source = "adf" }, token);
        var scanned = await scan.Content.ReadFromJsonAsync<JsonElement>();
        log.WriteLine(scanned.ToString());
        scan.StatusCode.Should().Be(HttpStatusCode.OK);
        var code = scanned.GetProperty("code").GetString()!;
        scanned.GetProperty("pages").GetInt32().Should().Be(2);

        var dossier = await client.GetFromJsonAsync<JsonElement>($"/staff/api/dossiers/{code}");
        log.WriteLine(dossier.ToString());
        var fields = dossier.GetProperty("fields").EnumerateArray().ToArray();
        fields.Should().Contain(f => f.GetProperty("name").GetString() == FieldNames.IdNumber && f.GetProperty("value").GetString() == citizen.IdNumber);

        // a scan of anything outside the replay folder is refused
        using (var outside = await StaffHost.PostAsync(client, "/staff/api/scans", new { device = "replay:/etc", source = "adf" }, token))
            outside.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var version = dossier.GetProperty("version").GetInt32();
        var storeBefore = Snapshot();
        using var anonymous = _host.Client();
        var anonymousToken = await StaffHost.AnonymousTokenAsync(anonymous);
        var correction = new { value = "NGUYỄN VĂN GIẢ MẠO", version };
        var path = $"/staff/api/dossiers/{code}/fields/{FieldNames.FullName}";
        (await StaffHost.PostAsync(anonymous, path, correction, anonymousToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(new Uri($"/staff/api/dossiers/{code}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(new Uri("/staff/api/review", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await StaffHost.PostAsync(client, path, correction, null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StaffHost.PostAsync(client, path, correction, anonymousToken)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using (var forged = _host.Client(ForgedJar()))
            (await StaffHost.PostAsync(forged, path, correction, token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        Snapshot().Should().Equal(storeBefore, "no hostile request changed the store");

        // a real correction: the field becomes manual, and the log says who, when, old and new
        var old = fields.Single(f => f.GetProperty("name").GetString() == FieldNames.FullName).GetProperty("value").GetString();
        var newName = citizen.FullName.ToUpperInvariant();
        using var corrected = await StaffHost.PostAsync(client, path, new { value = newName, version }, token);
        corrected.StatusCode.Should().Be(HttpStatusCode.OK);
        using (var stale = await StaffHost.PostAsync(client, path, new { value = "X", version }, token))
            stale.StatusCode.Should().Be(HttpStatusCode.Conflict, "the reviewer saw an older version");
        using var store = DossierStore.Open(_host.Options.Store with { LockWait = TimeSpan.FromSeconds(30) });
        var json = store.ReadJson(code);
        var readBack = Intake.Dossiers.Package.DossierJsonReader.Read(json);
        Intake.Dossiers.Package.DossierJson.Write(readBack.Dossier, readBack.DocumentFiles, readBack.DossierFile).Should().Equal(json, "dossier.json reads back to the same bytes");
        var stored = readBack.Dossier;
        stored.Version.Should().Be(version + 1);
        stored.Applicant.FullName!.Source.Should().Be(FieldSource.Manual);
        stored.Corrections.Should().ContainSingle().Which.Should().Match<Correction>(c =>
            c.FieldName == FieldNames.FullName && c.OldValue == old && c.NewValue == newName && c.Operator == StaffHost.StaffName);
        store.Export(code, Path.Combine(_scans.FullName, "export")).Should().Contain(p => p.EndsWith("page-002.jpg", StringComparison.Ordinal), "the new version keeps the page images");

        // the correction log is sealed with the rest: no file of the data folder holds a value, the reviewer or the old name in clear
        foreach (var file in Directory.EnumerateFiles(_host.DataDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in new[] { newName, old!, citizen.IdNumber, StaffHost.StaffName, citizen.PlaceOfOrigin })
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)).Should().Be(-1, $"{Path.GetFileName(file)} must not hold '{secret}'");
        }
    }

    private CookieContainer ForgedJar()
    {
        var jar = new CookieContainer();
        jar.Add(_host.Address, new Cookie(Intake.Kiosk.Host.Staff.Auth.StaffAuth.CookieName, "CfDJ8" + new string('A', 300)));
        return jar;
    }

    /// <summary>Every file of the data folder but the roster and the cookie keys, with its bytes' hash.</summary>
    private Dictionary<string, string> Snapshot() => Directory.EnumerateFiles(_host.DataDirectory, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains("staff", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal))
        .ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
