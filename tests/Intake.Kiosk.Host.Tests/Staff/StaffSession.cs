using System.Text.RegularExpressions;
using Intake.Dossiers;
using Intake.Dossiers.Package;
using Intake.Dossiers.Tests.Fixtures;
using Intake.Kiosk.Host.Tests.Browser;
using Intake.Sync.Store;
using Intake.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Staff;

/// <summary>
/// One whole staff session in headless Chromium against the real host, every log line captured: the member mistypes
/// the PIN once (the page says how many tries are left), signs in,
/// scans the applicant's batch (both card sides on one page, then the CT07 form) from the replay feeder, opens the
/// dossier from the review queue, lands on the first unsure field with its page crop highlighted, Tabs to the place of
/// origin, types the value from the card with the keyboard and confirms with Enter. The tests then read the store
/// and the logs. The screenshot of the review goes to docs/screenshots/staff-review.png when
/// INTAKE_UPDATE_SCREENSHOTS=1, else beside the test's data.
/// </summary>
public sealed class StaffSession : IAsyncLifetime
{
    public const string CorrectedField = FieldNames.PlaceOfOrigin;
    private readonly DirectoryInfo _scans = Directory.CreateTempSubdirectory("intake-desk-browser-");
    private StaffHost? _host;

    public SyntheticCitizen Citizen { get; } = SyntheticCitizen.Create(1414);

    public CapturedLogs Logs { get; } = new();

    public string Code { get; private set; } = "";

    /// <summary>The dossier as the store holds it after the session.</summary>
    public Dossier Stored { get; private set; } = null!;

    public string FirstFocused { get; private set; } = "";

    public bool HighlightShown { get; private set; }

    public string AuditText { get; private set; } = "";

    /// <summary>What the sign-in page said after one wrong PIN.</summary>
    public string WrongPinMessage { get; private set; } = "";

    public string Screenshot { get; private set; } = "";

    public string CorrectedValue => Citizen.PlaceOfOrigin + " (đã kiểm tra)";

    public async Task InitializeAsync()
    {
        var batch = DeskBatch.Write(Path.Combine(_scans.FullName, "batch"), Citizen);
        _host = await StaffHost.StartAsync(o => o with { ReplayFolder = _scans.FullName }, Logs.Configure);
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add($"error: {error}");
        try
        {
            await RunAsync(page, batch);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException or InvalidOperationException)
        {
            // what the page showed and said, so a failure in CI explains itself
            throw new InvalidOperationException(
                $"{e.Message}\nURL {page.Url}\nconsole:\n{string.Join('\n', console)}\npage:\n{await page.InnerTextAsync("body")}\nlogs:\n{string.Join('\n', Logs.Lines.TakeLast(30))}", e);
        }

        await _host.App.StopAsync();
        using var store = DossierStore.Open(_host.Options.Store);
        Stored = DossierJsonReader.Read(store.ReadJson(Code)).Dossier;
    }

    private async Task RunAsync(IPage page, string batch)
    {
        var host = _host!;

        // signed out, the desk sends to the sign-in page
        await page.GotoAsync(new Uri(host.Address, "/staff").ToString());
        await page.WaitForURLAsync(new Regex("/staff/signin"));
        await page.FillAsync("#name", StaffHost.StaffName);
        await page.FillAsync("#pin", "000000");
        await page.PressAsync("#pin", "Enter");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#message")).ToContainTextAsync("còn 4 lần");
        WrongPinMessage = await page.Locator("#message").InnerTextAsync();
        await page.FillAsync("#pin", StaffHost.StaffPin);
        await page.PressAsync("#pin", "Enter");
        await page.WaitForURLAsync(new Regex("/staff$"));

        // one batch from the feeder
        await page.FillAsync("#scan input[name=device]", "replay:" + batch);
        await page.SelectOptionAsync("#scan select[name=source]", "adf");
        await page.ClickAsync("#scan-submit");
        var status = page.Locator("#scan-status");
        await Microsoft.Playwright.Assertions.Expect(status).ToContainTextAsync("Đã lập hồ sơ", new LocatorAssertionsToContainTextOptions { Timeout = 300_000 });
        Code = Regex.Match(await status.InnerTextAsync(), @"K14-\d{6}-\d{4}").Value;

        // the queue jumps straight to the first unsure field, its crop highlighted
        await page.ClickAsync($"#queue li[data-code='{Code}'] button.open");
        await page.WaitForSelectorAsync("input.needs-review:focus");
        FirstFocused = await page.EvaluateAsync<string>("document.activeElement.name");
        await page.WaitForSelectorAsync(".crop .highlight");
        HighlightShown = await page.Locator(".crop .highlight").IsVisibleAsync();

        // Tab walks the unsure fields only; the keyboard corrects and Enter confirms
        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("document.activeElement.name") != CorrectedField; i++)
            await page.Keyboard.PressAsync("Tab");
        if (await page.EvaluateAsync<string>("document.activeElement.name") != CorrectedField)
            throw new InvalidOperationException($"Tab never reached {CorrectedField}");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(CorrectedValue);
        await page.Keyboard.PressAsync("Enter");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#audit li")).ToHaveCountAsync(1);
        AuditText = await page.Locator("#audit").InnerTextAsync();
        await page.WaitForSelectorAsync(".crop .highlight");

        var folder = Environment.GetEnvironmentVariable("INTAKE_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepoPaths.Root, "docs", "screenshots")
            : _scans.FullName;
        Directory.CreateDirectory(folder);
        Screenshot = Path.Combine(folder, "staff-review.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot, FullPage = true });

        await page.ClickAsync("#signout");
        await page.WaitForURLAsync(new Regex("/staff/signin"));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _scans.Delete(recursive: true);
    }
}
