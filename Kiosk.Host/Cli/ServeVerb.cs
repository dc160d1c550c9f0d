using System.CommandLine;
using Intake.Kiosk.Host.Api;
using Intake.Kiosk.Host.Staff.Desk;

namespace Intake.Kiosk.Host.Cli;

/// <summary>`intake serve [--port N] [--data DIR]`: the kiosk's local API on the loopback interface, and delivery to the centre in the background once enrolled.</summary>
internal static class ServeVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port") { Description = "Cổng / port on 127.0.0.1", DefaultValueFactory = _ => 8080 };
        var data = DataFolder.Option();
        var command = new Command("serve", "Chạy dịch vụ ki-ốt / run the kiosk service") { port, data };
        command.SetAction(async (parse, token) =>
        {
            await using var app = KioskApp.Build(parse.GetValue(port), staff: StaffDeskOptions.ForData(parse.GetValue(data)!));
            await app.StartAsync(token).ConfigureAwait(false);
            output.WriteLine($"intake: đang phục vụ tại / serving at {string.Join(", ", app.Urls)}");
            using var stopSync = CancellationTokenSource.CreateLinkedTokenSource(token);
            var sync = SyncVerb.RunInBackgroundAsync(Path.GetFullPath(parse.GetValue(data)!), error, stopSync.Token);
            await app.WaitForShutdownAsync(token).ConfigureAwait(false);
            await stopSync.CancelAsync().ConfigureAwait(false); // a SIGTERM ends the host without cancelling token
            await sync.ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
