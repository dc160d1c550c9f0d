using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Intake.Sync.Protocol;

namespace Intake.Central.Tests.Support;

/// <summary>
/// Hand-made signed requests, for the hostile-request tests: the same signing as the uploader, with any part
/// (timestamp, nonce, signature, key) chosen by the test.
/// </summary>
public sealed class RawRequests(HttpClient http, string kioskId, ECDsa key)
{
    public long? Timestamp { get; init; }

    public string? Nonce { get; init; }

    public ECDsa? SigningKey { get; init; }

    public HttpRequestMessage Build(HttpMethod method, string path, byte[]? body = null, string? contentType = null)
    {
        body ??= [];
        var request = new HttpRequestMessage(method, path);
        if (body.Length > 0 || method == HttpMethod.Patch || method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }
        var timestamp = Timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var nonce = Nonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var canonical = SignedRequest.Canonical(method.Method, path, SignedRequest.Sha256Hex(body), timestamp, nonce);
        request.Headers.Add(SignedRequest.KioskHeader, kioskId);
        request.Headers.Add(SignedRequest.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignedRequest.NonceHeader, nonce);
        request.Headers.Add(SignedRequest.SignatureHeader, SignedRequest.Sign(SigningKey ?? key, canonical));
        request.Headers.Add(Tus.ResumableHeader, Tus.Version);
        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await http.SendAsync(request);

    public static HttpRequestMessage TusCreation(RawRequests raw, string name, string sha256, long length, string? dossier = null)
    {
        var request = raw.Build(HttpMethod.Post, Tus.FilesPath, [], "application/offset+octet-stream");
        request.Headers.Add(Tus.LengthHeader, length.ToString(CultureInfo.InvariantCulture));
        var pairs = new List<KeyValuePair<string, string>> { new(Tus.NameKey, name), new(Tus.Sha256Key, sha256) };
        if (dossier is not null) pairs.Add(new(Tus.DossierKey, dossier));
        request.Headers.Add(Tus.MetadataHeader, Tus.EncodeMetadata(pairs));
        return request;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
