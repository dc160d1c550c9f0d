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

        var floors = RaiseSequences(database);
        var dossiers = database.GetCollection(StoreSchema.Dossiers).Count();
        var outbox = database.GetCollection(StoreSchema.Outbox).Count();
        var lost = database.GetCollection(StoreSchema.Outbox).FindAll().Select(o => o["code"].AsString)
            .Concat(database.GetCollection(StoreSchema.Events).FindAll().Select(e => e["code"].AsString))
            .Distinct(StringComparer.Ordinal)
            .Where(code => database.GetCollection(StoreSchema.Dossiers).FindOne(Query.EQ("code", code)) is null
                && database.GetCollection(StoreSchema.Tombstones).FindOne(Query.EQ("code", code)) is null)
            .Order(StringComparer.Ordinal).ToArray();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"kho dữ liệu hỏng đã được dựng lại / the damaged store was rebuilt ({cause.GetType().Name}: {cause.Message}): " +
            $"khôi phục / recovered {dossiers} phiên bản hồ sơ / dossier versions, {outbox} mục outbox; " +
            $"{errors} chỗ không đọc được bị bỏ / unreadable parts dropped; " +
            $"không khôi phục được / not recovered: {(lost.Length == 0 ? "0" : $"{lost.Length} ({string.Join(", ", lost.Take(10))}{(lost.Length > 10 ? ", …" : "")})")}; " +
            $"số thứ tự mã hồ sơ được nâng lên mã lớn nhất đã thấy / code sequences raised to the highest code seen ({floors}); " +
            $"tệp hỏng giữ tại / damaged file kept at {aside}");
        return (database, report);
    }

    /// <summary>
    /// A lost sequence document must not hand out a code again: every kiosk-day's counter becomes at least the highest
    /// number any surviving record (dossier, outbox, event, tombstone) carries. Returns how many counters there are.
    /// </summary>
    private static int RaiseSequences(LiteDatabase database)
    {
        var highest = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new[] { StoreSchema.Dossiers, StoreSchema.Outbox, StoreSchema.Events, StoreSchema.Tombstones }
            .SelectMany(name => database.GetCollection(name).FindAll())
            .Select(d => d["code"])
            .Where(c => c.IsString)
            .Select(c => c.AsString);
        foreach (var text in codes)
        {
            if (!Intake.Dossiers.DossierCode.TryParse(text, out var code)) continue;
            var key = string.Create(CultureInfo.InvariantCulture, $"{code.KioskCode}/{code.Date:yyyy-MM-dd}");
            highest[key] = Math.Max(highest.GetValueOrDefault(key), code.Sequence);
        }

        var sequences = database.GetCollection(StoreSchema.Sequences);
        foreach (var (key, last) in highest)
        {
            var kept = sequences.FindById(key)?["last"].AsInt32 ?? 0;
            if (kept < last)
                sequences.Upsert(new BsonDocument { ["_id"] = key, ["last"] = last });
        }

        return highest.Count;
    }
}
