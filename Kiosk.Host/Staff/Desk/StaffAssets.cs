using System.Reflection;

namespace Intake.Kiosk.Host.Staff.Desk;

/// <summary>
/// The desk's pages, script, style and texts, embedded in the assembly (Staff/Web: plain HTML and vanilla JS, no build
/// step), served with a strict Content-Security-Policy: scripts and styles from this origin only, no frames.
/// </summary>
internal static class StaffAssets
{
    private const string Policy = "default-src 'self'; img-src 'self' blob:; script-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
    };

    /// <summary>The embedded file <c>Staff/Web/<paramref name="name"/></c>, or 404.</summary>
    public static IResult File(HttpContext http, string name)
    {
        var type = Types.GetValueOrDefault(Path.GetExtension(name));
        var stream = type is null ? null : Assembly.GetExecutingAssembly().GetManifestResourceStream("staff/" + name);
        if (stream is null) return Results.NotFound();
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(stream, type);
    }
}
