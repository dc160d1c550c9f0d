using Intake.Imaging;
using Intake.Scanner;
using Intake.Scanner.Replay;
using Intake.Scanner.Sane;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// The kiosk's scanner as a session sees it: one press of "scan" gives one flatbed page. A SANE device when one is
/// present; otherwise the replay scanner over a folder of sample pages, one file per press, in file-name order from
/// the first at every new session (so the bundled samples make a whole birth-registration dossier in four presses).
/// </summary>
internal sealed class KioskScanner
{
    private readonly string? _replayFolder;
    private readonly string? _saneDevice;
    private readonly Lock _gate = new();
    private int _next;

    private KioskScanner(string? replayFolder, string? saneDevice)
    {
        _replayFolder = replayFolder;
        _saneDevice = saneDevice;
    }

    /// <summary>"replay:FOLDER", a SANE device name, or "auto": the first SANE scanner, else the replay of <paramref name="samples"/>.</summary>
    public static KioskScanner Create(string choice, string samples)
    {
        if (choice.StartsWith("replay:", StringComparison.Ordinal)) return new KioskScanner(Path.GetFullPath(choice["replay:".Length..]), null);
        if (choice != "auto") return new KioskScanner(null, choice);
        return FirstSaneDevice() is { } device ? new KioskScanner(null, device) : new KioskScanner(samples, null);
    }

    /// <summary>For logs and /api/kiosk: "sane:NAME" or "replay:FOLDER".</summary>
    public string Name => _saneDevice is { } device ? $"sane:{device}" : $"replay:{_replayFolder}";

    /// <summary>Back to the first sample (a new session).</summary>
    public void Rewind()
    {
        lock (_gate) _next = 0;
    }

    /// <summary>One page, owned by the caller, at 300 dpi in colour.</summary>
    /// <exception cref="InvalidOperationException">The replay folder holds no page.</exception>
    public async Task<Image> ScanOneAsync(CancellationToken cancellationToken)
    {
        IScanSource source;
        if (_saneDevice is { } device)
        {
            source = new SaneScanner(DeviceLocator.ForName(device));
        }
        else
        {
            var files = Directory.EnumerateFiles(_replayFolder!).Where(IsPage).Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0) throw new InvalidOperationException($"Không có trang mẫu / no sample pages in {_replayFolder}");
            int index;
            lock (_gate) index = _next++ % files.Length;
            source = new ReplayScanner(files[index]);
        }

        await foreach (var page in source.ScanAsync(new ScanRequest(PaperSource.Flatbed, 300, ColorMode.Color), cancellationToken).ConfigureAwait(false))
            return page.Image;
        throw new InvalidOperationException("Máy quét không trả trang nào / the scanner gave no page");
    }

    private static bool IsPage(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".tif" or ".tiff" or ".pdf";

    // Listing SANE devices loads every backend; a machine without scanners answers in well under a second.
    private static string? FirstSaneDevice()
    {
        if (!SaneSession.BackendThreadsGuarded) return null; // without the guard a SANE scan can hang the service
        try
        {
            var listing = Task.Run(() =>
            {
                using var session = SaneSession.Acquire();
                return session.GetDevices(localOnly: true).FirstOrDefault(d => d.Type.Contains("scanner", StringComparison.OrdinalIgnoreCase))?.Name;
            });
            return listing.Wait(TimeSpan.FromSeconds(10)) ? listing.Result : null;
        }
        catch (AggregateException)
        {
            return null;
        }
    }
}
