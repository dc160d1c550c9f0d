using Intake.Central.Tests.Support;
using Intake.Sync.Upload;

namespace Intake.Central.Tests;

/// <summary>
/// Acceptance "network": through a fault-injecting TCP proxy (drops, stalls, answers cut short, including a dossier
/// answer withheld after the centre committed), across restarts of the central service mid-upload, and across SIGKILLs
/// of `intake central serve` running as its own process, every dossier
/// still arrives exactly once with every blob's hash matching.
/// </summary>
[Collection(CentralFixtures.Name)]
public sealed class NetworkFaultTests(PostgresCluster postgres) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("intake-kiosk-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly UploaderOptions Impatient = new()
    {
        ChunkBytes = 32 * 1024, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(300), AttemptsPerPass = 40,
    };

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Drops_stalls_and_cut_answers_still_deliver_exactly_once(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        var connections = 0;
        await using var proxy = new FaultProxy(node.Port, seed: 5)
        {
            // The first three connections fail in each way for certain; after that, chance decides.
            Choose = r => Interlocked.Increment(ref connections) switch
            {
                1 => Fault.Drop, 2 => Fault.Stall, 3 => Fault.CutResponse,
                _ => r.Next(100) switch { < 40 => Fault.Pass, < 55 => Fault.Drop, < 65 => Fault.Stall, _ => Fault.CutResponse },
            },
            SwallowDossierAnswers = 3,
            StallTime = TimeSpan.FromSeconds(2),
        };
        var outbox = FolderOutbox.Create(folder, "N", count: 8, blobsEach: 3, blobBytes: 60_000, seed: 3);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(1) })
        {
            BaseAddress = proxy.Url, Timeout = TimeSpan.FromSeconds(1),
        };
        var uploader = new OutboxUploader(outbox, kiosk.Client(http), Impatient);

        for (var pass = 0; pass < 20 && outbox.Pending(1).Count > 0; pass++) await uploader.RunOnceAsync(CancellationToken.None);

        outbox.Pending(100).Should().BeEmpty();
        proxy.SwallowedDossierAnswers.Should().Be(3, "three commits were never heard by the kiosk");
        proxy.Counts.Should().ContainKeys(Fault.Drop, Fault.Stall, Fault.CutResponse);
        await Delivery.AssertExactlyOnceAsync(node, outbox);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Central_restarted_mid_upload_still_delivers_exactly_once(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        var outbox = FolderOutbox.Create(folder, "S", count: 6, blobsEach: 3, blobBytes: 200_000, seed: 4);
        using var http = new HttpClient { BaseAddress = node.Url, Timeout = TimeSpan.FromSeconds(2) };
        var uploader = new OutboxUploader(outbox, kiosk.Client(http), Impatient with { BandwidthBytesPerSecond = 1_500_000 });

        var first = new TaskCompletionSource();
        var third = new TaskCompletionSource();
        var delivered = 0;
        uploader.Delivered += (_, _) =>
        {
            var count = Interlocked.Increment(ref delivered);
            if (count == 1) first.TrySetResult();
            if (count == 3) third.TrySetResult();
        };
        var delivering = Task.Run(async () =>
        {
            for (var pass = 0; pass < 20 && outbox.Pending(1).Count > 0; pass++) await uploader.RunOnceAsync(CancellationToken.None);
        });
        // Each restart lands a third of a second into the next dossier's blobs (about 500 kB of its ~600 kB).
        await first.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(300);
        var pendingAtFirstRestart = outbox.Pending(100).Count;
        await node.RestartAsync(TimeSpan.FromMilliseconds(700));
        await third.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(300);
        await node.RestartAsync(TimeSpan.FromMilliseconds(700));
        await delivering;

        pendingAtFirstRestart.Should().BeGreaterThan(3, "the first restart came mid-upload");
        outbox.Pending(100).Should().BeEmpty();
        await Delivery.AssertExactlyOnceAsync(node, outbox);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Central_process_killed_mid_upload_still_delivers_exactly_once(string engine)
    {
        await using var node = await CentralNode.StartProcessAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        var outbox = FolderOutbox.Create(folder, "K", count: 6, blobsEach: 3, blobBytes: 200_000, seed: 5);
        using var http = new HttpClient { BaseAddress = node.Url, Timeout = TimeSpan.FromSeconds(2) };
        var uploader = new OutboxUploader(outbox, kiosk.Client(http), Impatient with { BandwidthBytesPerSecond = 1_500_000 });

        var first = new TaskCompletionSource();
        var delivered = 0;
        uploader.Delivered += (_, _) =>
        {
            if (Interlocked.Increment(ref delivered) == 1) first.TrySetResult();
        };
        var delivering = Task.Run(async () =>
        {
            for (var pass = 0; pass < 30 && outbox.Pending(1).Count > 0; pass++) await uploader.RunOnceAsync(CancellationToken.None);
        });
        // SIGKILL a third of a second into the next dossier's blobs, twice: no shutdown, no flush, a crash
        await first.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(300);
        var pendingAtKill = outbox.Pending(100).Count;
        await node.RestartAsync(TimeSpan.FromMilliseconds(300));
        await Task.Delay(1500);
        await node.RestartAsync(TimeSpan.FromMilliseconds(300));
        await delivering;

        pendingAtKill.Should().BeGreaterThan(1, "the first kill came with dossiers still on their way");
        outbox.Pending(100).Should().BeEmpty();
        await Delivery.AssertExactlyOnceAsync(node, outbox);
    }
}
