using Microsoft.Playwright;

namespace Intake.Kiosk.Host.Tests.Browser;

/// <summary>
/// Headless Chromium through Playwright: Debian's <c>chromium</c> package (installed by ./intake with the test
/// packages), never a browser downloaded by `playwright install`. One browser per fixture; each test opens its own
/// context (its own cookies).
/// Shared by the citizen's screen (<see cref="KioskBrowser"/>) and the staff desk's browser tests.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        Playwright = playwright;
        Browser = browser;
    }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./intake test, which installs Debian's chromium package");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--lang=vi-VN"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
