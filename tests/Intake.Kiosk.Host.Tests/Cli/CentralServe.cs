using System.Net;
using System.Net.Sockets;
using Intake.Kiosk.Host.Cli;

namespace Intake.Kiosk.Host.Tests.Cli;

/// <summary>`intake central serve` run in this process on a free loopback port, answering /health before it is handed back.</summary>
internal static class CentralServe
{
    /// <summary>The serving verb (its exit code once <paramref name="stop"/> fires) and its URL.</summary>
    public static async Task<(Task<int> Serve, string Url)> StartAsync(string dataDirectory, CancellationToken stop)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var serve = IntakeCli.RunAsync(["central", "serve", "--data", dataDirectory, "--urls", url], TextWriter.Null, TextWriter.Null, stop);
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/health", stop)).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100, stop);
        }
        return (serve, url);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
