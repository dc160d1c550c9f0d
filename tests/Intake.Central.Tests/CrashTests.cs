using System.Diagnostics;
using System.Globalization;
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
        // 12 dossiers x 3 pages x ~250 kB at 800 kB/s: about 11 s of upload; 20 kills 50-600 ms into uploading leave some.
        var outbox = FolderOutbox.Create(folder, "C", count: 12, blobsEach: 3, blobBytes: 250_000, seed: 7);
        var random = new Random(12);
        var kills = 0;
        while (kills < 20)
        {
            using var process = StartKiosk(node, kiosk);
            (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1))).Should().Be("uploading");
            var exited = process.WaitForExit(TimeSpan.FromMilliseconds(random.Next(50, 600)));
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
        outbox.DossierIds.Count(id => outbox.ReceiptOf(id) is not null).Should().BePositive("the kiosk made progress between kills, so they hit uploads, not start-ups");

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

    private static async Task<int> WaitAsync(Process process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
