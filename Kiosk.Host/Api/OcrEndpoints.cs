using Intake.Imaging;
using Intake.Kiosk.Host.Reading;
using Intake.Pipeline;
using Intake.Ocr;
using Microsoft.AspNetCore.Http.Features;

namespace Intake.Kiosk.Host.Api;

/// <summary>
/// POST /api/ocr: the request body is one image file; each page goes through the one page pipeline (cleanup included)
/// and the answer is the text and words of every piece read (a page, or each card found on it) as JSON.
/// </summary>
internal static class OcrEndpoints
{
    public static void Map(WebApplication app) => app.MapPost("/api/ocr", ReadAsync);

    private static async Task<IResult> ReadAsync(HttpContext context, PagePipeline pipeline, CancellationToken token)
    {
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, token).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"Tệp quá lớn / the upload exceeds {KioskApp.MaxUploadBytes / (1024 * 1024)} MiB");
        }
        if (body.Length == 0) return Error(StatusCodes.Status400BadRequest, "Không có ảnh trong yêu cầu / the request body holds no image");
        try
        {
            using var source = ImageSource.FromBytes(body);
            var pages = new List<OcrJson.Page>();
            for (var page = 0; page < source.PageCount; page++)
            {
                var image = source.Decode(page);
                var number = page;
                var reading = await Task.Run(() => pipeline.ReadOne(image, number, token), token).ConfigureAwait(false);
                pages.AddRange(reading.Pieces.Select(piece => OcrJson.ToPage(number + 1, piece.Text)));
            }
            return Results.Json(new { pages }, OcrJson.Options);
        }
        catch (ImagingException e)
        {
            return Error(e.Error == ImagingError.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, OcrJson.Options, statusCode: status);
}
