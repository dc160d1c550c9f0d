using Intake.Sync.Outbox;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Cli;

/// <summary>Where `intake sync` and `intake serve` find the outbox: the kiosk's store (Sync/Store), which implements <see cref="IOutbox"/>.</summary>
internal static class KioskOutbox
{
    /// <summary>Opens the store under <paramref name="dataDirectory"/>; the caller disposes it. Throws <see cref="StoreException"/> as the store does.</summary>
    public static DossierStore Open(string dataDirectory, TextWriter error) =>
        StoreCliOptions.Open(new StoreOptions(dataDirectory)
        {
            LockWait = StoreCliOptions.LockWait,
            KeyFile = Environment.GetEnvironmentVariable(StoreCliOptions.KeyFileVariable) is { Length: > 0 } key ? Path.GetFullPath(key) : null,
        }, error);
}
