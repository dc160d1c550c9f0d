using System.CommandLine;
using System.Globalization;
using Intake.Imaging;
using Intake.Kiosk.Host.Reading;
using Intake.Pipeline;
using Intake.Pipeline.Reports;
using Intake.Scanner;
using Intake.Scanner.Camera;
using Intake.Scanner.Sane;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake scan --device ID [--source flatbed|adf|duplex] [--dpi N] [--mode color|gray] --out DIR
/// [--process [--procedure CODE] [--operator NAME] [--kiosk CODE]]`:
/// writes page-001.png, page-002.png… (with their dpi) as each page arrives, so a jam on page 7 leaves
/// pages 1-6 on disk. Device ids: see <see cref="ScanSourceFactory"/>. With --process, once every page is
/// on disk, the pages written are made into a dossier exactly as `intake process` does, and its package
/// goes to DIR/dossier (a failed scan builds nothing).
/// </summary>
internal static class ScanVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var device = new Option<string>("--device") { Description = "Thiết bị / device: test:0, replay:FOLDER, replay:FILE.pdf, camera:/dev/video0", Required = true };
        var source = new Option<string>("--source") { Description = "Nguồn giấy / paper source: flatbed, adf, duplex", DefaultValueFactory = _ => "flatbed" };
        OneOf(source, "flatbed", "adf", "duplex");
        var dpi = new Option<int>("--dpi") { Description = "Độ phân giải / resolution (dpi)", DefaultValueFactory = _ => 300 };
        dpi.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 50 or > 1200) result.AddError("--dpi phải từ 50 đến 1200 / must be 50..1200");
        });
        var mode = new Option<string>("--mode") { Description = "Màu / colour mode: color, gray", DefaultValueFactory = _ => "color" };
        OneOf(mode, "color", "gray");
        var outDir = new Option<string>("--out") { Description = "Thư mục ảnh trang / folder for the page images", Required = true };
        var process = new Option<bool>("--process")
        {
            Description = $"Lập hồ sơ từ các trang vừa quét vào OUT/{DossierFolder} / then build the dossier from the pages into OUT/{DossierFolder}",
        };
        var dossier = new ProcessVerb.DossierOptions();
        var command = new Command("scan", "Quét giấy tờ thành ảnh / scan pages to images") { device, source, dpi, mode, outDir, process };
        dossier.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(process)) return;
            foreach (var option in dossier.All.Where(o => result.GetResult(o) is { Implicit: false }))
                result.AddError($"{option.Name} chỉ dùng cùng --process / only goes with --process");
        });
        command.SetAction(async (parse, token) =>
        {
            var request = new ScanRequest(
                parse.GetValue(source) switch { "adf" => PaperSource.Adf, "duplex" => PaperSource.Duplex, _ => PaperSource.Flatbed },
                parse.GetValue(dpi),
                parse.GetValue(mode) == "gray" ? ColorMode.Gray : ColorMode.Color);
            var folder = parse.GetValue(outDir)!;
            var written = new List<string>();
            var scanned = await ScanAsync(ScanSourceFactory.Create(parse.GetValue(device)!), request, folder, written, output, error, token).ConfigureAwait(false);
            if (scanned != 0 || !parse.GetValue(process)) return scanned;
            if (written.Count == 0)
            {
                error.WriteLine("intake: không có trang nào để lập hồ sơ / no pages to build a dossier from");
                return IntakeCli.UsageError;
            }
            var dossierRequest = dossier.Request(parse, written, Path.Combine(folder, DossierFolder));
            return await Task.Run(() => ProcessVerb.Build(dossierRequest, output, error, token), token).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Where --process writes the package, inside --out beside the page images.</summary>
    public const string DossierFolder = "dossier";

    /// <summary>Like AcceptOnlyFromAmong, but the refusal fits on one line.</summary>
    private static void OneOf(Option<string> option, params string[] allowed) => option.Validators.Add(result =>
    {
        var value = result.GetValueOrDefault<string>();
        if (!allowed.Contains(value, StringComparer.Ordinal))
            result.AddError($"{option.Name} '{value}' không hợp lệ / is not one of {string.Join(", ", allowed)}");
    });

    /// <summary>Scans into the folder; <paramref name="files"/> receives the path of each page written, in order.</summary>
    private static async Task<int> ScanAsync(IScanSource scanner, ScanRequest request, string folder, List<string> files, TextWriter output, TextWriter error,
                                             CancellationToken token)
    {
        try
        {
            Directory.CreateDirectory(folder);
            await foreach (var page in scanner.ScanAsync(request, token).ConfigureAwait(false))
                using (page)
                {
                    var name = $"page-{page.Number:000}.png";
                    var image = page.Image;
                    var bytes = await Task.Run(() => image.Encode(".png"), token).ConfigureAwait(false);
                    var path = Path.Combine(folder, name);
                    AtomicFile.Write(path, bytes);
                    files.Add(path);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}  {image.Width}x{image.Height}  {image.DpiX:0.#} dpi  {page.Duration.TotalSeconds:0.00} s"));
                }
            output.WriteLine($"intake: đã quét {files.Count} trang / scanned {files.Count} page(s) → {Path.GetFullPath(folder)}");
            return 0;
        }
        catch (Exception e) when (e is SaneException or ImagingException or CameraException or IOException or UnauthorizedAccessException
                                      or InvalidOperationException or NotSupportedException or InvalidDataException)
        {
            var kept = files.Count > 0 ? $" ({files.Count} trang đã lưu / page(s) kept)" : "";
            error.WriteLine($"intake: {e.Message}{kept}");
            return IntakeCli.UsageError;
        }
    }
}
