using Intake.Imaging;
using Intake.Ocr;

namespace Intake.Kiosk.Host.Api;

/// <summary>GET /health: is the kiosk able to read pages right now, and with what.</summary>
internal static class HealthEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/health", (OcrEnginePool pool) => Results.Json(new
        {
            status = "ok",
            tesseract = TesseractEngine.Version,
            imaging = ImageSource.NativeVersion,
            languages = pool.Options.Languages,
            workers = pool.Workers,
        }));
}
