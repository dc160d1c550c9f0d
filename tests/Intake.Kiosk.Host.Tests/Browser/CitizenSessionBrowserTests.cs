using FluentAssertions;
using Intake.Kiosk.Host.Tests.Session;
using Intake.Sync.Store;
using Intake.TestSupport;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Browser;

/// <summary>
/// Issue 13's acceptance in a real headless chromium against the real `intake serve` with the replay scanner over the
/// bundled samples: a citizen picks 1.001193 by typing "khai sinh", scans the ID card front and back and the two form
/// pages, sees the checklist ticked, confirms, and gets a receipt whose QR code decodes to the dossier's code; the
/// dossier is in the store. Every screen passes axe-core and fits 1920×1080 and 1080×1920 without scrolling; the next
/// session shows nothing of the first (DOM, storage, the served images). On the review the citizen corrects a field
/// (a refused value first), and the stored dossier carries the correction. An idle session is wiped.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CitizenSessionBrowserTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-browser-test-");

    [Fact]
    public async Task A_citizen_walks_from_procedure_to_receipt_and_the_next_session_shows_nothing_of_it()
    {
        var data = Path.Combine(_folder.FullName, "data");
        string code;
        await using (var kiosk = await KioskBrowser.StartAsync(data, "--scanner", "replay:" + BundledSamples.Folder, "--kiosk", "K13"))
        {
            var page = await kiosk.OpenAsync();
            (await page.EvaluateAsync<string>("() => document.documentElement.lang")).Should().Be("vi");
            (await page.Locator("#start-title").TextContentAsync()).Should().Be("Chọn thủ tục");
            await page.Locator("#lang").ClickAsync();
            await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en' && document.getElementById('start-title').textContent === 'Choose the procedure'");
            await page.Locator("#lang").ClickAsync();
            await page.WaitForFunctionAsync("() => document.documentElement.lang === 'vi'");
            await page.Locator("#search").FillAsync("khai sinh");
            var birth = page.Locator("#results button[data-code='1.001193']");
            await birth.WaitForAsync();
            (await birth.TextContentAsync()).Should().Contain("Đăng ký khai sinh");
            await CheckScreen(page, "1-procedure");

            await birth.ClickAsync();
            await page.Locator("#screen-scan").WaitForAsync();
            (await page.Locator("#checklist li").CountAsync()).Should().Be(3);
            (await page.Locator("#checklist li.present").CountAsync()).Should().Be(0);
            for (var n = 1; n <= 4; n++)
            {
                await page.Locator("#scan:not([disabled])").ClickAsync();
                await page.WaitForFunctionAsync($"() => document.querySelectorAll('#pages li').length === {n} && !document.getElementById('scan').disabled");
            }
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#checklist li.present').length === 3 && document.querySelectorAll('#pages li.recognised').length === 4");
            (await page.Locator("#pages li[data-page='1'] .kinds").TextContentAsync()).Should().Be("CCCD mặt trước");
            await CheckScreen(page, "2-scan");
            var imageUrls = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#pages img')].map(i => i.src)");
            imageUrls.Should().HaveCount(4);

            await page.Locator("#to-review").ClickAsync();
            await page.Locator("#fields .field").First.WaitForAsync();
            (await page.Locator("#fields .field[data-field='fullName'] .value").First.TextContentAsync()).Should().Be(BundledSamples.Citizen.FullName);
            (await page.Locator("#fields .field[data-field='idNumber'] .value").First.TextContentAsync()).Should().Be(BundledSamples.Citizen.IdNumber);
            // an unsure field is highlighted with the crop of the page it came from
            (await page.Locator("#fields .field.unsure img").CountAsync()).Should().Be(await page.Locator("#fields .field.unsure").CountAsync());
            await CheckScreen(page, "3-review");
            imageUrls = [.. imageUrls, .. await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#fields img')].map(i => i.src)")];

            // the citizen fixes a tone mark in the name: a refused value stays in the box with its reason, then it is saved
            var name = page.Locator("#fields .field[data-field='fullName']");
            await name.Locator("button.edit").ClickAsync();
            var input = page.Locator("#edit-fullName");
            (await input.InputValueAsync()).Should().Be(BundledSamples.Citizen.FullName);
            (await page.Locator("#confirm").IsDisabledAsync()).Should().BeTrue("confirming waits for the field being edited");
            (await page.Locator("#edit-idNumber").CountAsync()).Should().Be(0, "one field is edited at a time");
            await input.FillAsync("Lý 1");
            await name.Locator("button.save").ClickAsync();
            await name.Locator(".problem:not([hidden])").WaitForAsync();
            (await name.Locator(".problem").TextContentAsync()).Should().Contain("chữ cái").And.Contain(" / ");
            (await input.InputValueAsync()).Should().Be("Lý 1", "nothing typed is lost");
            await CheckScreen(page, "3b-review-edit");
            await input.FillAsync(CorrectedName.Normalize(System.Text.NormalizationForm.FormD));
            await name.Locator("button.save").ClickAsync();
            await page.Locator("#fields .field.corrected[data-field='fullName']").WaitForAsync();
            (await page.Locator("#fields .field[data-field='fullName'] .value").TextContentAsync()).Should().Be(CorrectedName);
            (await page.Locator("#fields .field[data-field='fullName'] .badge").TextContentAsync()).Should().Be("Bạn đã sửa");
            (await page.Locator("#confirm").IsEnabledAsync()).Should().BeTrue();
            await CheckScreen(page, "3c-review-corrected");
            imageUrls = [.. imageUrls, .. await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#fields img')].map(i => i.src)")];

            await page.Locator("#confirm").ClickAsync();
            await page.WaitForFunctionAsync("() => document.getElementById('receipt-code').textContent.length > 0 && document.getElementById('qr').complete");
            code = (await page.Locator("#receipt-code").TextContentAsync())!;
            code.Should().StartWith("K13-");
            await CheckScreen(page, "4-receipt");
            var qr = Path.Combine(_folder.FullName, "qr.png");
            await page.Locator("#qr").ScreenshotAsync(new LocatorScreenshotOptions { Path = qr });
            var decoded = ExternalTool.Run("zbarimg", "-q", "--raw", qr).Trim();
            log.WriteLine("QR: " + decoded);
            decoded.Split('|')[0].Should().Be(code);
            decoded.Should().Contain("|1.001193|" + BundledSamples.Citizen.IdNumber + "|");
            imageUrls = [.. imageUrls, await page.EvaluateAsync<string>("() => document.getElementById('qr').src"), await page.EvaluateAsync<string>("() => document.getElementById('receipt-pdf').href")];

            // the next citizen: nothing of the first on the page, in the browser's storage, or behind the old addresses
            await page.Locator("#finish").ClickAsync();
            await page.Locator("#screen-start").WaitForAsync();
            await page.Locator("#search").FillAsync("kết hôn");
            await page.Locator("#results button[data-code='1.000894']").ClickAsync();
            await page.Locator("#screen-scan").WaitForAsync();
            (await page.Locator("#scan-procedure").TextContentAsync()).Should().StartWith("1.000894");
            // the page as the screen has it, less the axe-core scripts this test injected
            var html = await page.EvaluateAsync<string>("() => { const copy = document.documentElement.cloneNode(true); copy.querySelectorAll('script:not([src])').forEach(s => s.remove()); return copy.outerHTML; }");
            foreach (var trace in new[] { code, BundledSamples.Citizen.IdNumber, BundledSamples.Citizen.FullName, BundledSamples.Citizen.FullName.ToUpperInvariant(), CorrectedName, "/pages/", "/receipt/", "/fields/" })
                html.Should().NotContain(trace);
            (await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length")).Should().Be(0);
            (await page.EvaluateAsync<int>("async () => (await caches.keys()).length")).Should().Be(0);
            foreach (var url in imageUrls)
            {
                var status = await page.EvaluateAsync<int>("async url => (await fetch(url, { cache: 'force-cache' })).status", url);
                status.Should().Be(404, url);
            }
            await page.Locator("#screen-scan .cancel").ClickAsync();
            await page.Locator("#screen-start").WaitForAsync();
            (await kiosk.StopServiceAsync()).Should().Be(0, kiosk.ServeError.ToString());
        }

        using var store = DossierStore.Open(new StoreOptions(data));
        var stored = store.Find(code);
        stored.Should().NotBeNull();
        System.Text.Encoding.UTF8.GetString(store.ReadJson(code)).Should().Contain("\"1.001193\"").And.Contain(BundledSamples.Citizen.IdNumber);
        // the citizen's correction: the value, certain, the reading kept beside it, and the audit entry naming the citizen
        var dossier = Intake.Dossiers.Package.DossierJsonReader.Read(store.ReadJson(code)).Dossier;
        var fullName = dossier.Applicant.Get(Intake.Dossiers.FieldNames.FullName)!;
        (fullName.Value, fullName.Source, fullName.Confidence).Should().Be((CorrectedName, Intake.Dossiers.FieldSource.Manual, 1.0));
        fullName.Alternatives.Should().Contain(BundledSamples.Citizen.FullName);
        dossier.Corrections.Should().ContainSingle().Which.Should().Match<Intake.Dossiers.Correction>(c =>
            c.FieldName == "fullName" && c.OldValue == BundledSamples.Citizen.FullName && c.NewValue == CorrectedName && c.Operator == Intake.Kiosk.Host.Session.KioskSession.CitizenOperator);
    }

    /// <summary>The bundled citizen's name with its last tone mark changed, as a citizen fixing a misread would type it.</summary>
    private static string CorrectedName => BundledSamples.Citizen.FullName[..^1] + "ạ";

    [Fact]
    public async Task An_idle_session_counts_down_then_is_wiped_from_the_screen_the_service_and_the_disk()
    {
        var data = Path.Combine(_folder.FullName, "data");
        await using var kiosk = await KioskBrowser.StartAsync(data, "--scanner", "replay:" + BundledSamples.Folder, "--idle-timeout", "12");
        var page = await kiosk.OpenAsync();
        await page.Locator("#search").FillAsync("1.001193");
        await page.Locator("#results button[data-code='1.001193']").ClickAsync();
        await page.Locator("#scan:not([disabled])").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#pages li.recognised img')?.complete === true");
        var thumbnail = await page.EvaluateAsync<string>("() => document.querySelector('#pages img').src");
        using var http = new HttpClient();
        (await http.GetAsync(thumbnail)).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await Kiosk(http, kiosk)).GetProperty("bytesHeld").GetInt64().Should().BePositive();

        // nobody touches the screen: the countdown shows, then the session goes
        await page.Locator("#idle:not([hidden])").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        (await page.Locator("#idle-seconds").TextContentAsync()).Should().MatchRegex("^[1-6]$");
        await CheckScreen(page, "5-idle-warning");
        await page.Locator("#screen-start").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#pages li').length === 0");

        (await http.GetAsync(thumbnail)).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await page.EvaluateAsync<int>("async url => (await fetch(url, { cache: 'force-cache' })).status", thumbnail)).Should().Be(404);
        var state = await Kiosk(http, kiosk);
        state.GetProperty("sessionActive").GetBoolean().Should().BeFalse();
        state.GetProperty("bytesHeld").GetInt64().Should().Be(0, "the wiped session's scans and thumbnails are gone from memory");
        // nothing of the session reached the disk: no page file in the store, nothing beside it but the store itself
        var blobs = Path.Combine(data, "blobs");
        (Directory.Exists(blobs) ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories) : []).Should().BeEmpty();
        Directory.GetFiles(data, "*.jpg", SearchOption.AllDirectories).Should().BeEmpty();
        Directory.GetFiles(data, "*.png", SearchOption.AllDirectories).Should().BeEmpty();
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<System.Text.Json.JsonElement> Kiosk(HttpClient http, KioskBrowser kiosk) =>
        System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(kiosk.Url + "/api/kiosk")).RootElement;

    /// <summary>Screenshots the screen in both orientations; it must fit each without scrolling and pass axe-core.</summary>
    private async Task CheckScreen(IPage page, string name)
    {
        foreach (var (size, label) in new[] { (KioskBrowser.Landscape, "landscape"), (KioskBrowser.Portrait, "portrait") })
        {
            var overflow = await KioskBrowser.OverflowAsync(page, size);
            overflow.Should().BeEmpty($"{name} must fit {size.Width}×{size.Height}");
            await KioskBrowser.Screenshot(page, $"{name}-{label}");
        }
        await page.SetViewportSizeAsync(KioskBrowser.Landscape.Width, KioskBrowser.Landscape.Height);
        var violations = await KioskBrowser.AxeViolationsAsync(page);
        foreach (var line in violations) log.WriteLine($"{name}: {line}");
        violations.Should().BeEmpty($"{name} must pass axe-core");
    }
}

/// <summary>Browser tests run one at a time: each starts a kiosk service and a chromium on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup
{
    public const string Name = "browser";
}
