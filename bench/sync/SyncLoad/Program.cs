using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Intake.Bench.SyncLoad;
using Intake.Central.Storage;
using Intake.Sync.Protocol;
using Intake.Sync.Upload;

// bench/sync: N simulated kiosks deliver synthetic dossiers to a running central node while M more kiosks heartbeat.
// Usage: SyncLoad CENTRAL_URL DB KIOSKS DOSSIERS PAGES PAGE_BYTES HEARTBEAT_KIOSKS HEARTBEAT_SECONDS
// DB is the central's --db (the bench makes its enrolment tokens there). Prints one line of key=value figures.
if (args.Length != 8)
{
    Console.Error.WriteLine("usage: SyncLoad CENTRAL_URL DB KIOSKS DOSSIERS PAGES PAGE_BYTES HEARTBEAT_KIOSKS HEARTBEAT_SECONDS");
    return 2;
}
var central = new Uri(args[0]);
var store = new CentralStore(CentralDatabase.Open(args[1]));
int kiosks = Int(args[2]), dossiers = Int(args[3]), pages = Int(args[4]), pageBytes = Int(args[5]), beaters = Int(args[6]);
var beatInterval = TimeSpan.FromSeconds(Int(args[7]));

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = central, Timeout = TimeSpan.FromMinutes(2) };

async Task<CentralClient> EnrollAsync(string name)
{
    var token = await store.CreateEnrolmentTokenAsync(TimeSpan.FromHours(1));
    var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    return new CentralClient(http, await CentralClient.EnrollAsync(http, token, key, name, CancellationToken.None), key);
}

var uploaders = new List<(SyntheticOutbox Outbox, OutboxUploader Uploader)>();
for (var k = 0; k < kiosks; k++)
{
    var outbox = new SyntheticOutbox($"BENCH{k}", dossiers / kiosks + (k < dossiers % kiosks ? 1 : 0), pages, pageBytes);
    uploaders.Add((outbox, new OutboxUploader(outbox, await EnrollAsync($"bench-{k}"), new UploaderOptions { ChunkBytes = 1024 * 1024 })));
}
var heartbeatClients = new List<CentralClient>();
for (var h = 0; h < beaters; h++) heartbeatClients.Add(await EnrollAsync($"beat-{h}"));

using var stop = new CancellationTokenSource();
var beatLatencies = new System.Collections.Concurrent.ConcurrentBag<double>();
var beatErrors = 0;
var beating = heartbeatClients.Select((client, i) => Task.Run(async () =>
{
    // Staggered over the interval, as 200 kiosks switched on at different times would be.
    await Task.Delay(TimeSpan.FromMilliseconds(beatInterval.TotalMilliseconds * i / Math.Max(1, beaters)), stop.Token).ConfigureAwait(false);
    using var timer = new PeriodicTimer(beatInterval);
    do
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await client.HeartbeatAsync(new Heartbeat("bench", 3, 42, 10L << 30, "ready"), stop.Token).ConfigureAwait(false);
            beatLatencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (CentralException) { Interlocked.Increment(ref beatErrors); }
    }
    while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false));
})).ToList();

var clock = Stopwatch.StartNew();
await Task.WhenAll(uploaders.Select(u => Task.Run(async () =>
{
    while (u.Outbox.Pending(1).Count > 0) await u.Uploader.RunOnceAsync(CancellationToken.None).ConfigureAwait(false);
})));
var seconds = clock.Elapsed.TotalSeconds;
await stop.CancelAsync();
try { await Task.WhenAll(beating); } catch (OperationCanceledException) { }

var latencies = uploaders.SelectMany(u => u.Outbox.LatenciesMs).Order().ToArray();
var beats = beatLatencies.Order().ToArray();
var delivered = uploaders.Sum(u => u.Outbox.Acknowledged);
var (committed, _, _) = await store.CountsAsync();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"delivered={delivered} committed_at_centre={committed} seconds={seconds:F1} dossiers_per_s={delivered / seconds:F2} " +
    $"mb_per_s={delivered * (double)pages * pageBytes / 1e6 / seconds:F1} p50_ms={Percentile(latencies, 0.50):F0} p99_ms={Percentile(latencies, 0.99):F0} " +
    $"failures={uploaders.Sum(u => u.Outbox.Failures)} heartbeats={beats.Length} heartbeat_errors={beatErrors} heartbeat_p50_ms={Percentile(beats, 0.5):F0} " +
    $"heartbeat_p99_ms={Percentile(beats, 0.99):F0} kiosk_side_peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0}"));
return 0;

static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
