using System.CommandLine;
using Intake.Kiosk.Host.Api;
using Intake.Kiosk.Host.Staff.Desk;
using Intake.Kiosk.Host.Session;

namespace Intake.Kiosk.Host.Cli;

/// <summary>`intake serve [--port N] [--data DIR]`: the kiosk's local API on the loopback interface, and delivery to the centre in the background once enrolled.</summary>
internal static class ServeVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port") { Description = "Cổng / port on 127.0.0.1", DefaultValueFactory = _ => 8080 };
        var data = DataFolder.Option();
        var central = new Option<string?>("--central") { Description = "Địa chỉ trung tâm (mặc định: chạy trong tiến trình) / central URL (default: in-process)" };
        var scanner = new Option<string>("--scanner") { Description = "auto, replay:FOLDER hoặc thiết bị SANE / auto, replay:FOLDER or a SANE device", DefaultValueFactory = _ => "auto" };
        var idle = new Option<int>("--idle-timeout") { Description = "Giây không thao tác trước khi xóa phiên / seconds idle before a session is wiped", DefaultValueFactory = _ => 90 };
        var kioskCode = new Option<string>("--kiosk") { Description = "Mã ki-ốt / kiosk code", DefaultValueFactory = _ => "KIOSK" };
        var command = new Command("serve", "Chạy dịch vụ ki-ốt / run the kiosk service") { port, data, central, scanner, idle, kioskCode };
        command.SetAction(async (parse, token) =>
        {
            var dataDirectory = Path.GetFullPath(parse.GetValue(data)!);
            await using var citizen = await CitizenKiosk.StartAsync(new KioskServeOptions(
                dataDirectory, parse.GetValue(central), parse.GetValue(scanner)!, TimeSpan.FromSeconds(parse.GetValue(idle)), parse.GetValue(kioskCode)!), error, token).ConfigureAwait(false);
            await using var app = KioskApp.Build(parse.GetValue(port), staff: StaffDeskOptions.ForData(dataDirectory) with { HeldStore = citizen.Store, KioskCode = citizen.Options.KioskCode }, citizen: citizen);
            await app.StartAsync(token).ConfigureAwait(false);
            output.WriteLine($"intake: đang phục vụ tại / serving at {string.Join(", ", app.Urls)}");
            output.WriteLine($"intake: mở / open {app.Urls.First()}/ (máy quét / scanner {citizen.Scanner.Name})");
            using var stopSync = CancellationTokenSource.CreateLinkedTokenSource(token);
            var sync = SyncVerb.RunInBackgroundAsync(dataDirectory, citizen.Store, error, stopSync.Token);
            await app.WaitForShutdownAsync(token).ConfigureAwait(false);
            await stopSync.CancelAsync().ConfigureAwait(false); // a SIGTERM ends the host without cancelling token
            await sync.ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
