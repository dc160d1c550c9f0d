using System.Text.Json;
using Intake.Dossiers.Procedures;
using Intake.Imaging;
using Intake.Kiosk.Host.Api;
using Intake.Kiosk.Host.Hardware.Printer;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// The citizen's session API under /api (docs/api.md) and the screen itself at / (Web/). Every answer is
/// <c>Cache-Control: no-store</c>, so no scan or field is kept in the browser's cache. Errors are JSON
/// <c>{ "error": "Vietnamese / English" }</c>.
/// </summary>
internal static class SessionEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            await next(context).ConfigureAwait(false);
        });
        foreach (var (path, type) in new[] { ("/", "text/html; charset=utf-8"), ("/app.js", "text/javascript; charset=utf-8"), ("/app.css", "text/css; charset=utf-8") })
        {
            var name = path == "/" ? "index.html" : path[1..];
            app.MapGet(path, () => Results.Stream(WebAsset(name), type));
        }

        app.MapGet("/api/texts", (string? lang) => Results.Json(CitizenTexts.All(lang ?? CitizenTexts.Vietnamese)));
        app.MapGet("/api/procedures", (string? q) => Results.Json(ProcedureSearch.Find(q).Select(p => new { p.Code, p.Name })));
        app.MapGet("/api/kiosk", (CitizenSessions sessions, KioskScanner scanner) => Results.Json(new
        {
            scanner = scanner.Name,
            idleTimeoutSeconds = sessions.Options.IdleTimeout.TotalSeconds,
            warningSeconds = sessions.Options.Warning.TotalSeconds,
            sessionActive = sessions.Current is { EndReason: null },
            bytesHeld = sessions.Current?.BytesHeld ?? 0,
        }));
        app.MapGet("/api/speech/{key}", async (string key, string? lang, SpokenPrompts speech, CancellationToken token) =>
            await speech.SayAsync(key, lang ?? CitizenTexts.Vietnamese, token).ConfigureAwait(false) is { } wav ? Results.File(wav, "audio/wav") : Results.NotFound());

        var api = app.MapGroup("/api/session");
        api.MapPost("", (StartRequest? request, CitizenSessions sessions) =>
        {
            try
            {
                var session = sessions.Start(string.IsNullOrWhiteSpace(request?.Procedure) ? null : request.Procedure);
                return Results.Json(Describe(session, sessions.Options), statusCode: StatusCodes.Status201Created);
            }
            catch (SessionConflictException e)
            {
                return Error(StatusCodes.Status409Conflict, e.Message);
            }
            catch (ArgumentException e)
            {
                return Error(StatusCodes.Status400BadRequest, e.Message);
            }
        });
        api.MapDelete("/current", (CitizenSessions sessions) => sessions.End(null, "cancelled") ? Results.NoContent() : Results.NotFound());
        api.MapGet("/{id}", (string id, CitizenSessions sessions) => With(sessions, id, s => Results.Json(Describe(s, sessions.Options))));
        api.MapPost("/{id}/touch", (string id, CitizenSessions sessions) => With(sessions, id, _ => Results.NoContent()));
        api.MapDelete("/{id}", (string id, string? reason, CitizenSessions sessions) =>
            sessions.End(id, reason == "finished" ? "finished" : "cancelled") ? Results.NoContent() : Results.NotFound());
        api.MapPost("/{id}/procedure", (string id, StartRequest request, CitizenSessions sessions) => With(sessions, id, s =>
        {
            s.ChooseProcedure(request.Procedure ?? string.Empty);
            return Results.Json(Describe(s, sessions.Options));
        }));
        api.MapPost("/{id}/scan", async (string id, CitizenSessions sessions, CancellationToken token) =>
            await WithAsync(sessions, id, async s => Results.Json(new { page = await sessions.ScanAsync(s, token).ConfigureAwait(false) })).ConfigureAwait(false));
        api.MapPost("/{id}/pages", async (string id, HttpContext context, CitizenSessions sessions, CancellationToken token) =>
            await WithAsync(sessions, id, async s =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body, token).ConfigureAwait(false);
                if (body.Length == 0) return Error(StatusCodes.Status400BadRequest, "Không có ảnh trong yêu cầu / the request body holds no image");
                using var source = ImageSource.FromBytes(body.GetBuffer().AsSpan(0, (int)body.Length));
                var image = source.Decode(0);
                var dpi = image.DpiX > 0 ? image : ReplaceWith(image, image.WithDpi(300, 300));
                return Results.Json(new { page = s.AddPage(dpi) });
            }).ConfigureAwait(false));
        api.MapGet("/{id}/pages/{number:int}/thumbnail", (string id, int number, CitizenSessions sessions) =>
            With(sessions, id, s => s.Thumbnail(number) is { } jpeg ? Results.File(jpeg, "image/jpeg") : Results.NotFound()));
        api.MapGet("/{id}/events", async (string id, HttpContext context, CitizenSessions sessions, CancellationToken token) =>
        {
            if (sessions.Find(id) is not { } session) return Results.NotFound();
            // listening starts before the screen learns the stream is open, so no event falls between the two
            var events = session.Listen();
            context.Response.Headers.ContentType = "text/event-stream";
            await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
            try
            {
                await foreach (var message in events.ReadAllAsync(token).ConfigureAwait(false))
                {
                    await context.Response.WriteAsync($"event: {message.Type}\ndata: {JsonSerializer.Serialize(message.Data, Json)}\n\n", token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // the screen went away
            }
            finally
            {
                session.StopListening(events);
            }
            return Results.Empty;
        });
        api.MapGet("/{id}/review", async (string id, CitizenSessions sessions, CancellationToken token) =>
            await WithAsync(sessions, id, async s =>
            {
                var review = await s.ReviewAsync(token).ConfigureAwait(false);
                return Results.Json(Describe(s, review), Json);
            }).ConfigureAwait(false));
        // the citizen corrects one field before confirming; the answer is the review again, every check run anew
        api.MapPost("/{id}/fields/{name}", (string id, string name, CorrectionRequest? request, CitizenSessions sessions, ILogger<CitizenSessions> log) =>
            With(sessions, id, s =>
            {
                var review = s.Correct(name, request?.Value);
                SessionLog.FieldCorrected(log, name);
                return Results.Json(Describe(s, review), Json);
            }));
        api.MapGet("/{id}/fields/{name}/crop", (string id, string name, CitizenSessions sessions) =>
            With(sessions, id, s => s.FieldCrop(name) is { } jpeg ? Results.File(jpeg, "image/jpeg") : Results.NotFound()));
        api.MapPost("/{id}/confirm", (string id, CitizenSessions sessions, DossierStore store, ReceiptPrinter printer, ILogger<CitizenSessions> log) => With(sessions, id, s =>
        {
            var receipt = s.Commit(store);
            SessionLog.Committed(log, receipt.Code);
            ReceiptPrinting.Print(receipt, printer, log);
            return Results.Json(new
            {
                code = receipt.Code, procedure = receipt.ProcedureCode, procedureName = receipt.ProcedureName, idNumber = receipt.IdNumber,
                time = receipt.Time, qr = $"/api/session/{s.Id}/receipt/qr.png", pdf = $"/api/session/{s.Id}/receipt/receipt.pdf",
            });
        }));
        api.MapGet("/{id}/receipt/qr.png", (string id, CitizenSessions sessions) =>
            With(sessions, id, s => s.Receipt is { } r ? Results.File(r.QrPng, "image/png") : Results.NotFound()));
        api.MapGet("/{id}/receipt/receipt.pdf", (string id, CitizenSessions sessions) =>
            With(sessions, id, s => s.Receipt is { } r ? Results.File(r.Pdf, "application/pdf", $"{r.Code}.pdf") : Results.NotFound()));
    }

    /// <summary>The body of POST /api/session and /procedure.</summary>
    internal sealed record StartRequest(string? Procedure);

    /// <summary>The body of POST /api/session/{id}/fields/{name}: the value as the citizen typed it.</summary>
    internal sealed record CorrectionRequest(string? Value);

    /// <summary>The review screen's content: the checklist, the documents and the shown fields (docs/api.md).</summary>
    private static object Describe(KioskSession session, SessionReview review)
    {
        var procedure = session.ProcedureCode is { } code ? ProcedureCatalog.Default.Find(code).Value : null;
        return new
        {
            procedure = procedure is null ? null : new { procedure.Code, procedure.Name },
            checklist = review.Dossier.Checklist,
            documents = review.Dossier.Documents.Select(d => new { d.Type, pages = d.PageIndexes.Select(i => review.PageNumbers[i]) }),
            fields = review.Fields().Select(f => new
            {
                f.Name, f.Value, f.Confidence, f.Source, f.Unsure, f.Conflicting, f.Corrected, f.Alternatives,
                crop = f.HasCrop && (f.Unsure || f.Conflicting || f.Corrected) ? $"/api/session/{session.Id}/fields/{f.Name}/crop" : null,
            }),
        };
    }

    private static object Describe(KioskSession session, SessionOptions options)
    {
        var procedure = session.ProcedureCode is { } code ? ProcedureCatalog.Default.Find(code).Value : null;
        return new
        {
            id = session.Id,
            procedure = procedure is null ? null : new { procedure.Code, procedure.Name },
            pages = session.PageStatus(),
            checklist = session.Checklist(),
            idleTimeoutSeconds = options.IdleTimeout.TotalSeconds,
            warningSeconds = options.Warning.TotalSeconds,
        };
    }

    private static IResult With(CitizenSessions sessions, string id, Func<KioskSession, IResult> act) =>
        WithAsync(sessions, id, s => Task.FromResult(act(s))).GetAwaiter().GetResult();

    private static async Task<IResult> WithAsync(CitizenSessions sessions, string id, Func<KioskSession, Task<IResult>> act)
    {
        if (sessions.Find(id) is not { } session) return Error(StatusCodes.Status404NotFound, "Không có phiên này / no such session");
        try
        {
            return await act(session).ConfigureAwait(false);
        }
        catch (SessionEndedException e)
        {
            return Error(StatusCodes.Status404NotFound, e.Message);
        }
        catch (ArgumentException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (ImagingException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Error(StatusCodes.Status409Conflict, e.Message);
        }
        catch (StoreException e)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }

    private static Image ReplaceWith(Image old, Image replacement)
    {
        old.Dispose();
        return replacement;
    }

    private static Stream WebAsset(string name) =>
        typeof(SessionEndpoints).Assembly.GetManifestResourceStream($"web/{name}") ?? throw new InvalidOperationException($"web/{name} is not embedded");

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
