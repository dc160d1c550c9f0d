using System.Globalization;
using Intake.Central.Kiosks;
using Intake.Central.Storage;
using Intake.Sync.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Intake.Central.Api;

/// <summary>
/// tus 1.0.0 (core, creation, checksum sha256, expiration, termination) under <c>/files</c>. Every request except
/// OPTIONS is a signed kiosk request; an upload is visible only to the kiosk that created it. Each PATCH may carry
/// <c>Upload-Checksum: sha256 …</c> (checked before a byte is written), and the finished blob is checked against
/// the SHA-256 declared at creation before it counts as verified.
/// </summary>
internal static class TusEndpoints
{
    private static readonly SemaphoreSlim[] UploadLocks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public static void Map(IEndpointRouteBuilder app, CentralOptions options)
    {
        app.MapMethods(Tus.FilesPath, ["OPTIONS"], (HttpContext context) =>
        {
            var headers = context.Response.Headers;
            headers[Tus.ResumableHeader] = Tus.Version;
            headers[Tus.VersionHeader] = Tus.Version;
            headers[Tus.ExtensionHeader] = Tus.Extensions;
            headers[Tus.MaxSizeHeader] = options.MaxBlobBytes.ToString(CultureInfo.InvariantCulture);
            headers[Tus.ChecksumAlgorithmHeader] = "sha256";
            return Results.NoContent();
        });
        app.MapPost(Tus.FilesPath, CreateAsync);
        app.MapMethods(Tus.FilesPath + "/{id}", ["HEAD"], HeadAsync);
        app.MapMethods(Tus.FilesPath + "/{id}", ["PATCH"], PatchAsync);
        app.MapDelete(Tus.FilesPath + "/{id}", DeleteAsync);
    }

    private static IResult Problem(int status, string message) => Results.Json(new ProblemMessage(message), statusCode: status);

    private static bool WrongVersion(HttpContext context) => context.Request.Headers[Tus.ResumableHeader] != Tus.Version;

    private static void CommonHeaders(HttpContext context, UploadRow upload)
    {
        var headers = context.Response.Headers;
        headers[Tus.ResumableHeader] = Tus.Version;
        headers[Tus.OffsetHeader] = upload.UploadOffset.ToString(CultureInfo.InvariantCulture);
        headers[Tus.LengthHeader] = upload.Length.ToString(CultureInfo.InvariantCulture);
        headers[Tus.ExpiresHeader] = DateTimeOffset.FromUnixTimeMilliseconds(upload.ExpiresAt).ToString("R", CultureInfo.InvariantCulture);
        headers.CacheControl = "no-store";
    }

    private static async Task<IResult> CreateAsync(HttpContext context, KioskRequestAuthenticator auth, CentralStore store, CentralOptions options)
    {
        if (WrongVersion(context)) return Problem(412, "Phiên bản tus không hỗ trợ / unsupported Tus-Resumable");
        var request = await auth.AuthenticateAsync(context, 0).ConfigureAwait(false);
        if (request.Refusal is not null) return request.Refusal;
        if (!long.TryParse(context.Request.Headers[Tus.LengthHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            return Problem(400, "Thiếu Upload-Length / Upload-Length missing (deferred length is not supported)");
        if (length > options.MaxBlobBytes) return Problem(413, "Tệp quá lớn / blob over Tus-Max-Size");
        var metadata = Tus.DecodeMetadata(context.Request.Headers[Tus.MetadataHeader]);
        if (metadata is null) return Problem(400, "Upload-Metadata sai dạng / malformed Upload-Metadata");
        if (!metadata.TryGetValue(Tus.NameKey, out var name) || !BlobNames.IsSafe(name))
            return Problem(400, "Tên tệp không hợp lệ / unsafe or missing blob name");
        if (!metadata.TryGetValue(Tus.Sha256Key, out var sha256) || sha256.Length != 64 || !sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            return Problem(400, "Thiếu mã băm sha256 / metadata sha256 (lowercase hex) missing");
        metadata.TryGetValue(Tus.DossierKey, out var dossierId);
        var now = CentralStore.Now();
        var upload = await store.CreateUploadAsync(new UploadRow
        {
            Id = CentralStore.NewId(), KioskId = request.Kiosk!.Id, DossierId = dossierId, Name = name, Sha256 = sha256, Length = length,
            CreatedAt = now, ExpiresAt = now + (long)options.UploadLifetime.TotalMilliseconds,
        }).ConfigureAwait(false);
        // Upload-Offset on a creation answer is our addition (tus clients ignore it): our uploader skips the HEAD
        // a fresh upload does not need, and learns at once how much of a found-again upload the centre holds.
        CommonHeaders(context, upload);
        return Results.Created(Tus.FilesPath + "/" + upload.Id, null);
    }

    /// <summary>The kiosk's own live upload, or the refusal: another kiosk's upload is as unknown as a missing one.</summary>
    private static async Task<(UploadRow? Upload, IResult? Refusal)> OwnUploadAsync(CentralStore store, KioskRow kiosk, string id)
    {
        if (id.Length != 32 || !id.All(Uri.IsHexDigit)) return (null, Problem(404, "Không có tệp tải lên này / no such upload"));
        var upload = await store.FindUploadAsync(id).ConfigureAwait(false);
        if (upload is null || upload.KioskId != kiosk.Id) return (null, Problem(404, "Không có tệp tải lên này / no such upload"));
        if (upload.Committed == 0 && upload.ExpiresAt < CentralStore.Now()) return (null, Problem(410, "Tệp tải lên đã hết hạn / upload expired"));
        return (upload, null);
    }

    private static async Task<IResult> HeadAsync(HttpContext context, string id, KioskRequestAuthenticator auth, CentralStore store)
    {
        var request = await auth.AuthenticateAsync(context, 0).ConfigureAwait(false);
        if (request.Refusal is not null) return request.Refusal;
        var (upload, refusal) = await OwnUploadAsync(store, request.Kiosk!, id).ConfigureAwait(false);
        if (refusal is not null) return refusal;
        CommonHeaders(context, upload!);
        return Results.Ok();
    }

    private static async Task<IResult> PatchAsync(HttpContext context, string id, KioskRequestAuthenticator auth, CentralStore store, BlobStore blobs,
        CentralOptions options)
    {
        if (WrongVersion(context)) return Problem(412, "Phiên bản tus không hỗ trợ / unsupported Tus-Resumable");
        if (context.Request.ContentType != Tus.OffsetContentType) return Problem(415, "Content-Type phải là / must be " + Tus.OffsetContentType);
        var request = await auth.AuthenticateAsync(context, options.MaxChunkBytes).ConfigureAwait(false);
        if (request.Refusal is not null) return request.Refusal;
        if (!long.TryParse(context.Request.Headers[Tus.OffsetHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            return Problem(400, "Thiếu Upload-Offset / Upload-Offset missing");
        var chunk = request.Body;
        if (context.Request.Headers[Tus.ChecksumHeader].ToString() is { Length: > 0 } checksum)
        {
            var parts = checksum.Split(' ', 2);
            if (parts.Length != 2 || parts[0] != "sha256") return Problem(400, "Chỉ hỗ trợ sha256 / only the sha256 checksum algorithm is supported");
            if (parts[1] != Convert.ToBase64String(request.BodySha256))
                return Problem(Tus.ChecksumMismatchStatus, "Mã kiểm tra của phần không khớp / chunk checksum mismatch");
        }
        var gate = UploadLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(id) % UploadLocks.Length)];
        await gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            var (upload, refusal) = await OwnUploadAsync(store, request.Kiosk!, id).ConfigureAwait(false);
            if (refusal is not null) return refusal;
            if (offset != upload!.UploadOffset)
                return Problem(409, $"Sai vị trí: máy chủ có {upload.UploadOffset} byte / offset mismatch: the centre holds {upload.UploadOffset} bytes");
            if (offset + chunk.Length > upload.Length) return Problem(400, "Vượt quá Upload-Length / chunk runs past Upload-Length");
            if (upload.Verified == 1) { CommonHeaders(context, upload); return Results.NoContent(); }
            await blobs.WriteAtAsync(upload.Id, offset, chunk, context.RequestAborted).ConfigureAwait(false);
            var end = offset + chunk.Length;
            var verified = false;
            if (end == upload.Length)
            {
                var whole = offset == 0 ? Convert.ToHexStringLower(request.BodySha256)
                    : await blobs.Sha256Async(upload.Id, upload.Length, context.RequestAborted).ConfigureAwait(false);
                if (whole != upload.Sha256)
                {
                    // The whole blob is not what was declared: nothing of it is kept; the kiosk starts it again.
                    await store.DeleteUploadAsync(upload.Id).ConfigureAwait(false);
                    blobs.Delete(upload.Id);
                    return Problem(Tus.ChecksumMismatchStatus, "Mã băm của tệp không khớp / whole-blob SHA-256 mismatch");
                }
                verified = true;
            }
            var expiresAt = CentralStore.Now() + (long)options.UploadLifetime.TotalMilliseconds;
            if (!await store.AdvanceUploadAsync(upload.Id, offset, end, verified, expiresAt).ConfigureAwait(false))
                return Problem(409, "Tệp đang được ghi bởi yêu cầu khác / another request moved the offset");
            upload.UploadOffset = end;
            upload.ExpiresAt = expiresAt;
            CommonHeaders(context, upload);
            return Results.NoContent();
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string id, KioskRequestAuthenticator auth, CentralStore store, BlobStore blobs)
    {
        var request = await auth.AuthenticateAsync(context, 0).ConfigureAwait(false);
        if (request.Refusal is not null) return request.Refusal;
        var (upload, refusal) = await OwnUploadAsync(store, request.Kiosk!, id).ConfigureAwait(false);
        if (refusal is not null) return refusal;
        if (!await store.DeleteUploadAsync(upload!.Id).ConfigureAwait(false))
            return Problem(409, "Tệp đã thuộc một hồ sơ / the blob belongs to a committed dossier");
        blobs.Delete(upload.Id);
        context.Response.Headers[Tus.ResumableHeader] = Tus.Version;
        return Results.NoContent();
    }
}
