using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Intake.Imaging;
using Intake.Pipeline;
using Intake.Ocr;
using Intake.Scanner;
using Intake.Scanner.Sane;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// Hidden `intake scan-overlap-bench`, for bench/scan-overlap: scans like `intake scan` and cleans and
/// reads every page as it arrives (grey, deskew, OCR copy, Tesseract; one engine per core, loaded before
/// the clock starts) through <see cref="OverlappedPageProcessor"/>, then processes one page again on its
/// own. Prints key=value lines: pages, total_s (first sane_start to last page read), last_page_scanned_s,
/// page_processing_s (median inside the run) and one_page_s (alone, after the run).
/// </summary>
internal static class ScanOverlapBenchVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var device = new Option<string>("--device") { Required = true };
        var dpi = new Option<int>("--dpi") { DefaultValueFactory = _ => 300 };
        var lang = new Option<string>("--lang") { DefaultValueFactory = _ => OcrOptions.DefaultLanguages };
        var command = new Command("scan-overlap-bench", "bench/scan-overlap") { device, dpi, lang };
        command.Hidden = true;
        command.SetAction(async (parse, token) =>
        {
            try
            {
                using var engines = new PageEngines(new OcrOptions { Languages = parse.GetValue(lang)! });
                engines.WarmUp();
                var pipeline = new PagePipeline(engines.Readers, new PageCleaner(engines, new PageCleanerOptions()), new PagePipelineOptions(OcrOutputs.Text, KeepCleanImages: false));
                var scanner = ScanSourceFactory.Create(parse.GetValue(device)!);
                var request = new ScanRequest(PaperSource.Adf, parse.GetValue(dpi), ColorMode.Gray);
                Image? kept = null;
                var clock = Stopwatch.StartNew();
                var lastScanned = TimeSpan.Zero;
                var durations = new List<double>();
                await foreach (var seconds in OverlappedPageProcessor.ProcessAsync(scanner.ScanAsync(request, token), async (page, stop) =>
                               {
                                   lastScanned = clock.Elapsed;
                                   kept ??= page.Image.WithDpi(page.Image.DpiX, page.Image.DpiY);
                                   var started = Stopwatch.StartNew();
                                   await ProcessAsync(pipeline, page.Image, stop).ConfigureAwait(false);
                                   return started.Elapsed.TotalSeconds;
                               }, engines.Workers, token).ConfigureAwait(false))
                    durations.Add(seconds);
                var total = clock.Elapsed;
                if (kept is null) throw new InvalidOperationException("no pages");
                using (kept)
                {
                    var alone = Stopwatch.StartNew();
                    await ProcessAsync(pipeline, kept, token).ConfigureAwait(false);
                    durations.Sort();
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                        pages={durations.Count}
                        workers={engines.Workers}
                        total_s={total.TotalSeconds:0.00}
                        last_page_scanned_s={lastScanned.TotalSeconds:0.00}
                        page_processing_s={durations[durations.Count / 2]:0.00}
                        one_page_s={alone.Elapsed.TotalSeconds:0.00}
                        """));
                }
                return 0;
            }
            catch (Exception e) when (e is SaneException or OcrException or ImagingException or InvalidOperationException)
            {
                error.WriteLine($"intake: {e.Message}");
                return IntakeCli.UsageError;
            }
        });
        return command;
    }

    /// <summary>What a kiosk does to each scanned page before its text is used: the one page pipeline.</summary>
    private static Task<PageReading> ProcessAsync(PagePipeline pipeline, Image page, CancellationToken token)
    {
        var copy = page.WithDpi(page.DpiX, page.DpiY);
        return Task.Run(() => pipeline.ReadOne(copy, 0, token), token);
    }
}
