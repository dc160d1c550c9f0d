using Intake.Kiosk.Host.Hardware;
using Intake.Kiosk.Host.Hardware.Gpio;
using Intake.Kiosk.Host.Hardware.Printer;
using Intake.Kiosk.Host.Metrics;
using Intake.Kiosk.Host.Staff.Auth;
using Intake.Sync.Store;
using Microsoft.Extensions.Options;

namespace Intake.Kiosk.Host.Health;

/// <summary>The technician's side of the host: device watch, status light, metrics, readiness, receipt printer.</summary>
internal static class KioskHealth
{
    public static void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<HardwareOptions>(builder.Configuration.GetSection(HardwareOptions.Section));
        builder.Services.AddSingleton(KioskVitals.Shared);
        // The folder `intake serve --data` gave the staff desk's store; a host without the desk: INTAKE_DATA, else ./data.
        builder.Services.AddSingleton(sp => new KioskDataFolder(
            sp.GetService<StaffAuthOptions>()?.Store.DataDirectory ?? Path.GetFullPath(DataDirectoryResolver.Resolve(null))));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DeviceWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeviceWatch>());
        builder.Services.AddSingleton(sp => new StatusLight(sp.GetRequiredService<IOptions<HardwareOptions>>().Value.Gpio, driver: null));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StatusLight>());
        builder.Services.AddSingleton(sp => new KioskMetrics(KioskVitals.Shared, sp.GetRequiredService<KioskDataFolder>(), sp.GetRequiredService<StatusLight>(), new ThermalZones()));
        builder.Services.AddSingleton<ReadinessProbe>();
        builder.Services.AddSingleton<Technician.FleetSource>();
        builder.Services.AddSingleton(sp => new ReceiptPrinter(sp.GetRequiredService<IOptions<HardwareOptions>>().Value.Printer, sp.GetRequiredService<KioskDataFolder>().Path));
    }
}
