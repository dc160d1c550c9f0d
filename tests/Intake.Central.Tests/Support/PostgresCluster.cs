using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Intake.Central.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL 15 cluster for the test run: Debian's <c>postgresql</c> is installed when missing, the
/// cluster is made with initdb in a temporary folder, started with pg_ctl as the <c>postgres</c> user on a free
/// loopback port, and stopped and deleted in <see cref="Dispose"/> (xunit calls it also when tests failed; a process
/// exit handler covers a test host that is torn down early).
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string folder;
    private int disposed;

    public PostgresCluster()
    {
        EnsureInstalled();
        folder = Directory.CreateTempSubdirectory("intake-pg-").FullName;
        Port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", "-R", "postgres:postgres", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        RunAs(asRoot, Path.Combine(Bin, "initdb"), "-D", Path.Combine(folder, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
        RunAs(asRoot, Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        this.asRoot = asRoot;
    }

    private readonly bool asRoot;

    public int Port { get; }

    /// <summary>A new empty database; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50;Timeout=30";

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        try { RunAs(asRoot, Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }

    private static void EnsureInstalled()
    {
        if (File.Exists(Path.Combine(Bin, "initdb"))) return;
        // apt may be locked by another install on this machine: try again for a while.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Run("apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql");
                return;
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
                if (attempt == 0) Run("apt-get", "update", "-q");
                Thread.Sleep(TimeSpan.FromSeconds(5));
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAs(bool asRoot, string program, params string[] arguments)
    {
        if (asRoot) Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else Run(program, arguments);
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}{output.Result}");
    }
}

[CollectionDefinition(Name)]
public sealed class CentralFixtures : ICollectionFixture<PostgresCluster>
{
    public const string Name = "central";
}
