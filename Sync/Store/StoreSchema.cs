using LiteDB;

namespace Intake.Sync.Store;

/// <summary>
/// The store's schema version and its migrations, as code: each step runs once, in order, inside one transaction
/// with the version bump, so a crash mid-migration leaves the old version to be migrated again. A file newer than this
/// code is refused (an older `intake` must not write a schema it does not know).
/// </summary>
internal static class StoreSchema
{
    public const string Meta = "meta";
    public const string Dossiers = "dossiers";
    public const string Outbox = "outbox";
    public const string Events = "events";
    public const string Sequences = "sequences";
    public const string Tombstones = "tombstones";

    /// <summary>Version n is reached by running <c>Steps[n - 1]</c>.</summary>
    private static readonly Action<ILiteDatabase>[] Steps =
    [
        // 1: the collections' lookups: a dossier's versions, a code, the outbox's waiting entries
        db =>
        {
            db.GetCollection(Dossiers).EnsureIndex("dossierId");
            db.GetCollection(Dossiers).EnsureIndex("code");
            db.GetCollection(Outbox).EnsureIndex("state");
        },
        // 2: the event log is read by dossier
        db => db.GetCollection(Events).EnsureIndex("dossierId"),
    ];

    public static int Current => Steps.Length;

    public static int VersionOf(ILiteDatabase db) =>
        db.GetCollection(Meta).FindById("schema")?["version"].AsInt32 ?? 0;

    /// <summary>Runs every step above the file's version; returns the version found.</summary>
    public static int Migrate(ILiteDatabase db, int target = -1)
    {
        target = target < 0 ? Current : target;
        var found = VersionOf(db);
        if (found > Current)
        {
            throw new StoreException(
                $"kho dữ liệu có phiên bản lược đồ {found}, mới hơn phiên bản {Current} mà chương trình này biết: hãy cập nhật intake",
                $"the store's schema version {found} is newer than this program's {Current}: update intake");
        }

        for (var version = found + 1; version <= target; version++)
        {
            db.BeginTrans();
            Steps[version - 1](db);
            db.GetCollection(Meta).Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = version });
            db.Commit();
        }

        return found;
    }
}
