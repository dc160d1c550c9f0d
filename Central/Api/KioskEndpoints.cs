using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Intake.Central.Fleet;
using Intake.Central.Kiosks;
using Intake.Central.Storage;
using Intake.Sync.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Intake.Central.Api;

/// <summary>Enrolment, dossier ingest and heartbeats: what a kiosk asks of the centre besides tus.</summary>
internal static class KioskEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(CentralRoutes.Enroll, EnrollAsync);
        app.MapPost(CentralRoutes.Dossiers, IngestAsync);
        app.MapPost(CentralRoutes.Heartbeat, HeartbeatAsync);
        app.MapGet(CentralRoutes.Fleet, FleetAsync);
    }

    // Any enrolled kiosk may read the fleet for its technician page: kiosk ids, names, status and heartbeats (version,
    // queue depth, disk free, scanner state) carry no personal data. Back-office operator tokens never go on a kiosk.
    private static async Task<IResult> FleetAsync(HttpContext context, KioskRequestAuthenticator auth, CentralStore store)
    {
        var request = await auth.AuthenticateAsync(context, 0).ConfigureAwait(false);
        if (request.Refusal is not null) return request.Refusal;
        var now = DateTimeOffset.UtcNow;
        return Results.Json((await store.KiosksAsync().ConfigureAwait(false)).Select(k => FleetKiosk.From(k, now)), Json);
    }

    private static IResult Problem(int status, string message) => Results.Json(new ProblemMessage(message), statusCode: status);

    private static async Task<IResult> EnrollAsync(HttpContext context, CentralStore store)
    {
        EnrollRequest? request;
        try { request = await JsonSerializer.DeserializeAsync<EnrollRequest>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false); }
        catch (JsonException) { request = null; }
        if (request is null || string.IsNullOrEmpty(request.Token) || string.IsNullOrEmpty(request.PublicKey))
            return Problem(400, "Yêu cầu đăng ký sai dạng / malformed enrolment request");
        using var key = SignedRequest.ImportPublicKey(request.PublicKey);
        if (key is null) return Problem(400, "Khóa công khai không phải ECDSA P-256 / the public key is not ECDSA P-256");
        var kioskId = await store.EnrollAsync(request.Token, request.PublicKey, request.Name).ConfigureAwait(false);
        return kioskId is null
            ? Problem(401, "Mã đăng ký không hợp lệ, đã dùng hoặc hết hạn / enrolment token unknown, used or expired")
            : Results.Json(new EnrollResponse(kioskId), statusCode: 201);
    }

    private static async Task<IResult> HeartbeatAsync(HttpContext context, KioskRequestAuthenticator auth, CentralStore store)
    {
        var request = await auth.AuthenticateAsync(context, 64 * 1024).ConfigureAwait(false);
        if (request.Refusal is not null) return request.Refusal;
        Heartbeat? beat;
        try { beat = JsonSerializer.Deserialize<Heartbeat>(request.Body, Json); }
        catch (JsonException) { beat = null; }
        if (beat is null) return Problem(400, "Nhịp tim sai dạng / malformed heartbeat");
        await store.RecordHeartbeatAsync(request.Kiosk!.Id, JsonSerializer.Serialize(beat, Json)).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> IngestAsync(HttpContext context, KioskRequestAuthenticator auth, CentralStore store, CentralOptions options)
    {
        var request = await auth.AuthenticateAsync(context, options.MaxDossierBytes).ConfigureAwait(false);
        if (request.Refusal is not null) return request.Refusal;
        var kiosk = request.Kiosk!;
        DossierSubmission? submission;
        try { submission = JsonSerializer.Deserialize<DossierSubmission>(request.Body, Json); }
        catch (JsonException) { submission = null; }
        if (submission is null || string.IsNullOrWhiteSpace(submission.DossierId) || submission.DossierId.Length > 100
            || string.IsNullOrWhiteSpace(submission.DossierJson) || submission.Blobs is null)
            return Problem(400, "Hồ sơ gửi lên sai dạng / malformed dossier submission");

        // Idempotent by dossier id: a repeat (the kiosk never heard the first answer) gets the first receipt.
        if (await ReceiptOfAsync(store, submission.DossierId, kiosk.Id).ConfigureAwait(false) is { } repeat) return repeat;

        var summary = DossierSummary.Read(submission.DossierJson);
        if (summary is null || summary.Id != submission.DossierId)
            return Problem(422, "dossier.json không khớp mã hồ sơ / dossier.json is not valid JSON for this dossier id");
        var rows = new List<DossierBlobRow>();
        foreach (var blob in submission.Blobs)
        {
            if (!BlobNames.IsSafe(blob.Name)) return Problem(400, "Tên tệp không hợp lệ / unsafe blob name");
            if (rows.Any(r => r.Name == blob.Name)) return Problem(422, "Tên tệp trùng / duplicate blob name " + blob.Name);
            var uploadId = blob.UploadUrl?.TrimEnd('/').Split('/')[^1] ?? "";
            var upload = uploadId.Length == 32 ? await store.FindUploadAsync(uploadId).ConfigureAwait(false) : null;
            if (upload is null) return Problem(422, "Tệp chưa được tải lên / blob not uploaded: " + blob.Name);
            if (upload.KioskId != kiosk.Id) return Problem(403, "Tệp thuộc ki-ốt khác / the blob belongs to another kiosk");
            if (upload.Verified != 1 || upload.UploadOffset != upload.Length)
                return Problem(409, "Tệp chưa tải xong hoặc chưa kiểm tra / blob incomplete or unverified: " + blob.Name);
            if (upload.Sha256 != blob.Sha256 || upload.Length != blob.Length || upload.Name != blob.Name)
                return Problem(422, "Tệp không khớp khai báo / blob does not match its declaration: " + blob.Name);
            rows.Add(new DossierBlobRow { DossierId = submission.DossierId, Name = blob.Name, UploadId = upload.Id, Sha256 = upload.Sha256, Length = upload.Length });
        }

        var receivedAt = CentralStore.Now();
        var receipt = "BN-" + DateTimeOffset.FromUnixTimeMilliseconds(receivedAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + CentralStore.NewId()[..12].ToUpperInvariant();
        var record = new DossierRecord(submission.DossierId, kiosk.Id, string.IsNullOrEmpty(summary.Code) ? submission.DossierCode : summary.Code,
            summary.ProcedureCode, summary.IdNumber, summary.PageCount, summary.CreatedAt ?? receivedAt, receivedAt, receipt, submission.DossierJson);
        try
        {
            await store.InsertDossierAsync(record, rows).ConfigureAwait(false);
        }
        catch (DbException e) when (CentralDatabase.IsUniqueViolation(e))
        {
            // The same dossier committed by a concurrent request (a retry racing its original): that one's receipt stands.
            if (await ReceiptOfAsync(store, submission.DossierId, kiosk.Id).ConfigureAwait(false) is { } raced) return raced;
            throw;
        }
        catch (InvalidOperationException)
        {
            return Problem(409, "Tệp thay đổi trong lúc nhận / a blob changed during ingest; retry");
        }
        await store.TouchKioskAsync(kiosk.Id).ConfigureAwait(false);
        return Results.Json(new DossierReceipt(receipt, submission.DossierId, DateTimeOffset.FromUnixTimeMilliseconds(receivedAt)), statusCode: 201);
    }

    private static async Task<IResult?> ReceiptOfAsync(CentralStore store, string dossierId, string kioskId)
    {
        if (await store.FindReceiptAsync(dossierId).ConfigureAwait(false) is not { } existing) return null;
        if (existing.KioskId != kioskId) return Problem(409, "Mã hồ sơ đã thuộc ki-ốt khác / the dossier id belongs to another kiosk");
        return Results.Json(new DossierReceipt(existing.Receipt, dossierId, DateTimeOffset.FromUnixTimeMilliseconds(existing.ReceivedAt)));
    }
}

/// <summary>The searchable fields of a dossier.json (Dossiers/Package/DossierJson.cs): id, code, procedure.code, applicant.idNumber.value, pages, createdAt.</summary>
internal sealed record DossierSummary(string Id, string Code, string? ProcedureCode, string? IdNumber, int PageCount, long? CreatedAt)
{
    public static DossierSummary? Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String) return null;
            string? Text(JsonElement e, params string[] path)
            {
                foreach (var step in path)
                    if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(step, out e)) return null;
                return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            }
            long? created = DateTimeOffset.TryParse(Text(root, "createdAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at.ToUnixTimeMilliseconds() : null;
            return new DossierSummary(id.GetString()!, Text(root, "code") ?? "", Text(root, "procedure", "code"),
                Text(root, "applicant", "idNumber", "value"),
                root.TryGetProperty("pages", out var pages) && pages.ValueKind == JsonValueKind.Array ? pages.GetArrayLength() : 0, created);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
