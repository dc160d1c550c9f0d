using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Intake.Central.Tests.Support;
using Intake.Sync.Protocol;

namespace Intake.Central.Tests;

/// <summary>
/// Each hostile request is answered 4xx and leaves nothing behind: no dossier, no upload row, no blob file, no moved
/// offset. Counts are taken before and after every request.
/// </summary>
[Collection(CentralFixtures.Name)]
public sealed class HostileRequestTests(PostgresCluster postgres)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Snapshot(long Dossiers, long Uploads, int BlobFiles);

    private static async Task<Snapshot> SnapshotAsync(CentralNode node)
    {
        var (dossiers, uploads, _) = await node.Store.CountsAsync();
        return new Snapshot(dossiers, uploads, node.Blobs.Count());
    }

    private static async Task ExpectRefusedAndNothingStoredAsync(CentralNode node, Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        var before = await SnapshotAsync(node);
        using var response = await send();
        response.StatusCode.Should().Be(expected);
        ((int)response.StatusCode).Should().BeInRange(400, 499);
        (await SnapshotAsync(node)).Should().Be(before, "a refused request stores nothing");
    }

    private static (byte[] Bytes, string Sha256) Blob(int length = 4096)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Wrong_signature_is_refused(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var raw = new RawRequests(http, kiosk.Id, kiosk.Key) { SigningKey = stranger };
        var (_, sha) = Blob();
        await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(RawRequests.TusCreation(raw, "page-001.png", sha, 4096)), HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Replayed_nonce_is_refused(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        var raw = new RawRequests(http, kiosk.Id, kiosk.Key) { Nonce = "0123456789abcdef0123456789abcdef", Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() };
        var (_, sha) = Blob();
        using (var first = await raw.SendAsync(RawRequests.TusCreation(raw, "page-001.png", sha, 4096)))
            first.StatusCode.Should().Be(HttpStatusCode.Created);
        // The very same signed request again (a recorded one replayed): refused, no second upload.
        await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(RawRequests.TusCreation(raw, "page-002.png", sha, 4096)), HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Stale_timestamp_is_refused(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        var (_, sha) = Blob();
        foreach (var skew in new[] { -6, +6 })
        {
            var raw = new RawRequests(http, kiosk.Id, kiosk.Key) { Timestamp = DateTimeOffset.UtcNow.AddMinutes(skew).ToUnixTimeSeconds() };
            await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(RawRequests.TusCreation(raw, "page-001.png", sha, 4096)), HttpStatusCode.Unauthorized);
        }
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Unknown_kiosk_is_refused(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var http = new HttpClient { BaseAddress = node.Url };
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var raw = new RawRequests(http, "KNOTENROLLED0000", key);
        var (_, sha) = Blob();
        await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(RawRequests.TusCreation(raw, "page-001.png", sha, 4096)), HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Revoked_kiosk_is_refused(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        (await node.Store.RevokeAsync(kiosk.Id)).Should().BeTrue();
        using var http = new HttpClient { BaseAddress = node.Url };
        var raw = new RawRequests(http, kiosk.Id, kiosk.Key);
        var (_, sha) = Blob();
        await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(RawRequests.TusCreation(raw, "page-001.png", sha, 4096)), HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Body_over_the_limit_is_refused(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        var raw = new RawRequests(http, kiosk.Id, kiosk.Key);
        var padding = new string('x', (int)node.Options.MaxDossierBytes);
        var submission = new DossierSubmission("D-BIG", "D-BIG", "{\"id\":\"D-BIG\",\"pad\":\"" + padding + "\"}", []);
        var body = JsonSerializer.SerializeToUtf8Bytes(submission, Json);
        await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(raw.Build(HttpMethod.Post, CentralRoutes.Dossiers, body)), HttpStatusCode.RequestEntityTooLarge);
        // A chunk over the chunk limit too.
        var (_, sha) = Blob();
        using var created = await raw.SendAsync(RawRequests.TusCreation(raw, "page-001.png", sha, node.Options.MaxChunkBytes * 2));
        var url = created.Headers.Location!.OriginalString;
        await ExpectRefusedAndNothingStoredAsync(node, () =>
        {
            var patch = raw.Build(HttpMethod.Patch, url, new byte[node.Options.MaxChunkBytes + 1], Tus.OffsetContentType);
            patch.Headers.Add(Tus.OffsetHeader, "0");
            return raw.SendAsync(patch);
        }, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Blob_name_with_dot_dot_is_refused(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        var raw = new RawRequests(http, kiosk.Id, kiosk.Key);
        var (_, sha) = Blob();
        foreach (var name in new[] { "../../etc/passwd", "..", "a/../b.png", "sub\\x.png" })
            await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(RawRequests.TusCreation(raw, name, sha, 4096)), HttpStatusCode.BadRequest);
        var submission = new DossierSubmission("D-1", "D-1", SyntheticDossier.Json("D-1", 0, 1),
            [new SubmittedBlob("../page-001.png", sha, 4096, "/files/" + new string('a', 32))]);
        await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(raw.Build(HttpMethod.Post, CentralRoutes.Dossiers, JsonSerializer.SerializeToUtf8Bytes(submission, Json))),
            HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Chunk_whose_checksum_lies_is_refused(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        var raw = new RawRequests(http, kiosk.Id, kiosk.Key);
        var (bytes, sha) = Blob();
        using var created = await raw.SendAsync(RawRequests.TusCreation(raw, "page-001.png", sha, bytes.Length));
        var url = created.Headers.Location!.OriginalString;
        await ExpectRefusedAndNothingStoredAsync(node, () =>
        {
            var patch = raw.Build(HttpMethod.Patch, url, bytes, Tus.OffsetContentType);
            patch.Headers.Add(Tus.OffsetHeader, "0");
            patch.Headers.Add(Tus.ChecksumHeader, "sha256 " + Convert.ToBase64String(SHA256.HashData(RandomNumberGenerator.GetBytes(16))));
            return raw.SendAsync(patch);
        }, (HttpStatusCode)Tus.ChecksumMismatchStatus);
        (await node.Store.FindUploadAsync(url.Split('/')[^1]))!.UploadOffset.Should().Be(0);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Whole_blob_whose_hash_lies_is_not_kept(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        var raw = new RawRequests(http, kiosk.Id, kiosk.Key);
        var (bytes, _) = Blob();
        var (_, otherSha) = Blob();
        var before = await SnapshotAsync(node);
        using var created = await raw.SendAsync(RawRequests.TusCreation(raw, "page-001.png", otherSha, bytes.Length));
        var patch = raw.Build(HttpMethod.Patch, created.Headers.Location!.OriginalString, bytes, Tus.OffsetContentType);
        patch.Headers.Add(Tus.OffsetHeader, "0");
        using var response = await raw.SendAsync(patch);
        ((int)response.StatusCode).Should().Be(Tus.ChecksumMismatchStatus);
        (await SnapshotAsync(node)).Should().Be(before, "neither the upload nor its bytes are kept");
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Offset_that_skips_ahead_is_refused(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        using var http = new HttpClient { BaseAddress = node.Url };
        var raw = new RawRequests(http, kiosk.Id, kiosk.Key);
        var (bytes, sha) = Blob(8192);
        using var created = await raw.SendAsync(RawRequests.TusCreation(raw, "page-001.png", sha, bytes.Length));
        var url = created.Headers.Location!.OriginalString;
        await ExpectRefusedAndNothingStoredAsync(node, () =>
        {
            var patch = raw.Build(HttpMethod.Patch, url, bytes[4096..], Tus.OffsetContentType);
            patch.Headers.Add(Tus.OffsetHeader, "4096");
            return raw.SendAsync(patch);
        }, HttpStatusCode.Conflict);
        (await node.Store.FindUploadAsync(url.Split('/')[^1]))!.UploadOffset.Should().Be(0);
    }

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Dossier_referencing_a_blob_of_another_kiosk_is_refused(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var owner = await TestKiosk.EnrollAsync(node, "owner");
        using var thief = await TestKiosk.EnrollAsync(node, "thief");
        using var http = new HttpClient { BaseAddress = node.Url };
        var (bytes, sha) = Blob();
        var ownerClient = owner.Client(http);
        var url = await ownerClient.CreateUploadAsync("D-OWN", "page-001.png", sha, bytes.Length, CancellationToken.None);
        await ownerClient.PatchAsync(url, 0, bytes, CancellationToken.None);

        var raw = new RawRequests(http, thief.Id, thief.Key);
        var submission = new DossierSubmission("D-THIEF", "D-THIEF", SyntheticDossier.Json("D-THIEF", 0, 1), [new SubmittedBlob("page-001.png", sha, bytes.Length, url)]);
        await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(raw.Build(HttpMethod.Post, CentralRoutes.Dossiers, JsonSerializer.SerializeToUtf8Bytes(submission, Json))),
            HttpStatusCode.Forbidden);
        // Nor can it read or write the other kiosk's upload through tus.
        await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(raw.Build(HttpMethod.Head, url)), HttpStatusCode.NotFound);
        await ExpectRefusedAndNothingStoredAsync(node, () => raw.SendAsync(raw.Build(HttpMethod.Delete, url)), HttpStatusCode.NotFound);
        (await node.Store.FindUploadAsync(url.Split('/')[^1]))!.Verified.Should().Be(1);
    }
}
