using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Intake.Central.Fleet;
using Intake.Central.Tests.Support;
using Intake.Sync.Protocol;
using Intake.Sync.Upload;

namespace Intake.Central.Tests;

/// <summary>The uploader against a real central node: delivery, idempotent ingest, resume, back office, fleet.</summary>
[Collection(CentralFixtures.Name)]
public sealed class IngestTests(PostgresCluster postgres) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("intake-kiosk-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Uploader_delivers_every_dossier_once_and_a_repeat_gets_the_original_receipt(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        var outbox = FolderOutbox.Create(folder, "D", count: 3, blobsEach: 3, blobBytes: 150_000);
        using var http = new HttpClient { BaseAddress = node.Url };
        var uploader = new OutboxUploader(outbox, kiosk.Client(http), new UploaderOptions { ChunkBytes = 64 * 1024 });

        var pass = await uploader.RunOnceAsync(CancellationToken.None);

        pass.Should().Be(new UploadPass(3, 0));
        outbox.Pending(10).Should().BeEmpty();
        await Delivery.AssertExactlyOnceAsync(node, outbox);
        // The kiosk never heard the answer: the same dossier again gets the same receipt and no second copy.
        var package = outbox.Open("D-0001");
        var blobs = new List<SubmittedBlob>();
        foreach (var blob in package.Blobs)
            blobs.Add(new SubmittedBlob(blob.Name, blob.Sha256, blob.Length,
                await kiosk.Client(http).CreateUploadAsync(package.DossierId, blob.Name, blob.Sha256, blob.Length, CancellationToken.None)));
        var repeat = await kiosk.Client(http).SubmitAsync(
            new DossierSubmission(package.DossierId, package.DossierCode, System.Text.Encoding.UTF8.GetString(package.DossierJson), blobs), CancellationToken.None);
        repeat.Receipt.Should().Be(outbox.ReceiptOf("D-0001"));
        (await node.Store.CountsAsync()).Dossiers.Should().Be(3);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_partial_blob_resumes_from_the_centres_offset(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        var outbox = FolderOutbox.Create(folder, "R", count: 1, blobsEach: 1, blobBytes: 300_000);
        var blob = outbox.Open("R-0000").Blobs[0];
        var counting = new PatchCounter(new SocketsHttpHandler());
        using var http = new HttpClient(counting) { BaseAddress = node.Url };
        var client = kiosk.Client(http);
        var url = await client.CreateUploadAsync("R-0000", blob.Name, blob.Sha256, blob.Length, CancellationToken.None);
        var first = new byte[100_000];
        await using (var stream = blob.OpenRead()) await stream.ReadExactlyAsync(first);
        await client.PatchAsync(url, 0, first, CancellationToken.None);
        counting.PatchBytes = 0;

        await new OutboxUploader(outbox, client, new UploaderOptions { ChunkBytes = 64 * 1024 }).RunOnceAsync(CancellationToken.None);

        counting.PatchBytes.Should().Be(blob.Length - first.Length, "only the bytes the centre did not hold are sent again");
        await Delivery.AssertExactlyOnceAsync(node, outbox);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Back_office_searches_and_serves_only_committed_dossiers_to_an_operator(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        var outbox = FolderOutbox.Create(folder, "B", count: 5, blobsEach: 2, blobBytes: 10_000);
        using var http = new HttpClient { BaseAddress = node.Url };
        await new OutboxUploader(outbox, kiosk.Client(http)).RunOnceAsync(CancellationToken.None);
        // A sixth dossier whose blob is uploaded but which is never submitted: not visible.
        await kiosk.Client(http).CreateUploadAsync("B-HIDDEN", "page-001.png", new string('0', 64), 10, CancellationToken.None);
        var token = await node.Store.AddOperatorAsync("Nguyễn Văn An");

        using (var anonymous = await http.GetAsync("/api/v1/backoffice/dossiers"))
            anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await SearchAsync(http, "")).GetProperty("total").GetInt64().Should().Be(5);
        (await SearchAsync(http, "?code=HS-B-0003")).GetProperty("items")[0].GetProperty("id").GetString().Should().Be("B-0003");
        (await SearchAsync(http, "?idNumber=001203000002")).GetProperty("items")[0].GetProperty("id").GetString().Should().Be("B-0002");
        (await SearchAsync(http, "?procedure=2.002")).GetProperty("total").GetInt64().Should().Be(2);
        (await SearchAsync(http, "?from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z")).GetProperty("total").GetInt64().Should().Be(2);
        var page2 = await SearchAsync(http, "?pageSize=2&page=3");
        page2.GetProperty("items").GetArrayLength().Should().Be(1);
        page2.GetProperty("items")[0].GetProperty("allBlobsVerified").GetBoolean().Should().BeTrue();

        var json = await http.GetStringAsync("/api/v1/backoffice/dossiers/B-0004");
        json.Should().Be(System.Text.Encoding.UTF8.GetString(outbox.Open("B-0004").DossierJson));
        var bytes = await http.GetByteArrayAsync("/api/v1/backoffice/dossiers/B-0004/files/page-002.png");
        bytes.Should().Equal(File.ReadAllBytes(Path.Combine(folder, "B-0004", "page-002.png")));
        using var hidden = await http.GetAsync("/api/v1/backoffice/dossiers/B-HIDDEN");
        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Enrolment_token_works_once_and_not_after_it_expires(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var http = new HttpClient { BaseAddress = node.Url };
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var token = await node.Store.CreateEnrolmentTokenAsync(TimeSpan.FromHours(24));
        (await CentralClient.EnrollAsync(http, token, key, "k1", CancellationToken.None)).Should().StartWith("K");
        var again = () => CentralClient.EnrollAsync(http, token, key, "k2", CancellationToken.None);
        (await again.Should().ThrowAsync<CentralException>()).Which.Status.Should().Be(HttpStatusCode.Unauthorized);
        var expired = await node.Store.CreateEnrolmentTokenAsync(TimeSpan.FromSeconds(-1));
        var late = () => CentralClient.EnrollAsync(http, expired, key, "k3", CancellationToken.None);
        (await late.Should().ThrowAsync<CentralException>()).Which.Status.Should().Be(HttpStatusCode.Unauthorized);
        (await node.Store.CountsAsync()).Kiosks.Should().Be(1);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Heartbeat_turns_a_kiosk_green(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        FleetKiosk.From((await node.Store.FindKioskAsync(kiosk.Id))!, DateTimeOffset.UtcNow).Status.Should().Be("red");
        await kiosk.Client(http).HeartbeatAsync(new Heartbeat("1.0", 4, 120, 1L << 30, "ready"), CancellationToken.None);
        var row = (await node.Store.FindKioskAsync(kiosk.Id))!;
        FleetKiosk.From(row, DateTimeOffset.UtcNow).Status.Should().Be("green");
        row.LastHeartbeat.Should().Contain("\"queueDepth\":4");
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_refusal_is_recorded_on_the_entry_and_nothing_is_acknowledged(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        await node.Store.RevokeAsync(kiosk.Id);
        var outbox = FolderOutbox.Create(folder, "F", count: 2, blobsEach: 1, blobBytes: 1000);
        using var http = new HttpClient { BaseAddress = node.Url };

        var pass = await new OutboxUploader(outbox, kiosk.Client(http)).RunOnceAsync(CancellationToken.None);

        pass.Should().Be(new UploadPass(0, 2), "a 403 is not retried within the pass");
        outbox.Pending(10).Should().HaveCount(2);
        File.ReadAllText(Path.Combine(folder, "F-0000.failures")).Trim().Should().Be("HTTP 403");
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Heartbeat_sender_beats_at_once_then_every_30_seconds(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        using var stop = new CancellationTokenSource();
        var beats = 0;
        var sender = new HeartbeatSender(kiosk.Client(http), () =>
        {
            Interlocked.Increment(ref beats);
            return new Heartbeat("1.0", 0, null, 1L << 30, "ready");
        });

        var running = sender.RunAsync(stop.Token);
        for (var i = 0; i < 100 && (await node.Store.FindKioskAsync(kiosk.Id))!.LastSeenAt is null; i++) await Task.Delay(50);
        await stop.CancelAsync();
        await running.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();

        beats.Should().Be(1, "the next beat is due 30 s later");
        HeartbeatSender.Interval.Should().Be(TimeSpan.FromSeconds(30));
        FleetKiosk.From((await node.Store.FindKioskAsync(kiosk.Id))!, DateTimeOffset.UtcNow).Status.Should().Be("green");
    }

    [Fact]
    public void Fleet_is_green_within_2_minutes_amber_within_24_hours_red_after()
    {
        var now = DateTimeOffset.UtcNow;
        FleetKiosk.StatusOf(now.AddSeconds(-119).ToUnixTimeMilliseconds(), now).Should().Be("green");
        FleetKiosk.StatusOf(now.AddMinutes(-3).ToUnixTimeMilliseconds(), now).Should().Be("amber");
        FleetKiosk.StatusOf(now.AddHours(-23).ToUnixTimeMilliseconds(), now).Should().Be("amber");
        FleetKiosk.StatusOf(now.AddHours(-25).ToUnixTimeMilliseconds(), now).Should().Be("red");
        FleetKiosk.StatusOf(null, now).Should().Be("red");
    }

    [Fact]
    public async Task Bandwidth_cap_paces_the_bytes()
    {
        var cap = new BandwidthCap(4_000_000);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 4; i++) await cap.WaitToSendAsync(500_000, CancellationToken.None);
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(450), "2 MB at 4 MB/s take half a second");
    }

    private static async Task<JsonElement> SearchAsync(HttpClient http, string query) =>
        JsonDocument.Parse(await http.GetStringAsync("/api/v1/backoffice/dossiers" + query)).RootElement;

    /// <summary>Counts the tus PATCH bytes that go out.</summary>
    private sealed class PatchCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public long PatchBytes;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Patch && request.Content is not null)
                Interlocked.Add(ref PatchBytes, (await request.Content.ReadAsByteArrayAsync(cancellationToken)).Length);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
