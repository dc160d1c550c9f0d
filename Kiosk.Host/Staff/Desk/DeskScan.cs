using Intake.Kiosk.Host.Cli;
using Intake.Kiosk.Host.Processing;
using Intake.Scanner;

namespace Intake.Kiosk.Host.Staff.Desk;

/// <summary>
/// One batch at the desk: every page the scanner gives (the ADF until it is empty, both sides in duplex, one page on
/// the glass) goes, in order, through the one dossier path <see cref="DossierProcessing"/> (the page pipeline, the
/// domain, the store's commit), with the staff member as the dossier's operator. The pages wait in a private
/// temporary folder (0700, under the service's PrivateTmp) only while the batch is read, and are deleted after,
/// whatever happens; the store keeps its own sealed copy.
/// </summary>
internal static class DeskScan
{
    /// <summary>What the desk asked for: a device id (a SANE name, or replay:PATH under the configured replay folder), the paper source, the resolution and the procedure.</summary>
    public sealed record Request(string Device, string? Source, int? Dpi, string? Procedure);

    /// <exception cref="ArgumentException">A device the desk may not use, or a bad source or resolution (Vietnamese / English).</exception>
    public static async Task<ProcessOutcome> RunAsync(Request request, string operatorName, StaffDeskOptions options, DeskStore store, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = request.Source switch
        {
            null or "" or "flatbed" => PaperSource.Flatbed,
            "adf" => PaperSource.Adf,
            "duplex" => PaperSource.Duplex,
            _ => throw new ArgumentException($"Nguồn giấy '{request.Source}' không có (flatbed, adf, duplex) / no paper source '{request.Source}' (flatbed, adf, duplex)"),
        };
        var dpi = request.Dpi ?? 300;
        if (dpi is < 150 or > 600) throw new ArgumentException("Độ phân giải phải từ 150 đến 600 dpi / the resolution must be 150 to 600 dpi");
        var scanner = ScanSourceFactory.Create(Allowed(request.Device, options));
        var folder = Directory.CreateTempSubdirectory("intake-desk-");
        try
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var files = new List<string>();
            await foreach (var page in scanner.ScanAsync(new ScanRequest(source, dpi), token).ConfigureAwait(false))
                using (page)
                {
                    var path = Path.Combine(folder.FullName, $"page-{page.Number:000}.png");
                    var image = page.Image;
                    await File.WriteAllBytesAsync(path, await Task.Run(() => image.Encode(".png"), token).ConfigureAwait(false), token).ConfigureAwait(false);
                    files.Add(path);
                }

            if (files.Count == 0) throw new ArgumentException("Máy quét không trả về trang nào (hết giấy?) / the scanner gave no page (out of paper?)");
            var process = new ProcessRequest(files, null, request.Procedure is { Length: > 0 } p ? p : null, operatorName, options.KioskCode, options.Store, options.Workers, options.HeldStore);
            return await store.ExclusiveAsync(() => DossierProcessing.Run(process, token), token).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A SANE device name as it is; replay:PATH only inside <see cref="StaffDeskOptions.ReplayFolder"/> (demos and
    /// tests), so the desk cannot be used to read any file of the kiosk; cameras belong to the citizen's session.
    /// </summary>
    private static string Allowed(string device, StaffDeskOptions options)
    {
        if (string.IsNullOrWhiteSpace(device)) throw new ArgumentException("Chưa chọn máy quét / no scanner chosen");
        if (device.StartsWith("replay:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(device["replay:".Length..]);
            if (options.ReplayFolder is { } root && (path + "/").StartsWith(Path.GetFullPath(root).TrimEnd('/') + "/", StringComparison.Ordinal))
                return "replay:" + path;
            throw new ArgumentException("Quầy chỉ phát lại trong thư mục đã cấu hình / the desk replays only inside its configured folder");
        }

        if (device.StartsWith("camera:", StringComparison.Ordinal) || device.StartsWith("recording:", StringComparison.Ordinal))
            throw new ArgumentException("Quầy chỉ dùng máy quét / the desk uses scanners only");
        return device;
    }
}
