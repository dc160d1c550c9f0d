using System.Globalization;
using System.Security.Cryptography;
using LiteDB;

namespace Intake.Sync.Store;

public sealed partial class DossierStore
{
    /// <summary>1 GiB: the default reserve, unless 5 % of the filesystem is smaller.</summary>
    public const long DefaultReserveBytes = 1L << 30;

    /// <summary>
    /// Refuses new intake when the data folder's filesystem has less free space than the reserve
    /// (<see cref="StoreOptions.ReserveBytes"/>), before anything is written; what is stored is not touched.
    /// </summary>
    /// <exception cref="StoreFullException">Below the reserve.</exception>
    public void EnsureRoom() => EnsureRoom(_options);

    /// <summary>The same check without opening the store: `intake process` asks before it reads any page.</summary>
    /// <exception cref="StoreFullException">Below the reserve.</exception>
    public static void EnsureRoom(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.DataDirectory);
        var drive = new DriveInfo(Path.GetFullPath(options.DataDirectory));
        var reserve = options.ReserveBytes ?? Math.Min(DefaultReserveBytes, drive.TotalSize / 20);
        var free = drive.AvailableFreeSpace;
        if (free < reserve)
        {
            throw new StoreFullException(
                string.Create(CultureInfo.InvariantCulture, $"bộ nhớ ki-ốt sắp đầy (còn {free >> 20} MiB, cần giữ {reserve >> 20} MiB): tạm ngừng nhận hồ sơ mới; các hồ sơ đã nhận vẫn an toàn"),
                string.Create(CultureInfo.InvariantCulture, $"the kiosk's disk is nearly full ({free >> 20} MiB free, {reserve >> 20} MiB reserved): new intake is refused; dossiers already accepted are safe"));
        }
    }

    /// <summary>
    /// The integrity pass: every document readable, every dossier's JSON decrypts, every referenced file present with
    /// the right hash. Problems are one line each, naming codes and hashes only.
    /// </summary>
    public StoreCheckReport Check()
    {
        lock (_gate)
        {
            var problems = new List<string>();
            var dossiers = 0;
            var blobs = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                foreach (var version in _db.GetCollection(StoreSchema.Dossiers).FindAll())
                {
                    dossiers++;
                    var code = version["code"].AsString;
                    try
                    {
                        _ = OpenJson(version);
                    }
                    catch (StoreException e)
                    {
                        problems.Add(e.Message);
                    }

                    foreach (var blob in version["blobs"].AsArray.Select(b => b.AsDocument))
                    {
                        var sha256 = blob["sha256"].AsString;
                        if (!blobs.Add(sha256)) continue;
                        try
                        {
                            _ = _blobs.Read(sha256);
                        }
                        catch (FileNotFoundException)
                        {
                            problems.Add($"hồ sơ {code}: thiếu tệp / missing file {blob["name"].AsString} ({sha256})");
                        }
                        catch (Exception e) when (e is CryptographicException or InvalidDataException)
                        {
                            problems.Add($"hồ sơ {code}: tệp hỏng / damaged file {blob["name"].AsString} ({sha256})");
                        }
                    }
                }

                foreach (var name in new[] { StoreSchema.Outbox, StoreSchema.Events, StoreSchema.Sequences, StoreSchema.Tombstones })
                    _ = _db.GetCollection(name).Count();
            }
            catch (LiteException e)
            {
                problems.Add($"cơ sở dữ liệu không đọc được / the database is unreadable: {e.Message}");
            }

            return new StoreCheckReport(dossiers, blobs.Count, problems);
        }
    }

    /// <summary>
    /// Retention (issue 11): a dossier acknowledged by the centre more than <see cref="StoreOptions.Retention"/> ago
    /// loses its personal data: its versions and files are deleted, a tombstone (id, code, file hashes, times) stays
    /// for audit. Returns how many dossiers were purged. Runs at every start.
    /// </summary>
    public int PurgeExpired()
    {
        lock (_gate)
        {
            ThrowIfBroken();
            var cutoff = _options.Clock.GetUtcNow() - _options.Retention;
            var due = _db.GetCollection(StoreSchema.Outbox).Find(Query.EQ("state", OutboxStates.Acknowledged))
                .Where(o => Time(o["acknowledgedAt"]) <= cutoff).ToArray();
            if (due.Length == 0) return 0;
            InTransaction(() =>
            {
                var now = _options.Clock.GetUtcNow();
                var dossiers = _db.GetCollection(StoreSchema.Dossiers);
                foreach (var entry in due)
                {
                    var id = entry["_id"].AsString;
                    var versions = dossiers.Find(Query.EQ("dossierId", id)).ToArray();
                    var blobs = new BsonArray(versions.SelectMany(v => v["blobs"].AsArray).Select(b => b.AsDocument)
                        .DistinctBy(b => b["sha256"].AsString).Select(b => new BsonDocument { ["name"] = b["name"], ["sha256"] = b["sha256"], ["length"] = b["length"] }));
                    _db.GetCollection(StoreSchema.Tombstones).Upsert(new BsonDocument
                    {
                        ["_id"] = id,
                        ["code"] = entry["code"],
                        ["version"] = versions.Max(v => v["version"].AsInt32),
                        ["createdAt"] = versions.Min(v => v["createdAt"].AsString),
                        ["committedAt"] = versions.Max(v => v["committedAt"].AsString),
                        ["acknowledgedAt"] = entry["acknowledgedAt"],
                        ["receipt"] = entry["receipt"],
                        ["purgedAt"] = Time(now),
                        ["blobs"] = blobs,
                    });
                    dossiers.DeleteMany(Query.EQ("dossierId", id));
                    _db.GetCollection(StoreSchema.Outbox).Delete(id);
                    AppendEvent("purged", id, entry["code"].AsString, versions.Max(v => v["version"].AsInt32), now);
                }

                return 0;
            });
            // the files go once no version references them; a crash before this leaves garbage for the next start
            CollectGarbage();
            return due.Length;
        }
    }

    /// <summary>
    /// The start-up part of the integrity pass, cheap enough for every start: each referenced file exists with the
    /// length its plaintext plus the seal's overhead gives. Reading and hashing every file is <see cref="Check"/>.
    /// </summary>
    private List<string> CheckFilesPresent()
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in _db.GetCollection(StoreSchema.Dossiers).FindAll())
        {
            foreach (var blob in version["blobs"].AsArray.Select(b => b.AsDocument))
            {
                var sha256 = blob["sha256"].AsString;
                if (!seen.Add(sha256)) continue;
                var file = new FileInfo(_blobs.PathOf(sha256));
                if (!file.Exists)
                    problems.Add($"hồ sơ {version["code"].AsString}: thiếu tệp / missing file {blob["name"].AsString} ({sha256})");
                else if (file.Length != blob["length"].AsInt64 + Sealer.Overhead)
                    problems.Add($"hồ sơ {version["code"].AsString}: tệp hỏng / damaged file {blob["name"].AsString} ({sha256})");
            }
        }

        return problems;
    }

    /// <summary>Deletes files no stored version references, and leftover temporary files; returns how many.</summary>
    private int CollectGarbage()
    {
        var garbage = UnreferencedFiles();
        foreach (var name in garbage)
            _blobs.Delete(name);
        if (garbage.Count > 0)
            _blobs.SyncFolder();
        return garbage.Count;
    }

    private List<string> UnreferencedFiles()
    {
        var referenced = _db.GetCollection(StoreSchema.Dossiers).FindAll()
            .SelectMany(v => v["blobs"].AsArray).Select(b => b["sha256"].AsString).ToHashSet(StringComparer.Ordinal);
        return _blobs.Names().Where(n => BlobFiles.IsTemporary(n) || !referenced.Contains(n)).ToList();
    }
}
