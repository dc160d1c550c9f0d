using Intake.Kiosk.Host.Cli;
using Intake.Ocr;
using Intake.Pipeline;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// Everything `intake serve` adds for the citizen: the store held open for the service's life (sessions commit to it,
/// the outbox uploader reads it: one process holds a store once), the in-process central service unless --central
/// is given, the scanner (SANE, else the bundled samples replayed), the session pipeline's engines, and the web screen.
/// </summary>
internal sealed class CitizenKiosk : IAsyncDisposable
{
    private CitizenKiosk(KioskServeOptions options, DossierStore store, WebApplication? central, KioskScanner scanner)
    {
        Options = options;
        Store = store;
        Central = central;
        Scanner = scanner;
    }

    public KioskServeOptions Options { get; }

    public DossierStore Store { get; }

    /// <summary>The in-process central service, when there is one.</summary>
    public WebApplication? Central { get; }

    public KioskScanner Scanner { get; }

    /// <summary>The bundled synthetic sample pages (Kiosk.Host/Samples, copied beside the program).</summary>
    public static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <exception cref="StoreException">The store cannot be opened (in use, key missing…).</exception>
    public static async Task<CitizenKiosk> StartAsync(KioskServeOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = StoreCliOptions.Open(new StoreOptions(options.DataDirectory)
        {
            LockWait = StoreCliOptions.LockWait,
            KeyFile = Environment.GetEnvironmentVariable(StoreCliOptions.KeyFileVariable) is { Length: > 0 } key ? Path.GetFullPath(key) : null,
        }, error);
        try
        {
            WebApplication? central = null;
            if (options.CentralUrl is null) central = await EmbeddedCentral.StartAsync(options.DataDirectory, cancellationToken).ConfigureAwait(false);
            var scanner = await Task.Run(() => KioskScanner.Create(options.Scanner, SamplesFolder), cancellationToken).ConfigureAwait(false);
            return new CitizenKiosk(options, store, central, scanner);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The session services, JSON logs, systemd notification and a shutdown long enough to finish pages in flight.</summary>
    public void AddTo(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSystemd();
        builder.Logging.ClearProviders();
        // one JSON object per line; messages name no person (codes, counts and states only)
        builder.Logging.AddJsonConsole(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        builder.Logging.AddFilter("Intake", LogLevel.Information);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(Store);
        builder.Services.AddSingleton(Scanner);
        builder.Services.AddSingleton(new SessionOptions { IdleTimeout = Options.IdleTimeout, KioskCode = Options.KioskCode });
        builder.Services.AddSingleton(_ => new SessionEngines());
        builder.Services.AddSingleton(services => services.GetRequiredService<SessionEngines>().Pipeline);
        builder.Services.AddSingleton<SpokenPrompts>();
        builder.Services.AddSingleton<CitizenSessions>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CitizenSessions>());
        builder.Services.AddHostedService<PaperStartsScan>();
    }

    public async ValueTask DisposeAsync()
    {
        if (Central is not null)
        {
            await Central.StopAsync().ConfigureAwait(false);
            await Central.DisposeAsync().ConfigureAwait(false);
        }
        Store.Dispose();
    }
}

/// <summary>What `intake serve` was asked for: the data folder, the centre (null: in-process), the scanner choice, the idle timeout, the kiosk code.</summary>
internal sealed record KioskServeOptions(string DataDirectory, string? CentralUrl, string Scanner, TimeSpan IdleTimeout, string KioskCode);

/// <summary>
/// The session pipeline's engines: the Vietnamese model dossiers are read with (<see cref="PageEngines.DossierLanguages"/>),
/// one engine per core, loaded in the background at start; searchable-PDF output for the archived package.
/// </summary>
internal sealed class SessionEngines : IDisposable
{
    private readonly PageEngines _engines = new(new OcrOptions { Languages = PageEngines.DossierLanguages });

    public SessionEngines()
    {
        Pipeline = new PagePipeline(_engines.Readers, new PageCleaner(_engines, new PageCleanerOptions()), new PagePipelineOptions(OcrOutputs.SearchablePdf, KeepCleanImages: false)
        {
            ReadingStarted = work => (work.Owner as KioskSession)?.ReadingStarted(work.Page),
        });
        _ = Task.Run(_engines.WarmUp);
    }

    public PagePipeline Pipeline { get; }

    public void Dispose() => _engines.Dispose();
}
