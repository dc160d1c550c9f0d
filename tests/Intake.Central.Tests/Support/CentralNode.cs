using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Intake.TestSupport;
using Intake.Central.Storage;
using Microsoft.AspNetCore.Builder;

namespace Intake.Central.Tests.Support;

/// <summary>
/// A real central node on a loopback port (Kestrel, in the test process), on SQLite or on the test PostgreSQL
/// cluster, with its own data folder. <see cref="RestartAsync"/> stops it and starts it again on the same port,
/// database and folder, as a restarted service would. Started with <see cref="StartProcessAsync"/>, the node is the
/// real `intake central serve` in a process of its own, and stopping it is SIGKILL: a crash, not a shutdown.
/// </summary>
public sealed class CentralNode : IAsyncDisposable
{
    private WebApplication? app;
    private Process? child;
    private bool asProcess;

    private CentralNode(CentralOptions options, int port)
    {
        Options = options;
        Port = port;
        Store = new CentralStore(CentralDatabase.Open(options.DbOrDefault));
        Blobs = new BlobStore(options.BlobDirectory);
    }

    public CentralOptions Options { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public CentralStore Store { get; }

    public BlobStore Blobs { get; }

    /// <summary><paramref name="engine"/>: "sqlite" or "postgres".</summary>
    public static async Task<CentralNode> StartAsync(string engine, PostgresCluster postgres, Func<CentralOptions, CentralOptions>? adjust = null)
    {
        var folder = Directory.CreateTempSubdirectory("intake-central-").FullName;
        var options = new CentralOptions
        {
            DataDirectory = folder,
            Db = engine == "postgres" ? postgres.CreateDatabase() : null,
            MaxDossierBytes = 256 * 1024,
            MaxChunkBytes = 1024 * 1024,
        };
        options = adjust?.Invoke(options) ?? options;
        var port = FreePort();
        var node = new CentralNode(options with { Urls = $"http://127.0.0.1:{port}" }, port);
        await node.StartAsync().ConfigureAwait(false);
        return node;
    }

    /// <summary>The node as its own process (`intake central serve`), killed with SIGKILL by <see cref="StopAsync"/>.</summary>
    public static async Task<CentralNode> StartProcessAsync(string engine, PostgresCluster postgres)
    {
        var folder = Directory.CreateTempSubdirectory("intake-central-").FullName;
        var options = new CentralOptions { DataDirectory = folder, Db = engine == "postgres" ? postgres.CreateDatabase() : null };
        var port = FreePort();
        var node = new CentralNode(options with { Urls = $"http://127.0.0.1:{port}" }, port) { asProcess = true };
        await node.StartAsync().ConfigureAwait(false);
        return node;
    }

    public async Task StartAsync()
    {
        if (asProcess)
        {
            await StartChildAsync().ConfigureAwait(false);
            return;
        }

        app = CentralApp.Build(Options);
        await app.StartAsync().ConfigureAwait(false);
    }

    private async Task StartChildAsync()
    {
        var host = Path.Combine(RepoPaths.Root, "artifacts", "bin", "Intake.Kiosk.Host", "release", "Intake.Kiosk.Host.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[host, "central", "serve", "--data", Options.DataDirectory, "--urls", Url.ToString().TrimEnd('/')])
            start.ArgumentList.Add(argument);
        if (Options.Db is { } db)
        {
            start.ArgumentList.Add("--db");
            start.ArgumentList.Add(db);
        }
        child = Process.Start(start) ?? throw new InvalidOperationException("intake central serve did not start");
        child.OutputDataReceived += (_, _) => { };
        child.ErrorDataReceived += (_, _) => { };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(Url, "/health")).ConfigureAwait(false)).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100).ConfigureAwait(false);
        }
        throw new InvalidOperationException("intake central serve did not answer /health in 30 s");
    }

    public async Task StopAsync()
    {
        if (child is not null)
        {
            child.Kill();
            await child.WaitForExitAsync().ConfigureAwait(false);
            child.Dispose();
            child = null;
            return;
        }

        if (app is null) return;
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2))) await app.StopAsync(stopping.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        app = null;
    }

    public async Task RestartAsync(TimeSpan down)
    {
        await StopAsync().ConfigureAwait(false);
        await Task.Delay(down).ConfigureAwait(false);
        await StartAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Options.DataDirectory, recursive: true); }
        catch (IOException) { }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
