using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Intake.Sync.Protocol;

namespace Intake.Sync.Upload;

/// <summary>
/// The kiosk's side of the centre's protocol: every request signed (<see cref="SignedRequest"/>), blobs through
/// tus 1.0 (creation, HEAD for the server's offset, PATCH chunks with <c>Upload-Checksum: sha256</c>).
/// Failures throw <see cref="CentralException"/>.
/// </summary>
public sealed class CentralClient(HttpClient http, string kioskId, ECDsa key, TimeProvider? clock = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>Sends the public key with the one-time token; returns the kiosk id the centre gave.</summary>
    public static async Task<string> EnrollAsync(HttpClient http, string token, ECDsa key, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.PostAsJsonAsync(CentralRoutes.Enroll, new EnrollRequest(token, SignedRequest.ExportPublicKey(key), name), Json, cancellationToken)
            .ConfigureAwait(false);
        await ThrowUnlessSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadFromJsonAsync<EnrollResponse>(Json, cancellationToken).ConfigureAwait(false);
        return answer?.KioskId ?? throw new CentralException("empty enrolment answer");
    }

    /// <summary>Creates (or finds again) the tus upload for one blob of a dossier; returns its URL path.</summary>
    public async Task<string> CreateUploadAsync(string dossierId, string name, string sha256, long length, CancellationToken cancellationToken) =>
        (await CreateOrFindUploadAsync(dossierId, name, sha256, length, cancellationToken).ConfigureAwait(false)).Url;

    /// <summary>
    /// Creates (or finds again) the tus upload for one blob; with the centre's offset when its answer gives one
    /// (our centre does; a plain tus server does not, and then <see cref="OffsetAsync"/> asks).
    /// </summary>
    public async Task<(string Url, long? Offset)> CreateOrFindUploadAsync(string dossierId, string name, string sha256, long length, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Tus.FilesPath);
        request.Headers.Add(Tus.ResumableHeader, Tus.Version);
        request.Headers.Add(Tus.LengthHeader, length.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(Tus.MetadataHeader, Tus.EncodeMetadata([new(Tus.NameKey, name), new(Tus.Sha256Key, sha256), new(Tus.DossierKey, dossierId)]));
        using var response = await SendAsync(request, [], cancellationToken).ConfigureAwait(false);
        var location = response.Headers.Location ?? throw new CentralException("tus creation without Location");
        long? offset = response.Headers.Contains(Tus.OffsetHeader) ? ReadOffset(response) : null;
        return (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString, offset);
    }

    /// <summary>tus HEAD: how many bytes of the upload the centre holds.</summary>
    public async Task<long> OffsetAsync(string uploadUrl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, uploadUrl);
        request.Headers.Add(Tus.ResumableHeader, Tus.Version);
        using var response = await SendAsync(request, [], cancellationToken).ConfigureAwait(false);
        return ReadOffset(response);
    }

    /// <summary>tus PATCH of one chunk at <paramref name="offset"/>; returns the centre's new offset.</summary>
    public async Task<long> PatchAsync(string uploadUrl, long offset, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        var body = chunk.ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Patch, uploadUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Tus.OffsetContentType);
        request.Headers.Add(Tus.ResumableHeader, Tus.Version);
        request.Headers.Add(Tus.OffsetHeader, offset.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(Tus.ChecksumHeader, "sha256 " + Convert.ToBase64String(SHA256.HashData(body)));
        using var response = await SendAsync(request, body, cancellationToken).ConfigureAwait(false);
        return ReadOffset(response);
    }

    /// <summary>Submits the dossier once its blobs are verified; the receipt (a repeat gets the original one).</summary>
    public async Task<DossierReceipt> SubmitAsync(DossierSubmission submission, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(submission, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, CentralRoutes.Dossiers) { Content = JsonBody(body) };
        using var response = await SendAsync(request, body, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<DossierReceipt>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new CentralException("empty receipt");
    }

    public async Task HeartbeatAsync(Heartbeat heartbeat, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(heartbeat, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, CentralRoutes.Heartbeat) { Content = JsonBody(body) };
        using var response = await SendAsync(request, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The fleet as the centre sees it (JSON array of kiosks with status and last heartbeat), signed like every kiosk request.</summary>
    public async Task<JsonElement> FleetAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, CentralRoutes.Fleet);
        using var response = await SendAsync(request, [], cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken).ConfigureAwait(false);
    }

    private static ByteArrayContent JsonBody(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static long ReadOffset(HttpResponseMessage response) =>
        response.Headers.TryGetValues(Tus.OffsetHeader, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new CentralException("tus answer without Upload-Offset");

    /// <summary>Signs and sends; a connection failure becomes a transient <see cref="CentralException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = http.BaseAddress is { } b ? new Uri(b, request.RequestUri!).PathAndQuery : request.RequestUri!.PathAndQuery;
        var canonical = SignedRequest.Canonical(request.Method.Method, path, SignedRequest.Sha256Hex(body), timestamp, nonce);
        request.Headers.Add(SignedRequest.KioskHeader, kioskId);
        request.Headers.Add(SignedRequest.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignedRequest.NonceHeader, nonce);
        request.Headers.Add(SignedRequest.SignatureHeader, SignedRequest.Sign(key, canonical));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CentralException("Mất kết nối tới trung tâm / connection to the centre failed: " + e.Message, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CentralException("Trung tâm không trả lời kịp / the centre timed out", e);
        }
        try
        {
            await ThrowUnlessSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        return response;
    }

    private static async Task ThrowUnlessSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        string detail;
        try { detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false); }
        catch (HttpRequestException) { detail = ""; }
        throw new CentralException(response.StatusCode, $"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
    }
}
