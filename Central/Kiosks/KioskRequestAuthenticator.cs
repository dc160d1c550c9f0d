using System.Globalization;
using System.Security.Cryptography;
using Intake.Central.Storage;
using Intake.Sync.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Intake.Central.Kiosks;

/// <summary>The outcome of checking a kiosk request: the kiosk, the body it signed and its SHA-256, or the refusal to send.</summary>
public sealed record KioskRequest(KioskRow? Kiosk, byte[] Body, byte[] BodySha256, IResult? Refusal);

/// <summary>
/// Checks a signed kiosk request (see <see cref="SignedRequest"/>) in an order that stores nothing for a refused one:
/// known and not revoked kiosk, timestamp within ±5 minutes, body within the limit, signature over method, path, body
/// SHA-256, timestamp and nonce; only then is the nonce recorded, and a nonce seen before is a replay.
/// </summary>
public sealed class KioskRequestAuthenticator(CentralStore store, TimeProvider clock)
{
    public async Task<KioskRequest> AuthenticateAsync(HttpContext context, long maxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        string kioskId = headers[SignedRequest.KioskHeader].ToString(), timestamp = headers[SignedRequest.TimestampHeader].ToString(),
            nonce = headers[SignedRequest.NonceHeader].ToString(), signature = headers[SignedRequest.SignatureHeader].ToString();
        if (kioskId.Length is 0 or > 64 || timestamp.Length == 0 || nonce.Length is < 16 or > 64 || signature.Length == 0)
            return Refuse(401, "Yêu cầu chưa được ký / the request is not signed");
        var kiosk = await store.FindKioskAsync(kioskId).ConfigureAwait(false);
        if (kiosk is null) return Refuse(401, "Ki-ốt không được biết / unknown kiosk");
        if (kiosk.RevokedAt is not null) return Refuse(403, "Ki-ốt đã bị thu hồi / the kiosk is revoked");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > SignedRequest.AllowedSkew.TotalSeconds)
            return Refuse(401, "Dấu thời gian quá cũ hoặc sai / stale or invalid timestamp (±5 min)");
        var body = await ReadBodyAsync(context.Request, maxBodyBytes).ConfigureAwait(false);
        if (body is null) return Refuse(413, $"Nội dung vượt quá giới hạn / body over the limit of {maxBodyBytes} bytes");
        using var key = SignedRequest.ImportPublicKey(kiosk.PublicKey);
        var bodySha256 = SHA256.HashData(body);
        var canonical = SignedRequest.Canonical(context.Request.Method, context.Request.GetEncodedPathAndQuery(), Convert.ToHexStringLower(bodySha256), seconds, nonce);
        if (key is null || !SignedRequest.Verify(key, canonical, signature))
            return Refuse(401, "Chữ ký không hợp lệ / wrong signature");
        if (!await store.RecordNonceAsync(kiosk.Id, nonce).ConfigureAwait(false))
            return Refuse(401, "Yêu cầu bị phát lại / replayed nonce");
        return new KioskRequest(kiosk, body, bodySha256, null);
    }

    private static KioskRequest Refuse(int status, string message) =>
        new(null, [], [], Results.Json(new ProblemMessage(message), statusCode: status));

    /// <summary>The whole body, or null as soon as it is longer than <paramref name="limit"/> (nothing past it is read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
