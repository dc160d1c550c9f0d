using Intake.Dossiers.Package;
using Intake.Sync.Outbox;
using LiteDB;

namespace Intake.Sync.Store;

public sealed partial class DossierStore : IOutbox
{
    /// <summary>The latest version of every dossier still holding its data, oldest first, then the purged ones' tombstones.</summary>
    public IReadOnlyList<StoredDossier> List()
    {
        lock (_gate)
        {
            var states = _db.GetCollection(StoreSchema.Outbox).FindAll().ToDictionary(o => o["_id"].AsString, o => o["state"].AsString);
            var live = _db.GetCollection(StoreSchema.Dossiers).FindAll()
                .GroupBy(d => d["dossierId"].AsString)
                .Select(g => g.MaxBy(d => d["version"].AsInt32)!)
                .Select(d => Describe(d, states.GetValueOrDefault(d["dossierId"].AsString, OutboxStates.Pending)));
            var purged = _db.GetCollection(StoreSchema.Tombstones).FindAll().Select(DescribeTombstone);
            return live.Concat(purged).OrderBy(d => d.CreatedAt).ThenBy(d => d.Code, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>The latest version of the dossier with this code; null when the store never had it.</summary>
    public StoredDossier? Find(string code)
    {
        return List().FirstOrDefault(d => d.Code == code);
    }

    /// <summary>The decrypted dossier.json of the latest version of the dossier with <paramref name="code"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such dossier, or its personal data was purged.</exception>
    public byte[] ReadJson(string code) => OpenByCode(code).DossierJson;

    /// <summary>Writes the decrypted package (dossier.json, the PDFs, the page images) into <paramref name="folder"/>.</summary>
    public IReadOnlyList<string> Export(string code, string folder)
    {
        var package = OpenByCode(code);
        var files = new List<PackageFile> { };
        foreach (var blob in package.Blobs)
        {
            using var stream = blob.OpenRead();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files.Add(new PackageFile(blob.Name, copy.ToArray()));
        }

        files.Add(new PackageFile(DossierPackageWriter.JsonName, package.DossierJson));
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Name);
            File.WriteAllBytes(path + ".part", file.Bytes);
            File.Move(path + ".part", path, overwrite: true);
            paths.Add(path);
        }

        return paths;
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboxEntry> Pending(int max)
    {
        lock (_gate)
        {
            return _db.GetCollection(StoreSchema.Outbox).Find(Query.EQ("state", OutboxStates.Pending))
                .Select(o => new OutboxEntry(o["_id"].AsString, o["code"].AsString, Time(o["enqueuedAt"]), o["attempts"].AsInt32, o["lastError"].IsNull ? null : o["lastError"].AsString))
                .OrderBy(e => e.EnqueuedAt)
                .Take(max)
                .ToArray();
        }
    }

    /// <inheritdoc />
    public DeliveryPackage Open(string dossierId)
    {
        lock (_gate)
        {
            var version = LatestVersion(dossierId) ?? throw new KeyNotFoundException($"dossier {dossierId} is not (or no longer) in the store");
            var blobs = version["blobs"].AsArray.Select(b => b.AsDocument).Select(b =>
            {
                var sha256 = b["sha256"].AsString;
                return new DeliveryBlob(b["name"].AsString, sha256, b["length"].AsInt64, () => new MemoryStream(_blobs.Read(sha256), writable: false));
            }).ToArray();
            return new DeliveryPackage(dossierId, version["code"].AsString, OpenJson(version), blobs);
        }
    }

    /// <inheritdoc />
    public void RecordFailure(string dossierId, string reason)
    {
        lock (_gate)
        {
            ThrowIfBroken();
            InTransaction(() =>
            {
                var entry = OutboxEntryOf(dossierId);
                entry["attempts"] = entry["attempts"].AsInt32 + 1;
                entry["lastError"] = reason;
                entry["lastAttemptAt"] = Time(_options.Clock.GetUtcNow());
                _db.GetCollection(StoreSchema.Outbox).Update(entry);
                return 0;
            });
        }
    }

    /// <inheritdoc />
    public void Acknowledge(string dossierId, string receipt)
    {
        lock (_gate)
        {
            ThrowIfBroken();
            InTransaction(() =>
            {
                var entry = OutboxEntryOf(dossierId);
                var now = _options.Clock.GetUtcNow();
                entry["state"] = OutboxStates.Acknowledged;
                entry["receipt"] = receipt;
                entry["acknowledgedAt"] = Time(now);
                _db.GetCollection(StoreSchema.Outbox).Update(entry);
                AppendEvent("delivered", dossierId, entry["code"].AsString, entry["version"].AsInt32, now);
                return 0;
            });
        }
    }

    private BsonDocument OutboxEntryOf(string dossierId) =>
        _db.GetCollection(StoreSchema.Outbox).FindById(dossierId) ?? throw new KeyNotFoundException($"dossier {dossierId} has no outbox entry");

    private DeliveryPackage OpenByCode(string code)
    {
        string id;
        lock (_gate)
        {
            id = _db.GetCollection(StoreSchema.Dossiers).FindOne(Query.EQ("code", code))?["dossierId"].AsString
                ?? throw new KeyNotFoundException(_db.GetCollection(StoreSchema.Tombstones).FindOne(Query.EQ("code", code)) is null
                    ? $"không có hồ sơ {code} / no dossier {code} in the store"
                    : $"dữ liệu cá nhân của hồ sơ {code} đã được xóa theo thời hạn lưu giữ / dossier {code}'s personal data was purged after its retention period");
        }

        return Open(id);
    }

    private static StoredDossier DescribeTombstone(BsonDocument tombstone) => new(
        tombstone["_id"].AsString, tombstone["code"].AsString, tombstone["version"].AsInt32, null, [], 0,
        Time(tombstone["createdAt"]), Time(tombstone["committedAt"]),
        tombstone["blobs"].AsArray.Select(b => new StoredBlob(b["name"].AsString, b["sha256"].AsString, b["length"].AsInt64)).ToArray(),
        OutboxStates.Purged);
}
