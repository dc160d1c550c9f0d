using System.Security.Cryptography;
using Intake.Sync.Native;
using LiteDB;

namespace Intake.Sync.Store;

/// <summary>
/// The kiosk's dossier store (issue 11): one LiteDB file (<c>intake.db</c>, Connection=direct, one writer) for the
/// dossiers' versions, the outbox, the event log and the dossier-code sequence; sealed files beside it
/// (<see cref="BlobFiles"/>); an exclusive lock for its whole life (<see cref="StoreLock"/>). Every write that belongs
/// together is one LiteDB transaction, and a commit is on the disk when it returns: LiteDB does not fsync its commits
/// (14 fsyncs for 1,930 commits, measured), so <see cref="SyncDatabase"/> fsyncs its log and data files after each.
/// Not thread-safe by itself: every public member takes one gate, so a service may share one instance.
/// </summary>
public sealed partial class DossierStore : IDisposable
{
    public const string DatabaseFileName = "intake.db";
    private const string LogFileName = "intake-log.db";

    private readonly object _gate = new();
    private readonly StoreOptions _options;
    private readonly StoreLock _lock;
    private readonly StoreKey _key;
    private readonly Sealer _sealer;
    private readonly BlobFiles _blobs;
    private LiteDatabase _db;
    private bool _logSeen;
    private bool _broken;

    private DossierStore(StoreOptions options, StoreLock storeLock, StoreKey key, LiteDatabase db)
    {
        _options = options;
        _lock = storeLock;
        _key = key;
        _sealer = new Sealer(key.Bytes);
        _blobs = new BlobFiles(options.DataDirectory, _sealer, options.BlobWriterDouble);
        _db = db;
        _logSeen = File.Exists(LogPath);
        Opening = new StoreOpening(0, 0, 0, 0, null, []);
    }

    public string DataDirectory => _options.DataDirectory;

    /// <summary>What opening did (migrations, garbage collected, purged, recovery).</summary>
    public StoreOpening Opening { get; private set; }

    private string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);

    private string LogPath => Path.Combine(DataDirectory, LogFileName);

    /// <summary>
    /// Opens (creating on first start) the store: lock, key, schema migration, a full read of the database (a corrupt
    /// file goes down the recovery path: moved aside, rebuilt, one line in <see cref="StoreOpening.Recovery"/>), the
    /// collection of unreferenced files, and the retention purge.
    /// </summary>
    /// <exception cref="StoreInUseException">Another process holds the store.</exception>
    /// <exception cref="StoreKeyException">The key file is missing or is not this store's key.</exception>
    public static DossierStore Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options with { DataDirectory = Path.GetFullPath(options.DataDirectory) };
        Directory.CreateDirectory(options.DataDirectory);
        var storeLock = StoreLock.Acquire(options.DataDirectory, options.LockWait);
        try
        {
            var databasePath = Path.Combine(options.DataDirectory, DatabaseFileName);
            var blobsFolder = Path.Combine(options.DataDirectory, BlobFiles.FolderName);
            var empty = !File.Exists(databasePath) && !(Directory.Exists(blobsFolder) && Directory.EnumerateFileSystemEntries(blobsFolder).Any());
            var key = StoreKey.Load(options.KeyPath, mayCreate: empty);
            string? recovery = null;
            LiteDatabase db;
            int schemaFrom;
            try
            {
                db = OpenDatabase(databasePath);
                schemaFrom = PrepareDatabase(db, key);
            }
            catch (Exception e) when (IsCorruption(e))
            {
                (db, recovery) = StoreRecovery.Rebuild(databasePath, options.Clock, e);
                schemaFrom = PrepareDatabase(db, key);
            }

            var store = new DossierStore(options, storeLock, key, db);
            try
            {
                store.SyncDatabase();
                // after a recovery the unreferenced files may be all that is left of a lost dossier: keep them
                var collected = recovery is null ? store.CollectGarbage() : 0;
                if (recovery is not null)
                    recovery += $"; {store.UnreferencedFiles().Count} tệp không còn được tham chiếu được giữ lại / unreferenced files kept in {store._blobs.Folder}";
                var purged = store.PurgeExpired();
                store.Opening = new StoreOpening(schemaFrom, StoreSchema.Current, collected, purged, recovery, store.CheckFilesPresent());
                return store;
            }
            catch
            {
                store.Dispose();
                throw;
            }
        }
        catch
        {
            storeLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            try
            {
                _db.Dispose();
            }
            finally
            {
                _lock.Dispose();
            }
        }
    }

    internal static LiteDatabase OpenDatabase(string path) =>
        new(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });

    /// <summary>Migrates, checks the key belongs to this store, and reads every document once (corruption shows here).</summary>
    private static int PrepareDatabase(LiteDatabase db, StoreKey key)
    {
        var from = StoreSchema.Migrate(db);
        var meta = db.GetCollection(StoreSchema.Meta);
        var stored = meta.FindById("key");
        if (stored is null)
        {
            meta.Upsert(new BsonDocument { ["_id"] = "key", ["id"] = key.Id });
        }
        else if (stored["id"].AsString != key.Id)
        {
            throw new StoreKeyException(
                $"tệp khóa {key.Path} không phải khóa của kho dữ liệu này (mã khóa {stored["id"].AsString})",
                $"the key file {key.Path} is not this store's key (the store expects key id {stored["id"].AsString})");
        }

        foreach (var name in db.GetCollectionNames().ToArray())
        {
            foreach (var document in db.GetCollection(name).FindAll())
            {
                _ = document.Keys.Count;
            }
        }

        return from;
    }

    private static bool IsCorruption(Exception e) =>
        e is LiteException or InvalidCastException or IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidOperationException
        && e is not StoreException;

    /// <summary>
    /// fsync of LiteDB's log and data files (and once, the folder that gained the log): what makes a returned commit
    /// survive a power cut. LiteDB's own checkpoint fsyncs the data file before it truncates the log.
    /// </summary>
    private void SyncDatabase()
    {
        if (!_options.SyncCommits) return;
        var logExists = Libc.FsyncPath(LogPath);
        Libc.FsyncPath(DatabasePath);
        if (logExists && !_logSeen)
        {
            Libc.FsyncPath(DataDirectory);
        }

        _logSeen = logExists;
    }

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw new StoreException(
                "một lần ghi trước đã thất bại giữa chừng: hãy mở lại kho dữ liệu (khởi động lại dịch vụ)",
                "an earlier write failed midway: reopen the store (restart the service)");
        }
    }

    private static byte[] Associated(string dossierId, int version) =>
        System.Text.Encoding.ASCII.GetBytes($"{dossierId}/{version}");

    private byte[] OpenJson(BsonDocument version)
    {
        try
        {
            return _sealer.Open(version["json"].AsBinary, Associated(version["dossierId"].AsString, version["version"].AsInt32));
        }
        catch (CryptographicException e)
        {
            throw new StoreException(
                $"không giải mã được hồ sơ {version["code"].AsString} phiên bản {version["version"].AsInt32}",
                $"dossier {version["code"].AsString} version {version["version"].AsInt32} cannot be decrypted (altered, or another key)", e);
        }
    }
}
