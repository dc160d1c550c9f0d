using System.Security.Cryptography;
using Intake.Sync.Upload;

namespace Intake.Central.Tests.Support;

/// <summary>A kiosk enrolled with a central node through the real enrolment request: its id and key pair.</summary>
public sealed class TestKiosk : IDisposable
{
    private TestKiosk(string id, ECDsa key)
    {
        Id = id;
        Key = key;
    }

    public string Id { get; }

    public ECDsa Key { get; }

    public string PrivateKeyBase64 => Convert.ToBase64String(Key.ExportPkcs8PrivateKey());

    public static async Task<TestKiosk> EnrollAsync(CentralNode node, string name = "kiosk")
    {
        var token = await node.Store.CreateEnrolmentTokenAsync(TimeSpan.FromHours(24));
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var http = new HttpClient { BaseAddress = node.Url };
        var id = await CentralClient.EnrollAsync(http, token, key, name, CancellationToken.None);
        return new TestKiosk(id, key);
    }

    /// <summary>A client for this kiosk; <paramref name="baseAddress"/> defaults to the node (a proxy in the network tests).</summary>
    public CentralClient Client(HttpClient http) => new(http, Id, Key);

    public void Dispose() => Key.Dispose();
}
