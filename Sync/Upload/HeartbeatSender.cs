using Intake.Sync.Protocol;

namespace Intake.Sync.Upload;

/// <summary>
/// Tells the centre every 30 s that this kiosk is alive, with its versions, queue depth, oldest undelivered age, disk
/// free and scanner state (the fleet view: green within 2 min, amber within 24 h, red after). A missed beat is only
/// logged by the next success: the centre's view is the last contact.
/// </summary>
public sealed class HeartbeatSender(CentralClient client, Func<Heartbeat> describe)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await client.HeartbeatAsync(describe(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (OutboxUploader.IsTransient(e) || e is CentralException)
            {
                // The next beat tries again; the centre shows the kiosk amber after 2 minutes of silence.
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
