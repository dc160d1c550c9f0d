using Intake.Kiosk.Host.Health;
using Intake.Kiosk.Host.Staff.Auth;
using Intake.Kiosk.Host.Staff.Desk;
using Intake.Ocr;
using Intake.Pipeline;

namespace Intake.Kiosk.Host.Api;

/// <summary>The kiosk's local web service: bound to the loopback interface only, never to the network.</summary>
internal static class KioskApp
{
    // A phone photo or a 600 dpi A4 scan is well under this; anything bigger is refused with 413.
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    public static WebApplication Build(int port, OcrOptions? ocr = null, StaffDeskOptions? staff = null, Action<ILoggingBuilder>? logging = null, Session.CitizenKiosk? citizen = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxUploadBytes);
        var engines = new PageEngines(ocr ?? new OcrOptions());
        builder.Services.AddSingleton(engines);
        builder.Services.AddSingleton(engines.Readers);
        builder.Services.AddSingleton(new PagePipeline(engines.Readers, new PageCleaner(engines, new PageCleanerOptions()), new PagePipelineOptions(OcrOutputs.Text, KeepCleanImages: false)));
        var desk = staff ?? StaffDeskOptions.Default();
        builder.Services.AddStaffAuth(desk.Auth);
        builder.Services.AddStaffDesk(desk);
        KioskHealth.AddServices(builder);
        citizen?.AddTo(builder);
        var app = builder.Build();
        app.UseStaffAuth();
        app.MapStaffDesk();
        HealthProbeEndpoints.Map(app);
        Technician.TechnicianPage.Map(app);
        HealthEndpoints.Map(app);
        OcrEndpoints.Map(app);
        if (citizen is not null) Session.SessionEndpoints.Map(app);
        return app;
    }
}
