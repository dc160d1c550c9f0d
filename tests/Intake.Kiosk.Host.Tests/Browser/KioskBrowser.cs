using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Intake.Kiosk.Host.Cli;
using Intake.TestSupport;
using Microsoft.Playwright;

namespace Intake.Kiosk.Host.Tests.Browser;

/// <summary>
/// The real `intake serve` (in this process, on a free loopback port, its own data folder) and Debian's chromium
/// driven by Playwright (no browser download: the executable path is /usr/bin/chromium). Reusable by any screen's
/// browser test: <see cref="OpenAsync"/> gives a page at the service's URL, <see cref="Screenshot"/> saves it
/// (docs/screenshots/ with INTAKE_UPDATE_SCREENSHOTS=1, else artifacts/screenshots/), <see cref="AxeViolationsAsync"/>
/// runs axe-core from npm in the page, <see cref="OverflowAsync"/> says what does not fit the viewport.
/// </summary>
public sealed class KioskBrowser : IAsyncDisposable
{
    public static readonly (int Width, int Height) Landscape = (1920, 1080);
    public static readonly (int Width, int Height) Portrait = (1080, 1920);

    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _serve;
    private HeadlessChromium? _chromium;

    private KioskBrowser(string dataDirectory) => DataDirectory = dataDirectory;

    public string DataDirectory { get; }

    public string Url { get; private set; } = "";

    public StringWriter ServeOutput { get; } = new();

    public StringWriter ServeError { get; } = new();

    /// <param name="extraArguments">More `intake serve` options, e.g. "--idle-timeout", "6".</param>
    public static async Task<KioskBrowser> StartAsync(string dataDirectory, params string[] extraArguments)
    {
        var kiosk = new KioskBrowser(dataDirectory);
        var port = FreePort();
        kiosk.Url = $"http://127.0.0.1:{port}";
        kiosk._serve = IntakeCli.RunAsync(
            ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", dataDirectory, .. extraArguments],
            kiosk.ServeOutput, kiosk.ServeError, kiosk._stop.Token);
        using var http = new HttpClient();
        for (var i = 0; ; i++)
        {
            if (kiosk._serve.IsCompleted) throw new InvalidOperationException($"intake serve stopped: {kiosk.ServeError}");
            try
            {
                if ((await http.GetAsync(kiosk.Url + "/health")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (i < 300)
            {
            }
            await Task.Delay(100);
        }
        kiosk._chromium = await HeadlessChromium.LaunchAsync();
        return kiosk;
    }

    /// <summary>A fresh browser context (no shared storage) at the service's URL, landscape.</summary>
    public async Task<IPage> OpenAsync()
    {
        var context = await _chromium!.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Landscape.Width, Height = Landscape.Height },
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(Url + "/");
        return page;
    }

    /// <summary>Stops the service (as SIGTERM would: pages in flight finish, the session is wiped) and waits for it.</summary>
    public async Task<int> StopServiceAsync()
    {
        await _stop.CancelAsync();
        return await _serve!;
    }

    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("INTAKE_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepoPaths.Root, "docs", "screenshots")
            : Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    public static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }

    /// <summary>axe-core's violations on the page as "rule: selectors" lines (empty when it passes).</summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeCore.Value });
        var lines = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        return lines;
    }

    /// <summary>
    /// What does not fit a viewport of this size without scrolling: the document scrolls, or a visible element of the
    /// shown screen reaches past the viewport (also where an ancestor hides the overflow). Empty when all fits.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OverflowAsync(IPage page, (int Width, int Height) size)
    {
        await page.SetViewportSizeAsync(size.Width, size.Height);
        await page.WaitForTimeoutAsync(150);
        return await page.EvaluateAsync<string[]>(@"() => {
            const out = [];
            const root = document.documentElement;
            if (root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1) out.push(`document ${root.scrollWidth}x${root.scrollHeight}`);
            for (const el of document.querySelectorAll('header *, main *, .overlay:not([hidden]) *')) {
              if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1) out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} ${Math.round(r.right)}x${Math.round(r.bottom)}`);
            }
            return out;
        }");
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null) await _chromium.DisposeAsync();
        if (_serve is { IsCompleted: false }) await StopServiceAsync();
        _stop.Dispose();
        ServeOutput.Dispose();
        ServeError.Dispose();
    }

    /// <summary>axe-core from the npm registry, installed once per machine into a cache folder (not the repository).</summary>
    private static readonly Lazy<string> AxeCore = new(() =>
    {
        const string version = "4.11.0";
        var folder = Path.Combine(Path.GetTempPath(), "intake-npm-cache", $"axe-core-{version}");
        var script = Path.Combine(folder, "node_modules", "axe-core", "axe.min.js");
        if (File.Exists(script)) return script;
        Directory.CreateDirectory(folder);
        var npm = Process.Start(new ProcessStartInfo("npm", ["install", "--prefix", folder, "--no-audit", "--no-fund", "--silent", $"axe-core@{version}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = npm.StandardError.ReadToEnd();
        npm.StandardOutput.ReadToEnd();
        npm.WaitForExit();
        if (npm.ExitCode != 0 || !File.Exists(script)) throw new InvalidOperationException($"npm install axe-core failed: {error}");
        return script;
    });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
