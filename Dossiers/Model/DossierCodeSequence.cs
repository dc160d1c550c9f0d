using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Intake.Dossiers;

/// <summary>
/// Hands out the <c>NNNN</c> of dossier codes <c>&lt;kiosk&gt;-&lt;yymmdd&gt;-&lt;NNNN&gt;</c>: 0001, 0002… per kiosk code
/// per day, starting again at 0001 each day. The state is one small JSON file in the kiosk's state folder
/// (<see cref="FileName"/>), so numbers survive restarts; every call takes an exclusive lock on a separate lock file
/// (<see cref="LockFileName"/>, FileShare.None: an advisory <c>flock</c> on Linux, which other processes and other
/// handles in this process respect), reads the file, and replaces it atomically (a flushed temporary file renamed over
/// it), so concurrent `intake` processes never get the same number and a power cut leaves the old or the new state.
/// A number is never reused: gaps are possible (a dossier that failed after taking its code), duplicates are not. An
/// unreadable state file is therefore refused with a message naming it, never silently restarted at 0001.
/// </summary>
public sealed class DossierCodeSequence
{
    public const string FileName = "dossier-codes.json";

    public const string LockFileName = "dossier-codes.lock";

    /// <summary>Days of history kept before the newest day recorded, so a clock set back a little continues its old count.</summary>
    public const int DaysKept = 62;

    private const int FormatVersion = 1;
    private const int MaxSequence = 9999;

    private readonly TimeProvider _time;
    private readonly TimeSpan _lockTimeout;

    /// <param name="stateDirectory">The kiosk's state folder; created when missing.</param>
    /// <param name="time">The clock whose local date is "today" (the system's local time zone: on a kiosk, UTC+7).</param>
    /// <param name="lockTimeout">How long to wait for another process holding the lock (default 10 s).</param>
    public DossierCodeSequence(string stateDirectory, TimeProvider? time = null, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        StateDirectory = Path.GetFullPath(stateDirectory);
        _time = time ?? TimeProvider.System;
        _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(10);
    }

    public string StateDirectory { get; }

    public string StatePath => Path.Combine(StateDirectory, FileName);

    private string LockPath => Path.Combine(StateDirectory, LockFileName);

    /// <summary>The next code of <paramref name="kioskCode"/> for today in the clock's local time.</summary>
    public DossierCode Next(string kioskCode) => Next(kioskCode, DateOnly.FromDateTime(_time.GetLocalNow().DateTime));

    /// <summary>The next code of <paramref name="kioskCode"/> for <paramref name="day"/>.</summary>
    /// <exception cref="ArgumentException">The kiosk code or the day cannot be part of a dossier code.</exception>
    /// <exception cref="DossierCodeSequenceException">The state cannot be read or written, is corrupt, or the day's 9999 codes are used up.</exception>
    public DossierCode Next(string kioskCode, DateOnly day)
    {
        // validates the kiosk code and the day before anything is touched
        _ = new DossierCode(kioskCode, day, 1);
        using var lockHandle = AcquireLock();
        var state = Read();
        if (!state.TryGetValue(kioskCode, out var days))
        {
            state[kioskCode] = days = [];
        }

        var next = (days.TryGetValue(day, out var last) ? last : 0) + 1;
        if (next > MaxSequence)
        {
            throw new DossierCodeSequenceException(
                $"Ki-ốt {kioskCode} đã dùng hết {MaxSequence} mã hồ sơ của ngày {day:dd/MM/yyyy}",
                $"kiosk {kioskCode} has used all {MaxSequence} dossier codes of {day:yyyy-MM-dd}");
        }

        days[day] = next;
        Write(Pruned(state));
        return new DossierCode(kioskCode, day, next);
    }

    private FileStream AcquireLock()
    {
        try
        {
            Directory.CreateDirectory(StateDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(_lockTimeout.TotalSeconds * Stopwatch.Frequency);
        var wait = 2;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw Unavailable(e);
            }
            catch (IOException e) when (e is not (DirectoryNotFoundException or PathTooLongException))
            {
                // held by another process or task: wait a little, with jitter so waiters do not move in step
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new DossierCodeSequenceException(
                        $"Không khóa được {LockPath} sau {_lockTimeout.TotalSeconds:0} giây (một tiến trình khác đang giữ)",
                        $"could not lock {LockPath} within {_lockTimeout.TotalSeconds:0} s (another process holds it): {e.Message}",
                        e);
                }

                Thread.Sleep(wait + Random.Shared.Next(wait));
                wait = Math.Min(wait * 2, 50);
            }
            catch (IOException e)
            {
                throw Unavailable(e);
            }
        }
    }

    private Dictionary<string, Dictionary<DateOnly, int>> Read()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(StatePath);
        }
        catch (FileNotFoundException)
        {
            return new Dictionary<string, Dictionary<DateOnly, int>>(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }

        try
        {
            return Parse(bytes);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new DossierCodeSequenceException(
                $"Tệp số thứ tự hồ sơ {StatePath} bị hỏng ({e.Message}); không cấp mã để tránh trùng: xem mã hồ sơ cuối cùng đã cấp hôm nay rồi sửa hoặc chuyển tệp đi",
                $"the dossier sequence file {StatePath} is corrupt ({e.Message}); no code is issued, to avoid duplicates: check the last dossier code issued today, then repair or move the file away",
                e);
        }
    }

    private static Dictionary<string, Dictionary<DateOnly, int>> Parse(byte[] bytes)
    {
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.GetProperty("version").GetInt32() != FormatVersion)
        {
            throw new FormatException($"not a version {FormatVersion} sequence file");
        }

        var kiosks = root.GetProperty("kiosks");
        var state = new Dictionary<string, Dictionary<DateOnly, int>>(StringComparer.Ordinal);
        foreach (var kiosk in kiosks.EnumerateObject())
        {
            var days = new Dictionary<DateOnly, int>();
            foreach (var entry in kiosk.Value.EnumerateObject())
            {
                var day = DateOnly.ParseExact(entry.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var last = entry.Value.GetInt32();
                // throws ArgumentException for a kiosk code, day or number a dossier code cannot hold
                _ = new DossierCode(kiosk.Name, day, last);
                days.Add(day, last);
            }

            state.Add(kiosk.Name, days);
        }

        return state;
    }

    private static Dictionary<string, Dictionary<DateOnly, int>> Pruned(Dictionary<string, Dictionary<DateOnly, int>> state)
    {
        var newest = state.Values.SelectMany(d => d.Keys).DefaultIfEmpty().Max();
        var oldestKept = newest.AddDays(-DaysKept);
        foreach (var days in state.Values)
        {
            foreach (var old in days.Keys.Where(d => d < oldestKept).ToArray())
            {
                days.Remove(old);
            }
        }

        return state;
    }

    private void Write(Dictionary<string, Dictionary<DateOnly, int>> state)
    {
        var temporary = StatePath + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("version", FormatVersion);
                    writer.WriteStartObject("kiosks");
                    foreach (var (kiosk, days) in state.OrderBy(k => k.Key, StringComparer.Ordinal))
                    {
                        writer.WriteStartObject(kiosk);
                        foreach (var (day, last) in days.OrderByDescending(d => d.Key))
                        {
                            writer.WriteNumber(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                // on the disk before the rename makes it the state: a power cut leaves the old file or the new one
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, StatePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }
    }

    private DossierCodeSequenceException Unavailable(Exception e) => new(
        $"Không đọc/ghi được số thứ tự hồ sơ trong {StateDirectory}: {e.Message} (đặt INTAKE_STATE_DIR nếu cần)",
        $"cannot read or write the dossier sequence in {StateDirectory}: {e.Message} (set INTAKE_STATE_DIR if needed)",
        e);
}
