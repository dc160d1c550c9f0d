using Intake.Kiosk.Host.Staff.Auth;

namespace Intake.Kiosk.Host.Staff.Desk;

/// <summary>
/// The staff desk: <c>/staff</c> (the review page), <c>/staff/signin</c>, <c>/staff/assets/*</c>, and its API under
/// <c>/staff/api</c> (policy "Staff", antiforgery on every state change).
/// </summary>
public static class StaffDesk
{
    public static IServiceCollection AddStaffDesk(this IServiceCollection services, StaffDeskOptions options)
    {
        services.AddSingleton(options);
        return services;
    }

    public static WebApplication MapStaffDesk(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/staff", (HttpContext http) => StaffAssets.File(http, "desk.html")).RequireAuthorization(StaffRoles.StaffPolicy);
        app.MapGet("/staff/signin", (HttpContext http) => StaffAssets.File(http, "signin.html"));
        app.MapGet("/staff/assets/{name}", (HttpContext http, string name) => StaffAssets.File(http, name));
        return app;
    }
}
