using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Intake.Bench.StoreDriver;
using Intake.Dossiers;
using Intake.Sync.Store;

// The store's test and bench driver (bench/store, bench/store-crash, tests/Intake.Sync.Tests):
//   commit-loop DATA PAGE_BYTES      commit synthetic 4-page dossiers forever, one "OK id code sha256(json) END" line after each returns
//   commit-n DATA N PAGE_BYTES       the same N times, then exit
//   hold DATA                        open the store and hold it until standard input closes
//   bench DATA N [nosync]            N commits of a 4-page dossier of 2 MiB pages from memory: p50/p99, and one read back
//                                    (nosync: without the fsync of LiteDB's files after each commit, to measure its cost)
//   crash DATA KILLS PAGE_BYTES      the crash experiment (CrashRun) with this program as the child
var invariant = CultureInfo.InvariantCulture;
var mode = args.Length > 0 ? args[0] : "";
var data = args.Length > 1 ? args[1] : "data";
var today = DateOnly.FromDateTime(DateTime.Now);
var options = new StoreOptions(data) { LockWait = TimeSpan.FromSeconds(30), ReserveBytes = 0 };
switch (mode)
{
    case "commit-loop":
    case "commit-n":
    {
        var count = mode == "commit-n" ? int.Parse(args[2], invariant) : int.MaxValue;
        var pageBytes = int.Parse(args[mode == "commit-n" ? 3 : 2], invariant);
        var synthetic = SyntheticDossier.Default with { PageBytes = pageBytes };
        using var store = DossierStore.Open(options);
        using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        for (var i = 0; i < count; i++)
        {
            byte[] json = [];
            var stored = store.Commit("CRASH", today, code =>
            {
                var commit = synthetic.Build(code, Environment.ProcessId * 100_000 + i);
                json = commit.Package.Json;
                return commit;
            });
            output.WriteLine($"OK {stored.Id} {stored.Code} {Convert.ToHexStringLower(SHA256.HashData(json))} END");
        }

        return 0;
    }

    case "hold":
    {
        using var store = DossierStore.Open(options with { LockWait = TimeSpan.Zero });
        Console.WriteLine("HELD");
        Console.In.ReadToEnd();
        return 0;
    }

    case "bench":
    {
        var count = int.Parse(args[2], invariant);
        var sync = !(args.Length > 3 && args[3] == "nosync");
        using var store = DossierStore.Open(options with { SyncCommits = sync });
        var synthetic = SyntheticDossier.Default;
        var commits = Enumerable.Range(0, 8).Select(i => synthetic.Build(new DossierCode("BENCH", today, 1), i)).ToArray();
        var times = new List<double>();
        StoredDossier? last = null;
        for (var i = 0; i < count; i++)
        {
            var prepared = commits[i % commits.Length];
            var started = Stopwatch.GetTimestamp();
            last = store.Commit("BENCH", today.AddDays(-(i / 9000)), code => prepared with
            {
                Package = prepared.Package with { Dossier = prepared.Package.Dossier with { Code = code, Id = Guid.NewGuid() } },
            });
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        var read = Stopwatch.GetTimestamp();
        var package = store.Open(last!.Id);
        var bytes = package.Blobs.Sum(b => { using var s = b.OpenRead(); return s.Length; });
        var readMs = Stopwatch.GetElapsedTime(read).TotalMilliseconds;
        var pageMiB = commits[0].PageImages.Sum(p => p.Bytes.Length) / 1048576.0;
        Console.WriteLine(string.Create(invariant,
            $"store commit{(sync ? "" : " (no fsync of LiteDB's files)")}: {count} commits of {synthetic.Pages} pages ({pageMiB:0.0} MiB of page images): p50 {times[times.Count / 2]:0.0} ms, p99 {times[(int)(times.Count * 0.99)]:0.0} ms, max {times[^1]:0.0} ms"));
        Console.WriteLine(string.Create(invariant, $"store read-back: one dossier, {bytes / 1048576.0:0.0} MiB decrypted and verified: {readMs:0.0} ms"));
        return 0;
    }

    case "crash":
    {
        var kills = int.Parse(args[2], invariant);
        var pageBytes = int.Parse(args[3], invariant);
        var result = CrashRun.Run(typeof(CrashRun).Assembly.Location, data, kills, pageBytes, Environment.TickCount, TextWriter.Null);
        Console.WriteLine(string.Create(invariant,
            $"store-crash: {result.Kills} kills, committed {result.Committed}, in store {result.InStore}, lost {result.Lost}, partial {result.Partial}, repeated codes {result.RepeatedCodes}"));
        foreach (var problem in result.Problems) Console.WriteLine(problem);
        return result.Lost + result.Partial + result.RepeatedCodes == 0 ? 0 : 1;
    }

    default:
        Console.Error.WriteLine("usage: commit-loop DATA PAGE_BYTES | commit-n DATA N PAGE_BYTES | hold DATA | bench DATA N | crash DATA KILLS PAGE_BYTES");
        return 2;
}
