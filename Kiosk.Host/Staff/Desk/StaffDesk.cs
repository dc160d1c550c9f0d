using System.Security.Claims;
using Intake.Dossiers;
using Intake.Imaging;
using Intake.Kiosk.Host.Staff.Auth;
using Intake.Ocr;
using Intake.Scanner.Camera;
using Intake.Scanner.Sane;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Staff.Desk;

/// <summary>
/// The staff desk: <c>/staff</c> (the desk page), <c>/staff/signin</c>, <c>/staff/assets/*</c>, and its API under
/// <c>/staff/api</c> (policy "Staff", antiforgery on every state change):
/// <c>POST scans</c> (a batch from the scanner into a new dossier), <c>GET review</c> (the dossiers with unsure or
/// conflicting fields), <c>GET dossiers/{code}</c> (its fields for review and its correction log),
/// <c>GET dossiers/{code}/pages/{n}</c> (the scanned page), <c>POST dossiers/{code}/fields/{name}</c> (a correction).
/// Logs name dossier codes, field names and counts only, never a value.
/// </summary>
public static class StaffDesk
{
    public static IServiceCollection AddStaffDesk(this IServiceCollection services, StaffDeskOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new DeskStore(options));
        return services;
    }

    public static WebApplication MapStaffDesk(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/staff", (HttpContext http) => StaffAssets.File(http, "desk.html")).RequireAuthorization(StaffRoles.StaffPolicy);
        app.MapGet("/staff/signin", (HttpContext http) => StaffAssets.File(http, "signin.html"));
        app.MapGet("/staff/assets/{name}", (HttpContext http, string name) => StaffAssets.File(http, name));

        var api = app.MapGroup("/staff/api").RequireAuthorization(StaffRoles.StaffPolicy).RequireStaffAntiforgery();
        api.MapGet("/desk", (StaffDeskOptions options) => Results.Ok(new { device = options.DefaultDevice, unsureBelow = options.UnsureBelow }));
        api.MapPost("/scans", ScanAsync);
        api.MapGet("/review", async (DeskStore store, CancellationToken token) =>
        {
            var dossiers = await store.ListAsync(token).ConfigureAwait(false);
            return Results.Ok(dossiers
                .Select(d => (Dossier: d, Fields: ReviewField.Of(d, store.Options.UnsureBelow).Where(f => f.NeedsReview).ToArray()))
                .Where(d => d.Fields.Length > 0)
                .Select(d => new
                {
                    code = d.Dossier.Code.ToString(),
                    createdAt = d.Dossier.CreatedAt,
                    pages = d.Dossier.Pages.Count,
                    applicant = d.Dossier.Applicant.FullName?.Value,
                    fields = d.Fields.Select(f => f.Name),
                }));
        });
        api.MapGet("/dossiers/{code}", async (string code, DeskStore store, CancellationToken token) =>
        {
            var dossier = await store.ReadAsync(code, token).ConfigureAwait(false);
            return Results.Ok(View(dossier, store.Options.UnsureBelow));
        });
        api.MapGet("/dossiers/{code}/pages/{page:int}", async (string code, int page, HttpContext http, DeskStore store, CancellationToken token) =>
        {
            var image = await store.PageImageAsync(code, page, token).ConfigureAwait(false);
            http.Response.Headers.CacheControl = "no-store";
            return image is null ? Results.NotFound() : Results.File(image, "image/jpeg");
        });
        api.MapPost("/dossiers/{code}/fields/{field}", CorrectAsync);
        api.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context).ConfigureAwait(false);
            }
            catch (KeyNotFoundException)
            {
                return Results.NotFound(new { error = "Không có hồ sơ này / no such dossier" });
            }
            catch (StoreException e)
            {
                // in use by another process past the wait, full, or without its key: said as the store says it
                return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }

    private static async Task<IResult> ScanAsync(DeskScan.Request request, HttpContext http, DeskStore store, ILoggerFactory logs, CancellationToken token)
    {
        var log = logs.CreateLogger("Intake.Staff.Desk");
        try
        {
            var outcome = await DeskScan.RunAsync(request, http.User.Identity!.Name!, store.Options, store, token).ConfigureAwait(false);
            var unsure = ReviewField.Of(outcome.Dossier, store.Options.UnsureBelow).Count(f => f.NeedsReview);
            DeskLog.Scanned(log, outcome.Dossier.Code, outcome.Dossier.Pages.Count, outcome.Dossier.Documents.Count, unsure, outcome.Refusals.Count);
            return Results.Ok(new { code = outcome.Dossier.Code.ToString(), pages = outcome.Dossier.Pages.Count, unsure, refusals = outcome.Refusals });
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or ImagingException or OcrException or SaneException or CameraException
                                      or IOException or StoreException or InvalidOperationException or NotSupportedException)
        {
            // the message names the device or file and the reason, never what a page says
            DeskLog.ScanRefused(log, e.GetType().Name);
            var status = e is StoreException or SaneException or IOException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
            return Results.Json(new { error = e.Message }, statusCode: status);
        }
    }

    private static async Task<IResult> CorrectAsync(string code, string field, CorrectionForm form, HttpContext http, DeskStore store, ILoggerFactory logs, CancellationToken token)
    {
        if (!FieldNames.All.Contains(field)) return Results.BadRequest(new { error = $"Không có trường '{field}' / no field '{field}'" });
        var value = (form.Value ?? string.Empty).Trim();
        if (value.Length is 0 or > 500) return Results.BadRequest(new { error = "Giá trị không được để trống (tối đa 500 ký tự) / the value must not be empty (500 characters at most)" });
        try
        {
            var dossier = await store.CorrectAsync(code, field, value, http.User.Identity!.Name!, form.Version, token).ConfigureAwait(false);
            DeskLog.Corrected(logs.CreateLogger("Intake.Staff.Desk"), code, field, dossier.Version, http.User.FindFirstValue(ClaimTypes.Role));
            return Results.Ok(View(dossier, store.Options.UnsureBelow));
        }
        catch (DeskConflictException e)
        {
            return Results.Conflict(new { error = e.Message });
        }
    }

    private static object View(Dossier dossier, double unsureBelow) => new
    {
        code = dossier.Code.ToString(),
        version = dossier.Version,
        procedure = dossier.Procedure?.Code,
        pages = dossier.Pages.Select(p => new { page = p.Index + 1, width = p.Width, height = p.Height }),
        fields = ReviewField.Of(dossier, unsureBelow).Select(f => new
        {
            name = f.Name,
            value = f.Value,
            confidence = Math.Round(f.Confidence, 3),
            source = f.Source,
            unsure = f.Unsure,
            conflict = f.Conflict,
            alternatives = f.Alternatives,
            page = f.Page + 1,
            region = Box(f.Region),
            highlight = Box(f.Highlight),
        }),
        corrections = dossier.Corrections.Select(c => new { field = c.FieldName, oldValue = c.OldValue, newValue = c.NewValue, by = c.Operator, at = c.At, reason = c.Reason }),
    };

    private static object? Box(Intake.Pages.PixelRect? box) => box is { } b ? new { x = b.X, y = b.Y, width = b.Width, height = b.Height } : null;

    /// <summary>A correction: the value the reviewer accepts, and the dossier version they saw.</summary>
    public sealed record CorrectionForm(string? Value, int Version);
}
