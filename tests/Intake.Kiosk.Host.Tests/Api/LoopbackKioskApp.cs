using Intake.Kiosk.Host.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Api;

/// <summary>
/// The real local web service (<see cref="KioskApp.Build"/>, its defaults) on a free loopback port for each test,
/// spoken to over HTTP through <see cref="Http"/>.
/// </summary>
public abstract class LoopbackKioskApp : IAsyncLifetime, IDisposable
{
    private WebApplication? _app;

    protected HttpClient Http { get; private set; } = new();

    /// <summary>The first address a started app listens on (port 0 asks Kestrel for a free one).</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public async Task InitializeAsync()
    {
        _app = KioskApp.Build(port: 0);
        await _app.StartAsync();
        Http.Dispose();
        Http = new HttpClient { BaseAddress = Address(_app) };
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    public void Dispose()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
    }
}
