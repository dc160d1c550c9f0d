using System.Security.Cryptography;
using Intake.Central.Tests.Support;

namespace Intake.Central.Tests;

/// <summary>
/// Acceptance "a real third-party client": tus-js-client under Node uploads a blob, is interrupted after its first
/// chunk, resumes from the centre's offset in a new process, and the centre holds the blob byte-identical and verified.
/// The only addition to the stock client is the kiosk signature, set in its onBeforeRequest hook.
/// </summary>
[Collection(CentralFixtures.Name)]
public sealed class TusJsClientTests(PostgresCluster postgres) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("intake-tusjs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Tus_js_client_uploads_is_interrupted_resumes_and_the_centre_holds_the_same_bytes(string engine)
    {
        await using var node = await CentralNode.StartAsync(engine, postgres);
        using var kiosk = await TestKiosk.EnrollAsync(node);
        var file = Path.Combine(folder, "scan.pdf");
        var bytes = RandomNumberGenerator.GetBytes(700_000);
        await File.WriteAllBytesAsync(file, bytes);
        var endpoint = new Uri(node.Url, "/files").ToString();
        const string chunk = "262144";

        var url = NodeTusClient.Run("interrupt", file, endpoint, kiosk.Id, kiosk.PrivateKeyBase64, chunk);
        url.Should().StartWith("http").And.Contain("/files/");
        var uploadId = url.Split('/')[^1];
        var partial = await node.Store.FindUploadAsync(uploadId);
        partial!.UploadOffset.Should().Be(262_144, "the client stopped after its first chunk");
        partial.Verified.Should().Be(0);

        NodeTusClient.Run("resume", file, endpoint, kiosk.Id, kiosk.PrivateKeyBase64, chunk, url).Should().Be("done");

        var upload = await node.Store.FindUploadAsync(uploadId);
        upload!.Verified.Should().Be(1);
        upload.UploadOffset.Should().Be(bytes.Length);
        await using var stored = node.Blobs.OpenRead(uploadId);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        copy.ToArray().Should().Equal(bytes);
    }
}
