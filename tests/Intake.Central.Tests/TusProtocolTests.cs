using System.Net;
using System.Security.Cryptography;
using Intake.Central.Tests.Support;
using Intake.Sync.Protocol;

namespace Intake.Central.Tests;

/// <summary>The tus 1.0 surface a standard client relies on: discovery, creation, expiration, termination.</summary>
[Collection(CentralFixtures.Name)]
public sealed class TusProtocolTests(PostgresCluster postgres)
{
    [Fact]
    public async Task Options_announce_version_extensions_max_size_and_sha256()
    {
        await using var node = await CentralNode.StartAsync("sqlite", postgres);
        using var http = new HttpClient { BaseAddress = node.Url };
        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Options, Tus.FilesPath));
        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues(Tus.VersionHeader).Should().Equal("1.0.0");
        response.Headers.GetValues(Tus.ExtensionHeader).Single().Split(',').Should().BeEquivalentTo("creation", "checksum", "expiration", "termination");
        response.Headers.GetValues(Tus.ChecksumAlgorithmHeader).Should().Equal("sha256");
        response.Headers.GetValues(Tus.MaxSizeHeader).Single().Should().Be(node.Options.MaxBlobBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Termination_removes_an_unfinished_upload_but_not_a_committed_one(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        var raw = new RawRequests(http, kiosk.Id, kiosk.Key);
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var url = await kiosk.Client(http).CreateUploadAsync("T-1", "page-001.png", Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, CancellationToken.None);
        await kiosk.Client(http).PatchAsync(url, 0, bytes.AsMemory(0, 4000), CancellationToken.None);
        node.Blobs.Count().Should().Be(1);

        using (var deleted = await raw.SendAsync(raw.Build(HttpMethod.Delete, url)))
            deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await node.Store.FindUploadAsync(url.Split('/')[^1])).Should().BeNull();
        node.Blobs.Count().Should().Be(0);
        using (var gone = await raw.SendAsync(raw.Build(HttpMethod.Head, url)))
            gone.StatusCode.Should().Be(HttpStatusCode.NotFound);

        var outboxFolder = Directory.CreateTempSubdirectory("intake-kiosk-").FullName;
        try
        {
            var outbox = FolderOutbox.Create(outboxFolder, "T", 1, 1, 5000);
            await new Intake.Sync.Upload.OutboxUploader(outbox, kiosk.Client(http)).RunOnceAsync(CancellationToken.None);
            var committed = (await node.Store.DossierBlobsAsync("T-0000")).Single();
            using var refused = await raw.SendAsync(raw.Build(HttpMethod.Delete, Tus.FilesPath + "/" + committed.UploadId));
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await node.Store.FindUploadAsync(committed.UploadId)).Should().NotBeNull();
        }
        finally
        {
            Directory.Delete(outboxFolder, recursive: true);
        }
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task An_upload_past_its_expiry_is_gone_and_swept(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres, o => o with { UploadLifetime = TimeSpan.FromMilliseconds(300) });
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        var raw = new RawRequests(http, kiosk.Id, kiosk.Key);
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        using var created = await raw.SendAsync(RawRequests.TusCreation(raw, "page-001.png", Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length));
        created.Headers.GetValues(Tus.ExpiresHeader).Single().Should().EndWith("GMT", "Upload-Expires is an RFC 7231 date");
        var url = created.Headers.Location!.OriginalString;
        await kiosk.Client(http).PatchAsync(url, 0, bytes.AsMemory(0, 4000), CancellationToken.None);
        await Task.Delay(600);

        using (var expired = await raw.SendAsync(raw.Build(HttpMethod.Head, url)))
            expired.StatusCode.Should().Be(HttpStatusCode.Gone);
        var swept = await node.Store.SweepAsync(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        swept.Should().Equal(url.Split('/')[^1]);
        (await node.Store.FindUploadAsync(swept[0])).Should().BeNull();
    }
}
