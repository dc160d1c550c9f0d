using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Intake.Kiosk.Host.Api;
using Intake.Kiosk.Host.Staff.Auth;
using Intake.Kiosk.Host.Staff.Desk;

namespace Intake.Kiosk.Host.Tests.Staff;

/// <summary>
/// The real kiosk host on a free loopback port with a throw-away data folder, its roster holding a staff member
/// (<see cref="StaffName"/>, <see cref="StaffPin"/>) and a technician. <see cref="Client"/> makes an HTTP client with
/// its own cookie jar, as a browser would be.
/// </summary>
public sealed class StaffHost : IAsyncDisposable
{
    public const string StaffName = "Lê Thị Hoa";
    public const string StaffPin = "246810";
    public const string TechnicianName = "Trần Văn Kỹ";
    public const string TechnicianPin = "975310";

    private readonly DirectoryInfo _folder;

    private StaffHost(DirectoryInfo folder, WebApplication app, Uri address, StaffDeskOptions options)
    {
        _folder = folder;
        App = app;
        Address = address;
        Options = options;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public StaffDeskOptions Options { get; }

    public string DataDirectory => Options.Store.DataDirectory;

    public StaffDirectory Roster => App.Services.GetRequiredService<StaffDirectory>();

    public static async Task<StaffHost> StartAsync(Func<StaffDeskOptions, StaffDeskOptions>? configure = null, Action<ILoggingBuilder>? logging = null)
    {
        var folder = Directory.CreateTempSubdirectory("intake-staff-test-");
        var options = StaffDeskOptions.ForData(Path.Combine(folder.FullName, "data")) with { KioskCode = "K14", Workers = 1 };
        options = configure?.Invoke(options) ?? options;
        var roster = new StaffDirectory(options.Store);
        roster.Add(StaffName, StaffRoles.Staff, StaffPin);
        roster.Add(TechnicianName, StaffRoles.Technician, TechnicianPin);
        var app = KioskApp.Build(port: 0, staff: options, logging: logging);
        await app.StartAsync();
        return new StaffHost(folder, app, Api.LoopbackKioskApp.Address(app), options);
    }

    /// <summary>A client with its own cookies, not following redirects (a test wants to see the 302).</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };

    /// <summary>Signs <paramref name="client"/> in and returns the antiforgery token bound to the member.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string name = StaffName, string pin = StaffPin)
    {
        using var response = await PostSignInAsync(client, name, pin);
        response.EnsureSuccessStatusCode();
        var session = await client.GetFromJsonAsync<JsonElement>("/staff/api/session");
        return session.GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string name, string pin)
    {
        var token = await AnonymousTokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/staff/api/signin") { Content = JsonContent.Create(new { name, pin }) };
        request.Headers.Add(StaffAuth.AntiforgeryHeader, token);
        return await client.SendAsync(request);
    }

    public static async Task<string> AnonymousTokenAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/staff/api/antiforgery")).GetProperty("token").GetString()!;

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Add(StaffAuth.AntiforgeryHeader, token);
        return await client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
