using Intake.Central.Api;
using Intake.Central.Kiosks;
using Intake.Central.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Intake.Central;

/// <summary>A central node: migrates its database, then serves tus, the kiosk API and the back office.</summary>
public static class CentralApp
{
    public static WebApplication Build(CentralOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = CentralDatabase.Open(options.DbOrDefault);
        database.Migrate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(options.Urls);
        // Bodies are limited per route by the authenticator (dossier, chunk); this is only the outer bound.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(options.MaxChunkBytes, options.MaxDossierBytes) + 1);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<CentralStore>();
        builder.Services.AddSingleton(new BlobStore(options.BlobDirectory));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<KioskRequestAuthenticator>();
        builder.Services.AddHostedService<UploadSweeper>();
        var app = builder.Build();
        TusEndpoints.Map(app, options);
        KioskEndpoints.Map(app);
        BackOfficeEndpoints.Map(app);
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}

/// <summary>Every 5 minutes: expired uploads (tus expiration) and nonces older than the signature window are removed.</summary>
internal sealed class UploadSweeper(CentralStore store, BlobStore blobs) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
        do
        {
            var cutoff = DateTimeOffset.UtcNow.Add(-2 * Sync.Protocol.SignedRequest.AllowedSkew).ToUnixTimeMilliseconds();
            foreach (var id in await store.SweepAsync(cutoff).ConfigureAwait(false)) blobs.Delete(id);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
