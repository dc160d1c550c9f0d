using System.Diagnostics;
using System.Globalization;
using Dapper;
using Intake.Central.Tests.Support;

namespace Intake.Central.Tests;

/// <summary>
/// Acceptance "crash": the kiosk process (Support/TestKioskProgram) is killed with SIGKILL at 20 random points of
/// its upload and started again; afterwards every dossier is at the centre exactly once and every blob hashes as at
/// the kiosk. The outbox is a folder test double standing for the kiosk store, durable across the kills.
/// </summary>
[Collection(CentralFixtures.Name)]
public sealed class CrashTests(PostgresCluster postgres) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("intake-kiosk-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Kiosk_killed_20_times_mid_upload_delivers_everything_exactly_once(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        // 12 dossiers x 3 pages x ~250 kB at 800 kB/s: about 11 s of upload; 20 kills at most 400 ms into each run leave some.
        var outbox = FolderOutbox.Create(folder, "C", count: 12, blobsEach: 3, blobBytes: 250_000, seed: 7);
        var random = new Random(12);
        var kills = 0;
        while (kills < 20)
        {
            var before = await ProgressAsync(node);
            using var process = StartKiosk(node, kiosk);
            // Each kill lands 0-400 ms after this run's first bytes reached the centre: mid-upload, whatever the
            // start-up cost on a loaded machine.
            while (await ProgressAsync(node) == before && !process.HasExited) await Task.Delay(10);
            var exited = process.WaitForExit(TimeSpan.FromMilliseconds(random.Next(0, 400)));
            if (exited)
            {
                process.ExitCode.Should().Be(0, await process.StandardError.ReadToEndAsync());
                break; // finished before the next kill: nothing left to interrupt
            }
            process.Kill(); // SIGKILL on Linux
            await process.WaitForExitAsync();
            kills++;
        }
        kills.Should().Be(20, "the upload outlasts 20 kills");
        outbox.Pending(100).Should().NotBeEmpty("the kills interrupted the upload");

        using (var last = StartKiosk(node, kiosk))
        {
            (await WaitAsync(last, TimeSpan.FromMinutes(2))).Should().Be(0, await last.StandardError.ReadToEndAsync());
        }

        outbox.Pending(100).Should().BeEmpty();
        await Delivery.AssertExactlyOnceAsync(node, outbox);
    }

    private Process StartKiosk(CentralNode node, TestKiosk kiosk)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "exec", typeof(TestKioskProgram).Assembly.Location, "kiosk-sync", folder, node.Url.ToString(), kiosk.Id, kiosk.PrivateKeyBase64,
                     800_000.ToString(CultureInfo.InvariantCulture), (32 * 1024).ToString(CultureInfo.InvariantCulture),
                 })
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    /// <summary>Bytes the centre holds in uploads plus committed dossiers: grows with every chunk and every commit.</summary>
    private static async Task<long> ProgressAsync(CentralNode node)
    {
        await using var connection = await node.Store.Database.ConnectAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(upload_offset), 0) + (SELECT COUNT(*) FROM dossiers) FROM uploads");
    }

    private static async Task<int> WaitAsync(Process process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
