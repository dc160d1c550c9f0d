using Intake.Sync.Upload;

namespace Intake.Central.Tests.Support;

/// <summary>
/// The test assembly run as a program is a kiosk process (the crash test kills it with SIGKILL):
/// <c>dotnet Intake.Central.Tests.dll kiosk-sync OUTBOX CENTRAL_URL KIOSK_ID KEY_BASE64 BANDWIDTH CHUNK</c> delivers the
/// folder outbox and exits 0 when it is empty.
/// </summary>
public static class TestKioskProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 7 || args[0] != "kiosk-sync") return 2;
        using var key = System.Security.Cryptography.ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(args[4]), out _);
        using var http = new HttpClient { BaseAddress = new Uri(args[2]), Timeout = TimeSpan.FromSeconds(10) };
        var outbox = new FolderOutbox(args[1]);
        var uploader = new OutboxUploader(outbox, new CentralClient(http, args[3], key), new UploaderOptions
        {
            BandwidthBytesPerSecond = long.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture),
            ChunkBytes = int.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture),
            BaseDelay = TimeSpan.FromMilliseconds(50),
            MaxDelay = TimeSpan.FromSeconds(1),
            AttemptsPerPass = 20,
        });
        while (outbox.Pending(1).Count > 0) await uploader.RunOnceAsync(CancellationToken.None);
        return 0;
    }
}
