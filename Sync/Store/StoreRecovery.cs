using System.Globalization;
using LiteDB;
using LiteDB.Engine;

namespace Intake.Sync.Store;

/// <summary>
/// The start-up recovery of a data file LiteDB cannot read: the damaged file (and its log) is moved aside with a UTC
/// timestamp and never deleted, a copy is rebuilt with LiteDB's own rebuild (which skips what it cannot read and lists
/// it), and one line says what came back and what did not. Never starts over silently.
/// </summary>
internal static class StoreRecovery
{
    public static (LiteDatabase Database, string Report) Rebuild(string databasePath, TimeProvider clock, Exception cause)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var aside = $"{databasePath}.corrupt-{stamp}";
        var logPath = Path.Combine(Path.GetDirectoryName(databasePath)!, Path.GetFileNameWithoutExtension(databasePath) + "-log.db");
        File.Move(databasePath, aside);
        if (File.Exists(logPath))
            File.Move(logPath, aside + "-log");
        File.Copy(aside, databasePath);
        if (File.Exists(aside + "-log"))
            File.Copy(aside + "-log", logPath);

        var errors = 0;
        var database = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, AutoRebuild = true });
        try
        {
            // AutoRebuild acts when LiteDB itself notices at open; a page found bad later needs the explicit rebuild
            var options = new RebuildOptions { IncludeErrorReport = true };
            database.Rebuild(options);
            errors = database.GetCollection("_rebuild_errors").Count();
        }
        catch (LiteException)
        {
            database.Dispose();
            throw;
        }

        var dossiers = database.GetCollection(StoreSchema.Dossiers).Count();
        var outbox = database.GetCollection(StoreSchema.Outbox).Count();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"kho dữ liệu hỏng đã được dựng lại / the damaged store was rebuilt ({cause.GetType().Name}: {cause.Message}): " +
            $"khôi phục / recovered {dossiers} phiên bản hồ sơ / dossier versions, {outbox} mục outbox; " +
            $"{errors} chỗ không đọc được bị bỏ / unreadable parts dropped; tệp hỏng giữ tại / damaged file kept at {aside}");
        return (database, report);
    }
}
