using System.Diagnostics;
using Intake.Bench.StoreDriver;
using Intake.Dossiers;
using Intake.Sync.Store;

namespace Intake.Sync.Tests.Store;

/// <summary>A fresh data folder per test, synthetic dossiers, and the driver program as a child process.</summary>
public sealed class StoreFolder : IDisposable
{
    public static readonly DateOnly Day = new(2026, 11, 29);

    public StoreFolder() => Path = Directory.CreateTempSubdirectory("intake-store-test-").FullName;

    public string Path { get; }

    public StoreOptions Options => new(Path) { ReserveBytes = 0 };

    public DossierStore Open(StoreOptions? options = null) => DossierStore.Open(options ?? Options);

    public static StoredDossier CommitSynthetic(DossierStore store, SyntheticDossier? synthetic = null, string kiosk = "K01", int seed = 0) =>
        store.Commit(kiosk, Day, code => (synthetic ?? Small).Build(code, seed));

    public static SyntheticDossier Small { get; } = SyntheticDossier.Default with { PageBytes = 32 << 10 };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temporary folder is harmless
        }
    }
}

/// <summary>Runs bench/StoreDriver (built beside the tests) as a child process.</summary>
internal static class Driver
{
    public static string Dll => System.IO.Path.Combine(AppContext.BaseDirectory, "Intake.Bench.StoreDriver.dll");

    public static ProcessStartInfo StartInfo(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}

/// <summary>A clock the test moves by hand (retention).</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
