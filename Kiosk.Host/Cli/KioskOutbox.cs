using Intake.Sync.Outbox;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// Where `intake sync` finds the outbox: the kiosk store (Sync/Store, issue 11) implements <see cref="IOutbox"/>.
/// The store is built in parallel on another branch; this is the one line that opens it once both are merged.
/// </summary>
internal static class KioskOutbox
{
    public static IOutbox Open(string dataDirectory) =>
        throw new NotSupportedException(
            $"kho ki-ốt chưa có trong bản này / the kiosk store (issue 11) is not in this build yet: no outbox under {dataDirectory}");
}
