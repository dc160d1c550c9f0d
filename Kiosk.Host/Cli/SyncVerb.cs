using System.CommandLine;
using Intake.Kiosk.Host.Hardware;
using Intake.Kiosk.Host.Health;
using Intake.Kiosk.Host.Metrics;
using Intake.Sync.Outbox;
using Intake.Sync.Protocol;
using Intake.Sync.Store;
using Intake.Sync.Upload;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake sync [--once]`: delivers the outbox to the centre the kiosk enrolled with; without --once it keeps going
/// and sends a heartbeat every 30 s. The outbox is the kiosk store's (<see cref="KioskOutbox"/>). `intake serve`
/// runs the same loop in the background (<see cref="RunInBackgroundAsync"/>).
/// </summary>
internal static class SyncVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var once = new Option<bool>("--once") { Description = "Một lượt rồi thoát / one pass, then exit" };
        var bandwidth = new Option<long?>("--bandwidth") { Description = "Giới hạn byte/giây / upload cap in bytes per second" };
        var data = DataFolder.Option();
        var command = new Command("sync", "Gửi hồ sơ về trung tâm / deliver dossiers to the centre") { once, bandwidth, data };
        command.SetAction(async (parse, cancel) =>
        {
            using var session = SyncSession.Open(Path.GetFullPath(parse.GetValue(data)!), parse.GetValue(bandwidth), error);
            if (session is null) return 1;
            session.Uploader.Delivered += (id, receipt) => output.WriteLine($"intake: đã gửi / delivered {id} -> {receipt}");
            if (parse.GetValue(once))
            {
                var pass = await session.Uploader.RunOnceAsync(cancel).ConfigureAwait(false);
                output.WriteLine($"intake: {pass.Delivered} đã gửi / delivered, {pass.Failed} lỗi / failed");
                return pass.Failed == 0 ? 0 : 1;
            }
            await session.RunAsync(cancel).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>For `intake serve`: the sync loop until <paramref name="cancel"/>, or a line saying why there is none.</summary>
    public static async Task RunInBackgroundAsync(string dataDirectory, TextWriter error, CancellationToken cancel)
    {
        using var session = SyncSession.Open(dataDirectory, null, error);
        if (session is not null) await session.RunAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>The same loop over a store the caller holds open (and keeps: one process holds a store once).</summary>
    public static async Task RunInBackgroundAsync(string dataDirectory, DossierStore store, TextWriter error, CancellationToken cancel)
    {
        using var session = SyncSession.Open(dataDirectory, null, error, store);
        if (session is not null) await session.RunAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>The enrolled kiosk's uploader and heartbeat over one HTTP client.</summary>
    private sealed class SyncSession : IDisposable
    {
        private readonly System.Security.Cryptography.ECDsa key;
        private readonly HttpClient http;
        private readonly HeartbeatSender heartbeat;

        private readonly DossierStore store;
        private readonly IDisposable attached;
        private readonly bool ownsStore;

        private SyncSession(KioskIdentity identity, DossierStore outbox, string dataDir, long? bandwidth, bool ownsOutbox = true)
        {
            store = outbox;
            ownsStore = ownsOutbox;
            key = identity.OpenKey();
            http = new HttpClient { BaseAddress = new Uri(identity.CentralUrl), Timeout = TimeSpan.FromMinutes(2) };
            var client = new CentralClient(http, identity.KioskId, key);
            Uploader = new OutboxUploader(new FailureCountingOutbox(outbox, KioskVitals.Shared), client, new UploaderOptions { BandwidthBytesPerSecond = bandwidth });
            attached = KioskVitals.Shared.AttachOutbox(outbox);
            heartbeat = new HeartbeatSender(client, () => Describe(outbox, dataDir));
        }

        public OutboxUploader Uploader { get; }

        /// <summary>Null, with the reason on <paramref name="error"/>, when the kiosk is not enrolled or has no outbox.</summary>
        public static SyncSession? Open(string dataDir, long? bandwidth, TextWriter error, DossierStore? shared = null)
        {
            if (KioskIdentity.Load(dataDir) is not { } identity)
            {
                error.WriteLine("intake: ki-ốt chưa đăng ký (intake enroll) / the kiosk is not enrolled (run intake enroll)");
                return null;
            }
            try
            {
                return shared is null
                    ? new SyncSession(identity, KioskOutbox.Open(dataDir, error), dataDir, bandwidth)
                    : new SyncSession(identity, shared, dataDir, bandwidth, ownsOutbox: false);
            }
            catch (StoreException e)
            {
                error.WriteLine("intake: " + e.Message);
                return null;
            }
        }

        public async Task RunAsync(CancellationToken cancel)
        {
            try
            {
                await Task.WhenAll(Uploader.RunAsync(cancel), heartbeat.RunAsync(cancel)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
            }
        }

        public void Dispose()
        {
            attached.Dispose();
            http.Dispose();
            key.Dispose();
            if (ownsStore) store.Dispose();
        }
    }

    /// <summary>
    /// The scanner as `intake serve`'s device watch last saw it; `intake sync` alone has no watch, so it probes now.
    /// The scanner probed is <c>Intake__Hardware__Scanner</c> when set, else any local scanner.
    /// </summary>
    internal static string ScannerStateForHeartbeat(KioskVitals vitals)
    {
        if (vitals.Scanner == ScannerState.Unknown)
            vitals.Scanner = HardwareOptions.ProbeScannerFromEnvironment
                ? ScannerProbe.Probe(Environment.GetEnvironmentVariable("Intake__Hardware__Scanner"))
                : ScannerProbe.Off;
        return vitals.Scanner.Name;
    }

    private static Heartbeat Describe(IOutbox outbox, string dataDir)
    {
        var pending = outbox.Pending(10_000);
        var oldest = pending.Count == 0 ? (double?)null : (DateTimeOffset.UtcNow - pending.Min(e => e.EnqueuedAt)).TotalSeconds;
        var free = DiskSpace.FreeBytes(dataDir) ?? 0; // the data folder's own filesystem, which need not be /
        return new Heartbeat(typeof(SyncVerb).Assembly.GetName().Version?.ToString() ?? "?", pending.Count, oldest, free, ScannerStateForHeartbeat(KioskVitals.Shared));
    }
}
