using System.Net;
using System.Net.Sockets;
using Intake.Central;
using Intake.Central.Storage;
using Intake.Sync.Upload;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// The central service run inside `intake serve` when no --central is given, so a fresh machine has the whole flow:
/// SQLite under DATA/central-embedded, on a free loopback port, with this kiosk enrolled to it on the first start
/// (and its URL brought up to date on later ones). A kiosk enrolled with a real centre (`intake enroll`) keeps it.
/// </summary>
internal static class EmbeddedCentral
{
    public const string FolderName = "central-embedded";

    /// <summary>Null when the kiosk is enrolled with another centre; else the running central service.</summary>
    public static async Task<WebApplication?> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(dataDirectory, FolderName);
        var marker = Path.Combine(folder, "enrolled");
        var identity = KioskIdentity.Load(dataDirectory);
        if (identity is not null && !File.Exists(marker)) return null;

        var url = $"http://127.0.0.1:{FreePort()}";
        var app = CentralApp.Build(new CentralOptions { DataDirectory = folder, Urls = url });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        if (identity is null)
        {
            var token = await app.Services.GetRequiredService<CentralStore>().CreateEnrolmentTokenAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
            using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var kioskId = await CentralClient.EnrollAsync(http, token, key, Environment.MachineName, cancellationToken).ConfigureAwait(false);
            new KioskIdentity(http.BaseAddress.ToString(), kioskId, Convert.ToBase64String(key.ExportPkcs8PrivateKey())).Save(dataDirectory);
            await File.WriteAllTextAsync(marker, kioskId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (identity with { CentralUrl = new Uri(url).ToString() }).Save(dataDirectory);
        }
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
