using System.Security.Cryptography;
using System.Text;
using Intake.Sync.Outbox;

namespace Intake.Central.Tests.Support;

/// <summary>
/// TEST DOUBLE standing for the kiosk store's outbox (Sync/Store, issue 11, is built on another branch): a folder of
/// dossiers (<c>ID/dossier.json</c> and its blobs) with an acknowledgement file per delivered dossier written by
/// rename, so it survives the kiosk process being killed exactly like a durable store would.
/// </summary>
public sealed class FolderOutbox(string folder) : IOutbox
{
    public string Folder { get; } = folder;

    /// <summary>Writes <paramref name="count"/> synthetic dossiers of <paramref name="blobsEach"/> random blobs of <paramref name="blobBytes"/> bytes.</summary>
    public static FolderOutbox Create(string folder, string prefix, int count, int blobsEach, int blobBytes, int seed = 1)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-{i:D4}";
            var dir = Directory.CreateDirectory(Path.Combine(folder, id)).FullName;
            for (var b = 0; b < blobsEach; b++)
            {
                var bytes = new byte[blobBytes + random.Next(0, 4096)];
                random.NextBytes(bytes);
                File.WriteAllBytes(Path.Combine(dir, $"page-{b + 1:D3}.png"), bytes);
            }
            File.WriteAllText(Path.Combine(dir, "dossier.json"), SyntheticDossier.Json(id, i, blobsEach));
        }
        return new FolderOutbox(folder);
    }

    public IReadOnlyList<OutboxEntry> Pending(int max) =>
        Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            .Where(id => !File.Exists(AckPath(id)))
            .Take(max)
            .Select(id => new OutboxEntry(id, id, Directory.GetCreationTimeUtc(Path.Combine(Folder, id)), 0, null))
            .ToList();

    public DeliveryPackage Open(string dossierId)
    {
        var dir = Path.Combine(Folder, dossierId);
        if (!Directory.Exists(dir)) throw new KeyNotFoundException(dossierId);
        var blobs = Directory.EnumerateFiles(dir).Where(f => !f.EndsWith("dossier.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => new DeliveryBlob(Path.GetFileName(f), Sha256Of(f), new FileInfo(f).Length, () => File.OpenRead(f)))
            .ToList();
        return new DeliveryPackage(dossierId, dossierId, File.ReadAllBytes(Path.Combine(dir, "dossier.json")), blobs);
    }

    public void RecordFailure(string dossierId, string reason) =>
        File.AppendAllText(Path.Combine(Folder, dossierId + ".failures"), reason + "\n");

    public void Acknowledge(string dossierId, string receipt)
    {
        var temporary = AckPath(dossierId) + ".tmp";
        File.WriteAllText(temporary, receipt);
        File.Move(temporary, AckPath(dossierId), overwrite: true);
    }

    public string? ReceiptOf(string dossierId) => File.Exists(AckPath(dossierId)) ? File.ReadAllText(AckPath(dossierId)) : null;

    public IEnumerable<string> DossierIds => Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).OfType<string>();

    private string AckPath(string dossierId) => Path.Combine(Folder, dossierId + ".ack");

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>A dossier.json with the fields the centre indexes (code, procedure, applicant ID number, pages, createdAt).</summary>
public static class SyntheticDossier
{
    public static string Json(string id, int index, int pages)
    {
        var json = new StringBuilder();
        json.Append("{\"schemaVersion\":1,\"id\":\"").Append(id).Append("\",\"code\":\"HS-").Append(id).Append('"')
            .Append(",\"procedure\":{\"code\":\"").Append(index % 2 == 0 ? "1.001" : "2.002").Append("\",\"name\":\"Đăng ký khai sinh\"}")
            .Append(",\"createdAt\":\"2026-11-").Append((index % 28 + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).Append("T08:00:00+07:00\"")
            .Append(",\"applicant\":{\"idNumber\":{\"value\":\"0012030").Append((index % 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).Append("\"}}")
            .Append(",\"pages\":[");
        for (var p = 0; p < pages; p++) json.Append(p == 0 ? "" : ",").Append("{\"page\":").Append(p + 1).Append('}');
        return json.Append("]}").ToString();
    }
}
