using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Intake.Kiosk.Host.Cli;
using Intake.Kiosk.Host.Staff.Auth;
using Intake.Sync.Store;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Staff;

/// <summary>
/// Issue 14, staff sign-in over real HTTP against the real host: PBKDF2 hashes in a sealed roster, the cookie's
/// flags, the lock-out after 5 wrong PINs, the sign-in rate limit, and hostile requests (no cookie, wrong role, no
/// antiforgery token, a forged cookie) answered 401/403 with nothing changed.
/// </summary>
public sealed class StaffAuthTests : IAsyncLifetime
{
    private StaffHost _host = null!;

    public async Task InitializeAsync() => _host = await StaffHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void The_roster_keeps_PBKDF2_hashes_sealed_never_a_PIN_or_a_name_in_clear()
    {
        var member = _host.Roster.Find(StaffHost.StaffName)!;
        member.Iterations.Should().BeGreaterThanOrEqualTo(100_000);
        member.Salt.Should().HaveCount(16);
        member.Salt.Should().NotEqual(_host.Roster.Find(StaffHost.TechnicianName)!.Salt, "every member has a salt of their own");
        var file = File.ReadAllBytes(Path.Combine(_host.DataDirectory, StaffDirectory.FileName));
        foreach (var secret in new[] { StaffHost.StaffPin, StaffHost.StaffName, "Hoa", StaffRoles.Technician })
            file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)).Should().Be(-1, $"the roster file must not hold '{secret}'");
        PinHash.Verify(StaffHost.StaffPin, member.Salt, member.Hash, member.Iterations).Should().BeTrue();
    }

    [Fact]
    public async Task A_member_signs_in_with_an_HttpOnly_SameSite_Strict_cookie()
    {
        using var client = _host.Client();
        using var response = await StaffHost.PostSignInAsync(client, "  lê thị hoa ", StaffHost.StaffPin);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffAuth.CookieName + "=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/");
        var session = await client.GetFromJsonAsync<JsonElement>("/staff/api/session");
        session.GetProperty("name").GetString().Should().Be(StaffHost.StaffName);
        session.GetProperty("role").GetString().Should().Be(StaffRoles.Staff);
        (await client.GetAsync(new Uri("/staff", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_cookie_key_ring_is_sealed_and_a_restarted_host_keeps_the_session()
    {
        var jar = new CookieContainer();
        using (var client = _host.Client(jar))
            await StaffHost.SignInAsync(client);
        var ring = Directory.GetFiles(Path.Combine(_host.DataDirectory, "staff-keys"), "*.xml");
        ring.Should().NotBeEmpty();
        foreach (var file in ring)
            File.ReadAllText(file).Should().Contain("sealedWithStoreKey").And.NotContain("<masterKey", "the key itself is sealed with the store's key");

        await using var restarted = Intake.Kiosk.Host.Api.KioskApp.Build(port: 0, staff: _host.Options);
        await restarted.StartAsync();
        using var again = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = Api.LoopbackKioskApp.Address(restarted) };
        var session = await again.GetFromJsonAsync<JsonElement>("/staff/api/session");
        session.GetProperty("name").GetString().Should().Be(StaffHost.StaffName);
    }

    [Fact]
    public async Task Five_wrong_PINs_lock_the_account_until_a_technician_unlocks_it()
    {
        using var client = _host.Client();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await StaffHost.PostSignInAsync(client, StaffHost.StaffName, "000000");
            wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await wrong.Content.ReadAsStringAsync()).Should().Contain($"còn {5 - attempt} lần");
        }

        using (var fifth = await StaffHost.PostSignInAsync(client, StaffHost.StaffName, "111111"))
            fifth.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using (var right = await StaffHost.PostSignInAsync(client, StaffHost.StaffName, StaffHost.StaffPin))
        {
            right.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the right PIN does not open a locked account");
            (await right.Content.ReadAsStringAsync()).Should().Contain("bị khóa").And.Contain("locked");
        }

        _host.Roster.Find(StaffHost.StaffName)!.Locked.Should().BeTrue();
        (await client.GetAsync(new Uri("/staff/api/session", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // a staff member cannot unlock anyone; a technician can
        using var colleague = _host.Client();
        (await StaffHost.PostSignInAsync(colleague, StaffHost.TechnicianName, "999999")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var technicianToken = await StaffHost.SignInAsync(colleague, StaffHost.TechnicianName, StaffHost.TechnicianPin);
        (await StaffHost.PostAsync(colleague, "/staff/api/roster/unlock", new { name = StaffHost.StaffName }, technicianToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await StaffHost.SignInAsync(client)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        await using var host = await StaffHost.StartAsync(o => o with { SignInPermitsPerMinute = 3 });
        using var client = host.Client();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await StaffHost.PostSignInAsync(client, "Không Có Ai", "123456");
            codes.Add(response.StatusCode);
        }

        codes.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Hostile_requests_get_401_or_403_and_change_nothing()
    {
        var before = File.ReadAllBytes(Path.Combine(_host.DataDirectory, StaffDirectory.FileName));

        // no cookie: the API says 401, a page sends to the sign-in page
        using var anonymous = _host.Client();
        (await anonymous.GetAsync(new Uri("/staff/api/roster", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var token = await StaffHost.AnonymousTokenAsync(anonymous);
        (await StaffHost.PostAsync(anonymous, "/staff/api/roster/unlock", new { name = StaffHost.StaffName }, token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var page = await anonymous.GetAsync(new Uri("/staff", UriKind.Relative));
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.AbsolutePath.Should().Be("/staff/signin");

        // the wrong role: a staff member on the technician's endpoints
        using var staff = _host.Client();
        var staffToken = await StaffHost.SignInAsync(staff);
        (await staff.GetAsync(new Uri("/staff/api/roster", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StaffHost.PostAsync(staff, "/staff/api/roster/unlock", new { name = StaffHost.TechnicianName }, staffToken)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // no antiforgery token, or another session's token: 403 before the endpoint runs
        var technicianJar = new CookieContainer();
        using var technician = _host.Client(technicianJar);
        var technicianToken = await StaffHost.SignInAsync(technician, StaffHost.TechnicianName, StaffHost.TechnicianPin);
        (await StaffHost.PostAsync(technician, "/staff/api/roster/unlock", new { name = StaffHost.StaffName }, null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StaffHost.PostAsync(technician, "/staff/api/roster/unlock", new { name = StaffHost.StaffName }, staffToken)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StaffHost.PostAsync(technician, "/staff/api/signin", new { name = StaffHost.StaffName, pin = "000000" }, null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // a forged cookie: made up, or a real one with one character changed
        var real = technicianJar.GetCookies(_host.Address)[StaffAuth.CookieName]!.Value;
        foreach (var forged in new[] { "CfDJ8forged", Tampered(real) })
        {
            using var forger = _host.Client(Jar(forged));
            (await forger.GetAsync(new Uri("/staff/api/session", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await forger.GetAsync(new Uri("/staff/api/roster", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        File.ReadAllBytes(Path.Combine(_host.DataDirectory, StaffDirectory.FileName)).Should().Equal(before, "no hostile request changed the roster");
        technicianToken.Should().NotBeEmpty();
    }

    private CookieContainer Jar(string staffCookie)
    {
        var jar = new CookieContainer();
        jar.Add(_host.Address, new Cookie(StaffAuth.CookieName, staffCookie));
        return jar;
    }

    private static string Tampered(string cookie)
    {
        var middle = cookie.Length / 2;
        return cookie[..middle] + (cookie[middle] == 'A' ? 'B' : 'A') + cookie[(middle + 1)..];
    }

    [Fact]
    public async Task The_cli_adds_a_member_with_the_PIN_from_standard_input()
    {
        var data = Path.Combine(_host.DataDirectory, "..", "cli-data");
        var (code, output, error) = await Staff(new StringReader("135792\n"), "add", "--name", "Phạm Minh Tuấn", "--role", "technician", "--data", data);
        code.Should().Be(0, error);
        output.Should().Contain("Phạm Minh Tuấn");
        (await Staff(new StringReader("12\n"), "add", "--name", "Ngô Bảo", "--data", data)).Error.Should().Contain("6 đến 12 chữ số").And.Contain("6 to 12 digits");
        (await Staff(new StringReader("135792\n"), "add", "--name", "phạm minh tuấn", "--data", data)).Code.Should().Be(IntakeCli.UsageError);
        new StaffDirectory(new StoreOptions(data)).SignIn("Phạm Minh Tuấn", "135792").Outcome.Should().Be(SignInOutcome.SignedIn);
        (await Staff(TextReader.Null, "list", "--data", data)).Output.Should().Contain("Phạm Minh Tuấn\ttechnician");
    }

    private static async Task<(int Code, string Output, string Error)> Staff(TextReader input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await StaffVerb.Create(output, error, input).Parse(args).InvokeAsync();
        return (code, output.ToString(), error.ToString());
    }
}
