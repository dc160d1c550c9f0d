using System.Globalization;
using Intake.Central.Fleet;
using Intake.Central.Storage;
using Intake.Sync.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Intake.Central.Api;

/// <summary>
/// The read-only back-office API, behind an operator token (<c>Authorization: Bearer …</c>, made by
/// <c>intake central operator add NAME</c>). Only committed dossiers exist here.
/// </summary>
internal static class BackOfficeEndpoints
{
    public const string Prefix = "/api/v1/backoffice";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
        {
            var store = context.HttpContext.RequestServices.GetService(typeof(CentralStore)) as CentralStore;
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            if (store is null || !header.StartsWith("Bearer ", StringComparison.Ordinal)
                || await store.FindOperatorAsync(header["Bearer ".Length..].Trim()).ConfigureAwait(false) is null)
                return Results.Json(new ProblemMessage("Cần mã cán bộ / operator token required"), statusCode: 401);
            return await next(context).ConfigureAwait(false);
        });
        group.MapGet("/dossiers", SearchAsync);
        group.MapGet("/dossiers/{id}", async (string id, CentralStore store) =>
            await store.DossierJsonAsync(id).ConfigureAwait(false) is { } json
                ? Results.Text(json, "application/json; charset=utf-8")
                : Results.Json(new ProblemMessage("Không có hồ sơ / no such dossier"), statusCode: 404));
        group.MapGet("/dossiers/{id}/files/{name}", async (string id, string name, CentralStore store, BlobStore blobs) =>
        {
            var blob = (await store.DossierBlobsAsync(id).ConfigureAwait(false)).FirstOrDefault(b => b.Name == name);
            if (blob is null) return Results.Json(new ProblemMessage("Không có tệp / no such file"), statusCode: 404);
            var type = name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf"
                : name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png"
                : name.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) ? "image/jpeg" : "application/octet-stream";
            return Results.Stream(blobs.OpenRead(blob.UploadId), type, name);
        });
        group.MapGet("/kiosks", async (CentralStore store) =>
        {
            var now = DateTimeOffset.UtcNow;
            return Results.Json((await store.KiosksAsync().ConfigureAwait(false)).Select(k => FleetKiosk.From(k, now)));
        });
    }

    private static async Task<IResult> SearchAsync(HttpContext context, CentralStore store)
    {
        var q = context.Request.Query;
        static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        static long? Day(string? value) => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUnixTimeMilliseconds() : null;
        var page = int.TryParse(q["page"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var size = int.TryParse(q["pageSize"], CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, 200) : 50;
        var query = new DossierQuery(Given(q["code"]), Given(q["idNumber"]), Given(q["procedure"]), Day(q["from"]), Day(q["to"]), page, size);
        var (total, items) = await store.SearchAsync(query).ConfigureAwait(false);
        return Results.Json(new
        {
            total, page, pageSize = size,
            items = items.Select(d => new
            {
                d.Id, d.Code, procedure = d.ProcedureCode, d.IdNumber, d.KioskId, d.Receipt,
                createdAt = DateTimeOffset.FromUnixTimeMilliseconds(d.CreatedAt), receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(d.ReceivedAt),
                d.PageCount, files = d.BlobCount, allBlobsVerified = d.BlobCount == d.VerifiedBlobCount,
            }),
        });
    }
}
