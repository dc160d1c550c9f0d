using Intake.Kiosk.Host.Health;
using Intake.Sync.Outbox;

namespace Intake.Kiosk.Host.Metrics;

/// <summary>The store's outbox as the uploader sees it, with each failed delivery attempt counted in <see cref="KioskVitals"/> (intake_sync_failures_total).</summary>
internal sealed class FailureCountingOutbox(IOutbox outbox, KioskVitals vitals) : IOutbox
{
    public IReadOnlyList<OutboxEntry> Pending(int max) => outbox.Pending(max);

    public DeliveryPackage Open(string dossierId) => outbox.Open(dossierId);

    public void RecordFailure(string dossierId, string reason)
    {
        vitals.RecordSyncFailure();
        outbox.RecordFailure(dossierId, reason);
    }

    public void Acknowledge(string dossierId, string receipt) => outbox.Acknowledge(dossierId, receipt);
}
