using System.CommandLine;
using Intake.Scanner.Camera;
using Intake.Scanner.Sane;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake devices`: the scanners SANE can see (each opened to read its sources, resolutions and colour
/// modes) and the cameras under /dev/video*. SANE reads SANE_CONFIG_DIR from the environment, so a
/// technician can point it at a folder enabling only the "test" backend. Exit 0 even when nothing is
/// found: an empty list is an answer; a SANE failure is not (exit 2).
/// </summary>
internal static class DevicesVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("devices", "Liệt kê máy quét và máy ảnh / list scanners and cameras");
        command.SetAction(async (_, token) =>
        {
            if (!SaneSession.BackendThreadsGuarded)
                error.WriteLine("intake: cảnh báo: chưa nạp bộ bảo vệ luồng SANE, hủy quét có thể treo máy; hãy chạy qua ./intake / " +
                                "warning: the SANE thread guard is not preloaded (LD_PRELOAD), a cancelled scan can hang; run through ./intake");
            try
            {
                var scanners = await Task.Run(ListScanners, token).ConfigureAwait(false);
                output.WriteLine("Máy quét / scanners:");
                if (scanners.Count == 0) output.WriteLine("  (không có / none)");
                foreach (var line in scanners) output.WriteLine(line);
                var cameras = await Task.Run(() => CameraProbe.List(), token).ConfigureAwait(false);
                output.WriteLine("Máy ảnh / cameras:");
                if (cameras.Count == 0) output.WriteLine("  (không có / none)");
                foreach (var camera in cameras) output.WriteLine(Describe(camera));
                return 0;
            }
            catch (SaneException e)
            {
                error.WriteLine($"intake: {e.Message}");
                return IntakeCli.UsageError;
            }
        });
        return command;
    }

    private static List<string> ListScanners()
    {
        using var session = SaneSession.Acquire();
        var lines = new List<string>();
        foreach (var device in session.GetDevices())
        {
            lines.Add($"  {device.Name}  {device.Vendor} {device.Model} ({device.Type})");
            try
            {
                using var open = session.OpenDevice(device.Name);
                var capabilities = ScannerCapabilities.Read(open);
                lines.Add($"    nguồn giấy / sources: {Listed(capabilities.Sources, "Flatbed")}");
                lines.Add($"    độ phân giải / resolutions (dpi): {Listed([capabilities.DescribeResolutions()], "?")}");
                lines.Add($"    chế độ màu / modes: {Listed(capabilities.Modes, "?")}");
            }
            catch (SaneException e)
            {
                // One busy or broken scanner must not hide the others.
                lines.Add($"    {e.Message}");
            }
        }
        return lines;
    }

    private static string Listed(IReadOnlyList<string> values, string whenEmpty)
    {
        var shown = values.Where(v => v.Length > 0).ToList();
        return shown.Count == 0 ? whenEmpty : string.Join(", ", shown);
    }

    private static string Describe(CameraDeviceInfo camera) => camera.Usable
        ? $"  {camera.Path}  {camera.Width}x{camera.Height} ({camera.Backend})"
        : $"  {camera.Path}  không dùng được / unusable: {camera.Problem}";
}
