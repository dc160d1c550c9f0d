using System.Security.Claims;
using System.Threading.RateLimiting;
using Intake.Sync.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;

namespace Intake.Kiosk.Host.Staff.Auth;

/// <summary>
/// Sign-in for the desk, in one place: <see cref="AddStaffAuth"/> registers the roster, the cookie, the policies
/// "Staff" and "Technician" (<see cref="StaffRoles"/>), antiforgery and the sign-in rate limit; <see cref="UseStaffAuth"/>
/// adds the middleware and the sign-in endpoints under <c>/staff/api</c>.
/// The cookie <c>intake-staff</c> is HttpOnly, SameSite=Strict, Secure whenever the request is (the kiosk serves
/// plain http on 127.0.0.1 only, where a Secure-only cookie would never come back), 8 hours sliding; its key ring lives
/// in <c>DATA/staff-keys</c> so a restart does not sign the desk out. An API call without a valid cookie gets 401, with
/// the wrong role 403 (never a redirect); a page gets the sign-in page.
/// Every state-changing request (POST, PUT, PATCH, DELETE) under <c>/staff</c> must carry the antiforgery token in the
/// <c>X-CSRF-TOKEN</c> header (ASP.NET Core antiforgery, double-submit with the <c>intake-csrf</c> cookie); without it,
/// 403 and nothing happens. Sign-in attempts: <see cref="StaffAuthOptions.SignInPermitsPerMinute"/> per client address.
/// </summary>
public static class StaffAuth
{
    public const string Scheme = "Staff";
    public const string CookieName = "intake-staff";
    public const string AntiforgeryCookieName = "intake-csrf";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
    public const string StampClaim = "intake:stamp";
    private const string SignInLimit = "staff-signin";

    public static IServiceCollection AddStaffAuth(this IServiceCollection services, StaffAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var roster = new StaffDirectory(options.Store);
        services.AddSingleton(options);
        services.AddSingleton(roster);
        services.AddDataProtection()
            .SetApplicationName("intake-kiosk")
            .PersistKeysToFileSystem(KeyRingFolder(options.Store.DataDirectory));
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/staff/signin";
            cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
            cookie.Events.OnValidatePrincipal = async context =>
            {
                // a cookie outlives a lock-out or a PIN reset only until its next request
                var name = context.Principal?.Identity?.Name;
                var stamp = context.Principal?.FindFirstValue(StampClaim);
                if (name is null || stamp is null || !roster.IsCurrent(name, stamp))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme).ConfigureAwait(false);
                }
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.StaffPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(StaffRoles.Staff, StaffRoles.Technician))
            .AddPolicy(StaffRoles.TechnicianPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(StaffRoles.Technician));
        services.AddAntiforgery(a =>
        {
            a.HeaderName = AntiforgeryHeader;
            a.Cookie.Name = AntiforgeryCookieName;
            a.Cookie.HttpOnly = true;
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = (context, token) => new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
                new { error = "Quá nhiều lần đăng nhập, hãy thử lại sau một phút / too many sign-in attempts, try again in a minute" }, token));
        });
        return services;
    }

    /// <summary>The middleware (rate limiter, authentication, authorization) and the sign-in endpoints.</summary>
    public static WebApplication UseStaffAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        var api = app.MapGroup("/staff/api").RequireStaffAntiforgery();
        // the token for the sign-in form; after sign-in the page asks /staff/api/session for one bound to the member
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) => Results.Ok(new { token = antiforgery.GetAndStoreTokens(http).RequestToken }));
        api.MapPost("/signin", SignInAsync).RequireRateLimiting(SignInLimit);
        api.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(Scheme).ConfigureAwait(false);
            return Results.NoContent();
        });
        // the technician's view of the roster, and the unlock after a lock-out
        api.MapGet("/roster", (StaffDirectory roster) => Results.Ok(roster.List().Select(m => new { name = m.Name, role = m.Role, locked = m.Locked, failures = m.Failures })))
            .RequireAuthorization(StaffRoles.TechnicianPolicy);
        api.MapPost("/roster/unlock", (StaffDirectory roster, SignInForm form) =>
        {
            try
            {
                roster.Unlock(form.Name ?? string.Empty);
                return Results.NoContent();
            }
            catch (StaffException e)
            {
                return Results.NotFound(new { error = e.Message });
            }
        }).RequireAuthorization(StaffRoles.TechnicianPolicy);
        api.MapGet("/session", (HttpContext http, IAntiforgery antiforgery) => Results.Ok(new
        {
            name = http.User.Identity!.Name,
            role = http.User.FindFirstValue(ClaimTypes.Role),
            token = antiforgery.GetAndStoreTokens(http).RequestToken,
        })).RequireAuthorization(StaffRoles.StaffPolicy);
        return app;
    }

    /// <summary>Every POST, PUT, PATCH or DELETE of the group must carry a valid antiforgery token, else 403 and the endpoint does not run.</summary>
    public static RouteGroupBuilder RequireStaffAntiforgery(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return await next(context).ConfigureAwait(false);
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Json(new { error = "Yêu cầu thiếu mã chống giả mạo / the request lacks a valid antiforgery token" }, statusCode: StatusCodes.Status403Forbidden);
            }

            return await next(context).ConfigureAwait(false);
        });
        return group;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, StaffDirectory roster, SignInForm form)
    {
        var result = await Task.Run(() => roster.SignIn(form.Name ?? string.Empty, form.Pin ?? string.Empty)).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                var member = result.Member!;
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, member.Name), new Claim(ClaimTypes.Role, member.Role), new Claim(StampClaim, member.Stamp)], Scheme);
                await http.SignInAsync(Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
                return Results.Ok(new { name = member.Name, role = member.Role });
            case SignInOutcome.Locked:
                return Results.Json(new { error = "Tài khoản đã bị khóa sau 5 lần nhập sai; hãy nhờ kỹ thuật viên mở khóa / the account is locked after 5 wrong PINs; ask a technician to unlock it", locked = true },
                    statusCode: StatusCodes.Status403Forbidden);
            default:
                return Results.Json(new { error = $"Tên hoặc mã PIN không đúng (còn {result.TriesLeft} lần) / wrong name or PIN ({result.TriesLeft} tries left)", locked = false },
                    statusCode: StatusCodes.Status401Unauthorized);
        }
    }

    /// <summary>DATA/staff-keys, 0700: the cookie's key ring, readable by the service user only.</summary>
    private static DirectoryInfo KeyRingFolder(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "staff-keys");
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>401 or 403 for API calls; the sign-in page for a page asked for without a cookie.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (status == StatusCodes.Status401Unauthorized && HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/staff/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>The sign-in request body: the member's name and PIN.</summary>
    public sealed record SignInForm(string? Name, string? Pin);
}

/// <summary>Where the roster lives (the store's data folder and key) and how many sign-in attempts a client gets per minute.</summary>
public sealed record StaffAuthOptions(StoreOptions Store)
{
    public int SignInPermitsPerMinute { get; init; } = 10;
}
