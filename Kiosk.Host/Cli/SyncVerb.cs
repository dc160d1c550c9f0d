using System.CommandLine;
using Intake.Sync.Outbox;
using Intake.Sync.Protocol;
using Intake.Sync.Upload;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake sync [--once]`: delivers the outbox to the centre the kiosk enrolled with; without --once it keeps going
/// and sends a heartbeat every 30 s. The outbox is the kiosk store's (<see cref="KioskOutbox"/>).
/// </summary>
internal static class SyncVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var once = new Option<bool>("--once") { Description = "Một lượt rồi thoát / one pass, then exit" };
        var bandwidth = new Option<long?>("--bandwidth") { Description = "Giới hạn byte/giây / upload cap in bytes per second" };
        var data = DataFolder.Option();
        var command = new Command("sync", "Gửi hồ sơ về trung tâm / deliver dossiers to the centre") { once, bandwidth, data };
        command.SetAction(async (parse, cancel) =>
        {
            var dataDir = Path.GetFullPath(parse.GetValue(data)!);
            if (KioskIdentity.Load(dataDir) is not { } identity)
            {
                error.WriteLine("intake: ki-ốt chưa đăng ký (intake enroll) / the kiosk is not enrolled (run intake enroll)");
                return 1;
            }
            IOutbox outbox;
            try { outbox = KioskOutbox.Open(dataDir); }
            catch (NotSupportedException e) { error.WriteLine("intake: " + e.Message); return 1; }
            using var key = identity.OpenKey();
            using var http = new HttpClient { BaseAddress = new Uri(identity.CentralUrl), Timeout = TimeSpan.FromMinutes(2) };
            var client = new CentralClient(http, identity.KioskId, key);
            var uploader = new OutboxUploader(outbox, client, new UploaderOptions { BandwidthBytesPerSecond = parse.GetValue(bandwidth) });
            uploader.Delivered += (id, receipt) => output.WriteLine($"intake: đã gửi / delivered {id} -> {receipt}");
            if (parse.GetValue(once))
            {
                var pass = await uploader.RunOnceAsync(cancel).ConfigureAwait(false);
                output.WriteLine($"intake: {pass.Delivered} đã gửi / delivered, {pass.Failed} lỗi / failed");
                return pass.Failed == 0 ? 0 : 1;
            }
            var heartbeat = new HeartbeatSender(client, () => Describe(outbox, dataDir));
            try
            {
                await Task.WhenAll(uploader.RunAsync(cancel), heartbeat.RunAsync(cancel)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
            }
            return 0;
        });
        return command;
    }

    private static Heartbeat Describe(IOutbox outbox, string dataDir)
    {
        var pending = outbox.Pending(10_000);
        var oldest = pending.Count == 0 ? (double?)null : (DateTimeOffset.UtcNow - pending.Min(e => e.EnqueuedAt)).TotalSeconds;
        var free = new DriveInfo(Path.GetPathRoot(dataDir)!).AvailableFreeSpace;
        return new Heartbeat(typeof(SyncVerb).Assembly.GetName().Version?.ToString() ?? "?", pending.Count, oldest, free, "unknown");
    }
}
