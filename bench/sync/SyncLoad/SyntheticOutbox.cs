using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Intake.Sync.Outbox;

namespace Intake.Bench.SyncLoad;

/// <summary>
/// BENCH DOUBLE standing for one kiosk's store: <c>count</c> synthetic dossiers whose page bytes are generated when
/// the uploader opens the dossier (so 1,000 dossiers of 1 MB never sit in memory together). Records, per dossier,
/// the time from Open to Acknowledge: the ingest latency as the kiosk sees it (all blobs sent + committed + receipt).
/// </summary>
internal sealed class SyntheticOutbox(string kiosk, int count, int pages, int pageBytes) : IOutbox
{
    private readonly ConcurrentDictionary<string, long> opened = new();
    private readonly ConcurrentDictionary<string, string> acknowledged = new();

    public ConcurrentBag<double> LatenciesMs { get; } = [];

    public int Acknowledged => acknowledged.Count;

    public int Failures;

    private string Id(int i) => $"{kiosk}-{i:D5}";

    public IReadOnlyList<OutboxEntry> Pending(int max) =>
        Enumerable.Range(0, count).Select(Id).Where(id => !acknowledged.ContainsKey(id)).Take(max)
            .Select(id => new OutboxEntry(id, id, DateTimeOffset.UtcNow, 0, null)).ToList();

    public DeliveryPackage Open(string dossierId)
    {
        opened.TryAdd(dossierId, Stopwatch.GetTimestamp());
        var seed = StringComparer.Ordinal.GetHashCode(dossierId);
        var random = new Random(seed);
        var blobs = new List<DeliveryBlob>();
        for (var p = 0; p < pages; p++)
        {
            var bytes = new byte[pageBytes];
            random.NextBytes(bytes);
            blobs.Add(new DeliveryBlob($"page-{p + 1:D3}.png", Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, () => new MemoryStream(bytes, false)));
        }
        var index = int.Parse(dossierId[(dossierId.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
        var json = "{\"schemaVersion\":1,\"id\":\"" + dossierId + "\",\"code\":\"HS-" + dossierId + "\",\"procedure\":{\"code\":\"1.00"
            + (index % 7).ToString(CultureInfo.InvariantCulture) + "\",\"name\":\"Thủ tục\"},\"createdAt\":\"" + DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)
            + "\",\"applicant\":{\"idNumber\":{\"value\":\"0012030" + index.ToString("D5", CultureInfo.InvariantCulture) + "\"}},\"pages\":[{\"page\":1},{\"page\":2},{\"page\":3}]}";
        return new DeliveryPackage(dossierId, "HS-" + dossierId, Encoding.UTF8.GetBytes(json), blobs);
    }

    public void RecordFailure(string dossierId, string reason) => Interlocked.Increment(ref Failures);

    public void Acknowledge(string dossierId, string receipt)
    {
        if (acknowledged.TryAdd(dossierId, receipt) && opened.TryGetValue(dossierId, out var start))
            LatenciesMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
