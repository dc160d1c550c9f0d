using System.Net.Http;
using System.Text;
using System.Text.Json;
using Intake.Sync.Outbox;
using Intake.Sync.Protocol;
using Polly;
using Polly.Retry;

namespace Intake.Sync.Upload;

/// <summary>How the uploader paces itself. Sizes in bytes, rates in bytes per second.</summary>
public sealed record UploaderOptions
{
    /// <summary>One tus PATCH; below the centre's chunk limit (8 MiB by default).</summary>
    public int ChunkBytes { get; init; } = 1024 * 1024;

    /// <summary>How many blobs of one dossier go up side by side (round trips overlap; a bandwidth cap is shared).</summary>
    public int ParallelBlobs { get; init; } = 3;

    /// <summary>Null: no cap.</summary>
    public long? BandwidthBytesPerSecond { get; init; }

    /// <summary>Tries per dossier in one pass, the first included; then the failure is recorded and the next pass tries again.</summary>
    public int AttemptsPerPass { get; init; } = 6;

    /// <summary>First backoff; it doubles each retry, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Pause between passes when the outbox is empty or every entry failed.</summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>What one pass over the outbox did.</summary>
public sealed record UploadPass(int Delivered, int Failed);

/// <summary>
/// Empties the kiosk's outbox into the centre, one dossier at a time, oldest first: each blob through tus (resuming
/// from the centre's offset, so a kiosk killed mid-upload re-sends only the rest), then the dossier itself; the
/// centre's receipt marks the entry acknowledged. Transient failures (connection lost, 5xx, timeout, a cut answer)
/// are retried with exponential backoff and jitter (Polly); a refusal (4xx) is recorded on the entry and tried again
/// on a later pass. Exactly once at the centre rests on its idempotent ingest: a dossier sent twice keeps its first receipt.
/// </summary>
public sealed class OutboxUploader
{
    private readonly IOutbox outbox;
    private readonly CentralClient client;
    private readonly UploaderOptions options;
    private readonly BandwidthCap? cap;
    private readonly ResiliencePipeline retry;

    public OutboxUploader(IOutbox outbox, CentralClient client, UploaderOptions? options = null)
    {
        this.outbox = outbox;
        this.client = client;
        this.options = options ?? new UploaderOptions();
        cap = this.options.BandwidthBytesPerSecond is { } rate ? new BandwidthCap(rate) : null;
        retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = this.options.BaseDelay,
            MaxDelay = this.options.MaxDelay,
            MaxRetryAttempts = Math.Max(0, this.options.AttemptsPerPass - 1),
        }).Build();
    }

    /// <summary>Transient: worth trying again by itself. A cut or garbled answer is transient too (the next try learns the truth).</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        CentralException central => central.IsTransient,
        HttpRequestException or IOException or JsonException => true,
        TaskCanceledException cancelled => cancelled.InnerException is TimeoutException,
        _ => false,
    };

    /// <summary>Raised after each delivered dossier, with its receipt (tests and the CLI report progress).</summary>
    public event Action<string, string>? Delivered;

    /// <summary>One pass: every pending entry tried once (with its retries). Returns what was delivered and what failed.</summary>
    public async Task<UploadPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var tried = new HashSet<string>(StringComparer.Ordinal);
        int delivered = 0, failed = 0;
        while (true)
        {
            var next = outbox.Pending(tried.Count + 16).FirstOrDefault(e => !tried.Contains(e.DossierId));
            if (next is null) return new UploadPass(delivered, failed);
            tried.Add(next.DossierId);
            try
            {
                var receipt = await retry.ExecuteAsync(async token => await DeliverAsync(next.DossierId, token).ConfigureAwait(false), cancellationToken)
                    .ConfigureAwait(false);
                outbox.Acknowledge(next.DossierId, receipt.Receipt);
                delivered++;
                Delivered?.Invoke(next.DossierId, receipt.Receipt);
            }
            catch (KeyNotFoundException)
            {
                // The store no longer holds it (retention, operator deletion): nothing to deliver.
            }
            catch (Exception e) when (e is CentralException or HttpRequestException or IOException or JsonException or TaskCanceledException
                                          or InvalidDataException
                                      && !cancellationToken.IsCancellationRequested)
            {
                outbox.RecordFailure(next.DossierId, Reason(e));
                failed++;
            }
        }
    }

    /// <summary>Passes until cancelled, resting <see cref="UploaderOptions.IdleDelay"/> between them.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(options.IdleDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DossierReceipt> DeliverAsync(string dossierId, CancellationToken cancellationToken)
    {
        var package = outbox.Open(dossierId);
        var submitted = new SubmittedBlob[package.Blobs.Count];
        await Parallel.ForAsync(0, package.Blobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.ParallelBlobs), CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var blob = package.Blobs[i];
                var (url, known) = await client.CreateOrFindUploadAsync(dossierId, blob.Name, blob.Sha256, blob.Length, token).ConfigureAwait(false);
                var offset = known ?? await client.OffsetAsync(url, token).ConfigureAwait(false);
                if (offset < blob.Length) await SendFromAsync(url, blob, offset, token).ConfigureAwait(false);
                submitted[i] = new SubmittedBlob(blob.Name, blob.Sha256, blob.Length, url);
            }).ConfigureAwait(false);
        var submission = new DossierSubmission(package.DossierId, package.DossierCode, Encoding.UTF8.GetString(package.DossierJson), submitted);
        return await client.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the blob from the centre's <paramref name="offset"/> on, chunk by chunk.</summary>
    private async Task SendFromAsync(string url, DeliveryBlob blob, long offset, CancellationToken cancellationToken)
    {
        var stream = blob.OpenRead();
        await using (stream.ConfigureAwait(false))
        {
            if (stream.CanSeek) stream.Seek(offset, SeekOrigin.Begin);
            else await SkipAsync(stream, offset, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[options.ChunkBytes];
            while (offset < blob.Length)
            {
                var filled = 0;
                var want = (int)Math.Min(buffer.Length, blob.Length - offset);
                while (filled < want)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled, want - filled), cancellationToken).ConfigureAwait(false);
                    if (read == 0) throw new InvalidDataException($"blob {blob.Name} is shorter than its declared {blob.Length} bytes");
                    filled += read;
                }
                if (cap is not null) await cap.WaitToSendAsync(filled, cancellationToken).ConfigureAwait(false);
                offset = await client.PatchAsync(url, offset, buffer.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken).ConfigureAwait(false);
            if (read == 0) throw new EndOfStreamException();
            count -= read;
        }
    }

    /// <summary>No personal data: the status line and the kind of failure only.</summary>
    private static string Reason(Exception e) => e is CentralException { Status: { } status } ? $"HTTP {(int)status}" : e.GetType().Name;
}
