using Intake.Imaging;
using Intake.Ocr;
using Intake.Scanner.Sane;

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
            // False means a cancelled scan can hang the service (Scanner/native): the unit lost its LD_PRELOAD.
            saneThreadGuard = SaneSession.BackendThreadsGuarded,
        }));
}
