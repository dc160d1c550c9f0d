using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Intake.Sync.Store;

namespace Intake.Bench.StoreDriver;

/// <summary>
/// The crash experiment (issue 11): a child process commits dossiers in a loop and prints one line after each commit
/// returns; it is killed with SIGKILL at a random moment, restarted, <c>kills</c> times. Then the store is opened once
/// more: every dossier whose commit returned must be there with the same dossier.json and every file's hash right,
/// none half there (the integrity pass finds nothing), and no code twice.
/// </summary>
public static class CrashRun
{
    public sealed record Result(int Kills, int Committed, int InStore, int Lost, int Partial, int RepeatedCodes, IReadOnlyList<string> Problems);

    public static Result Run(string driverDll, string dataDirectory, int kills, int pageBytes, int seed, TextWriter log)
    {
        var random = new Random(seed);
        var returned = new Dictionary<string, (string Code, string JsonSha256)>();
        for (var kill = 0; kill < kills; kill++)
        {
            var lines = CommitUntilKilled(driverDll, dataDirectory, pageBytes, TimeSpan.FromMilliseconds(random.Next(50, 900)));
            foreach (var line in lines)
            {
                var parts = line.Split(' ');
                if (parts is ["OK", var id, var code, var sha, "END"])
                    returned[id] = (code, sha);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kill {kill + 1}: {returned.Count} commits returned so far"));
        }

        using var store = DossierStore.Open(new StoreOptions(dataDirectory) { LockWait = TimeSpan.FromSeconds(10) });
        var check = store.Check();
        var all = store.List();
        var lost = 0;
        foreach (var (id, (code, sha)) in returned)
        {
            try
            {
                var package = store.Open(id);
                if (package.DossierCode != code || Convert.ToHexStringLower(SHA256.HashData(package.DossierJson)) != sha)
                    lost++;
            }
            catch (KeyNotFoundException)
            {
                lost++;
            }
        }

        var repeated = all.Count - all.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count();
        return new Result(kills, returned.Count, all.Count, lost, check.Problems.Count, repeated, check.Problems);
    }

    private static List<string> CommitUntilKilled(string driverDll, string dataDirectory, int pageBytes, TimeSpan afterFirstCommit)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { driverDll, "commit-loop", dataDirectory, pageBytes.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        var lines = new List<string>();
        using var firstCommit = new ManualResetEventSlim();
        using var child = new Process { StartInfo = start };
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines) lines.Add(e.Data);
            firstCommit.Set();
        };
        child.ErrorDataReceived += (_, _) => { };
        child.Start();
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        firstCommit.Wait(TimeSpan.FromSeconds(30));
        Thread.Sleep(afterFirstCommit);
        child.Kill();
        child.WaitForExit();
        lock (lines) return [.. lines];
    }
}
