using System.Globalization;
using Intake.Dossiers;
using Intake.Dossiers.Package;
using LiteDB;

namespace Intake.Sync.Store;

public sealed partial class DossierStore
{
    private const int MaxSequence = 9999;

    /// <summary>
    /// Takes the next dossier code of <paramref name="kioskCode"/> for <paramref name="day"/>, lets
    /// <paramref name="build"/> make the dossier with it, and commits everything in one transaction: the sequence, the
    /// dossier's version 1, its outbox entry and its events; the files are written and fsynced before that transaction
    /// references them. When this returns the dossier is on the disk; when it throws, nothing of it is in the store
    /// (files already written are collected at the next start) and the code is not used up.
    /// </summary>
    /// <exception cref="StoreFullException">Free space is below the reserve; nothing was written.</exception>
    /// <exception cref="IOException">A write failed (ENOSPC included); nothing was committed.</exception>
    public StoredDossier Commit(string kioskCode, DateOnly day, Func<DossierCode, DossierCommit> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        _ = new DossierCode(kioskCode, day, 1);
        lock (_gate)
        {
            ThrowIfBroken();
            EnsureRoom();
            return InTransaction(() =>
            {
                var sequences = _db.GetCollection(StoreSchema.Sequences);
                var sequenceId = $"{kioskCode}/{day:yyyy-MM-dd}";
                var next = (sequences.FindById(sequenceId)?["last"].AsInt32 ?? LegacySequence.Last(_options.LegacySequenceFile, kioskCode, day)) + 1;
                if (next > MaxSequence)
                {
                    throw new StoreException(
                        $"ki-ốt {kioskCode} đã dùng hết {MaxSequence} mã hồ sơ của ngày {day:dd/MM/yyyy}",
                        $"kiosk {kioskCode} has used all {MaxSequence} dossier codes of {day:yyyy-MM-dd}");
                }

                var code = new DossierCode(kioskCode, day, next);
                var commit = build(code);
                if (commit.Package.Dossier.Code != code || commit.Package.Dossier.Version != 1)
                    throw new ArgumentException("the dossier built must carry the code handed out, at version 1", nameof(build));
                sequences.Upsert(new BsonDocument { ["_id"] = sequenceId, ["last"] = next });
                return InsertVersion(commit, "created");
            });
        }
    }

    /// <summary>
    /// Commits a new version of a dossier already in the store (an operator's correction: the package's dossier comes
    /// from <see cref="Dossier.WithCorrection"/>, so it says who and when). The outbox entry goes back to pending.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such dossier, or it was purged.</exception>
    /// <exception cref="ArgumentException">The version is not the next one.</exception>
    public StoredDossier CommitVersion(DossierCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var dossier = commit.Package.Dossier;
        lock (_gate)
        {
            ThrowIfBroken();
            EnsureRoom();
            return InTransaction(() =>
            {
                var latest = LatestVersion(dossier.Id.ToString()) ?? throw new KeyNotFoundException($"dossier {dossier.Id} is not in the store");
                if (latest["version"].AsInt32 + 1 != dossier.Version || latest["code"].AsString != dossier.Code.ToString())
                    throw new ArgumentException($"dossier {dossier.Code}: version {dossier.Version} does not follow {latest["version"].AsInt32}", nameof(commit));
                return InsertVersion(commit, "corrected");
            });
        }
    }

    /// <summary>Files first (fsynced, renamed, folder fsynced), then the documents that reference them.</summary>
    private StoredDossier InsertVersion(DossierCommit commit, string eventKind)
    {
        var dossier = commit.Package.Dossier;
        var id = dossier.Id.ToString();
        var files = commit.Package.Files.Where(f => f.Name != DossierPackageWriter.JsonName).Concat(commit.PageImages).ToArray();
        var blobs = new BsonArray();
        foreach (var file in files)
        {
            var sha256 = _blobs.Put(file.Bytes);
            blobs.Add(new BsonDocument { ["name"] = file.Name, ["sha256"] = sha256, ["length"] = (long)file.Bytes.Length });
        }

        _blobs.SyncFolder();
        var now = _options.Clock.GetUtcNow();
        var version = new BsonDocument
        {
            ["_id"] = $"{id}/{dossier.Version}",
            ["dossierId"] = id,
            ["code"] = dossier.Code.ToString(),
            ["version"] = dossier.Version,
            ["procedure"] = dossier.Procedure?.Code is { } procedure ? procedure : BsonValue.Null,
            ["documentTypes"] = new BsonArray(dossier.Documents.Select(d => new BsonValue(d.Type))),
            ["pageCount"] = dossier.Pages.Count,
            ["createdAt"] = Time(dossier.CreatedAt),
            ["committedAt"] = Time(now),
            // dossier.json holds every personal field (names, ID numbers, dates, addresses): sealed, never in clear
            ["json"] = _sealer.Seal(commit.Package.Json, Associated(id, dossier.Version)),
            ["blobs"] = blobs,
        };
        _db.GetCollection(StoreSchema.Dossiers).Insert(version);
        _db.GetCollection(StoreSchema.Outbox).Upsert(new BsonDocument
        {
            ["_id"] = id,
            ["code"] = dossier.Code.ToString(),
            ["version"] = dossier.Version,
            ["state"] = OutboxStates.Pending,
            ["enqueuedAt"] = Time(now),
            ["attempts"] = 0,
            ["lastError"] = BsonValue.Null,
        });
        AppendEvent(eventKind, id, dossier.Code.ToString(), dossier.Version, now);
        AppendEvent("committed", id, dossier.Code.ToString(), dossier.Version, now);
        return Describe(version, OutboxStates.Pending);
    }

    /// <summary>
    /// One LiteDB transaction around <paramref name="work"/>, fsynced on success. A failed commit (ENOSPC in the log)
    /// leaves LiteDB's memory unsure of the file: the store refuses further writes until reopened, and reopening
    /// replays only the transactions LiteDB's log marks complete.
    /// </summary>
    private T InTransaction<T>(Func<T> work)
    {
        _db.BeginTrans();
        T result;
        try
        {
            result = work();
        }
        catch
        {
            _db.Rollback();
            throw;
        }

        try
        {
            _db.Commit();
        }
        catch
        {
            _broken = true;
            throw;
        }

        SyncDatabase();
        return result;
    }

    private void AppendEvent(string kind, string dossierId, string code, int version, DateTimeOffset at) =>
        _db.GetCollection(StoreSchema.Events).Insert(new BsonDocument
        {
            ["kind"] = kind,
            ["dossierId"] = dossierId,
            ["code"] = code,
            ["version"] = version,
            ["at"] = Time(at),
        });

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(BsonValue at) => DateTimeOffset.Parse(at.AsString, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private BsonDocument? LatestVersion(string dossierId) =>
        _db.GetCollection(StoreSchema.Dossiers).Find(Query.EQ("dossierId", dossierId)).OrderByDescending(d => d["version"].AsInt32).FirstOrDefault();

    private static StoredDossier Describe(BsonDocument version, string outboxState) => new(
        version["dossierId"].AsString,
        version["code"].AsString,
        version["version"].AsInt32,
        version["procedure"].IsNull ? null : version["procedure"].AsString,
        version["documentTypes"].AsArray.Select(t => t.AsString).ToArray(),
        version["pageCount"].AsInt32,
        Time(version["createdAt"]),
        Time(version["committedAt"]),
        version["blobs"].AsArray.Select(b => new StoredBlob(b["name"].AsString, b["sha256"].AsString, b["length"].AsInt64)).ToArray(),
        outboxState);
}

/// <summary>The outbox states an entry goes through.</summary>
public static class OutboxStates
{
    public const string Pending = "pending";
    public const string Acknowledged = "acknowledged";
    public const string Purged = "purged";
}
