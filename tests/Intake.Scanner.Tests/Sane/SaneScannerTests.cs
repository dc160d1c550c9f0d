using Intake.TestSupport;
using System.Diagnostics;
using FluentAssertions;
using Intake.Scanner.Sane;
using Intake.Scanner.Sane.Native;

namespace Intake.Scanner.Tests.Sane;

[Collection(SaneTestGroup.Name)]
public sealed class SaneScannerTests
{
    private static readonly ScanRequest SmallFeeder = new(PaperSource.Adf, Dpi: 50, Mode: ColorMode.Gray, Area: new ScanArea(0, 0, 50, 50));

    [Fact]
    public async Task A_flatbed_gives_one_page_of_the_whole_bed_at_the_requested_dpi()
    {
        var scanner = new SaneScanner(DeviceLocator.ForName("test:0"));

        var pages = await Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Flatbed, Dpi: 150, Mode: ColorMode.Gray)));

        pages.Should().ContainSingle();
        using var page = pages[0];
        page.Number.Should().Be(1);
        page.Source.Should().Be("test:0 (Flatbed)");
        // The test backend's bed is 200 x 200 mm.
        page.Image.Width.Should().BeCloseTo((int)(150 * 200 / 25.4), 1);
        page.Image.Height.Should().BeCloseTo((int)(150 * 200 / 25.4), 1);
        page.Image.DpiX.Should().Be(150);
        page.Image.Channels.Should().Be(1);
        page.Duration.Should().BePositive();
        scanner.Locator.Current.Model.Should().Be("frontend-tester", "the locator learned who test:0 is");
    }

    [Fact]
    public async Task A_colour_page_at_300_dpi_is_colour_with_its_area()
    {
        var scanner = new SaneScanner(DeviceLocator.ForName("test:1"));

        var pages = await Collect(scanner.ScanAsync(new ScanRequest(Dpi: 300, Area: new ScanArea(0, 0, 80, 100))));

        using var page = pages.Single();
        page.Image.Channels.Should().Be(3);
        page.Image.Width.Should().BeCloseTo((int)(300 * 80 / 25.4), 1);
        page.Image.Height.Should().BeCloseTo((int)(300 * 100 / 25.4), 1);
    }

    [Fact]
    public async Task A_feeder_batch_ends_normally_when_the_feeder_is_empty()
    {
        var scanner = new SaneScanner(DeviceLocator.ForName("test:0"));

        var pages = await Collect(scanner.ScanAsync(SmallFeeder));

        // The test backend's feeder holds ten sheets.
        pages.Select(p => p.Number).Should().Equal(Enumerable.Range(1, 10));
        pages.Should().OnlyContain(p => p.Source == "test:0 (Automatic Document Feeder)");
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task A_feeder_batch_stops_at_max_pages()
    {
        var scanner = new SaneScanner(DeviceLocator.ForName("test:0"));

        var pages = await Collect(scanner.ScanAsync(SmallFeeder with { MaxPages = 3 }));

        pages.Should().HaveCount(3);
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task An_empty_feeder_before_the_first_page_is_an_error()
    {
        var scanner = new SaneScanner(DeviceLocator.ForName("test:0"), d => d.SetOption("read-return-value", "SANE_STATUS_NO_DOCS"));

        var act = () => Collect(scanner.ScanAsync(SmallFeeder));

        (await act.Should().ThrowAsync<SaneException>())
            .Which.Message.Should().StartWith("Hết giấy trong khay nạp / the document feeder is empty");
    }

    [Fact]
    public async Task A_jam_mid_batch_is_reported()
    {
        var scanner = new SaneScanner(DeviceLocator.ForName("test:0"), d => d.SetOption("read-return-value", "SANE_STATUS_JAMMED"));

        var act = () => Collect(scanner.ScanAsync(SmallFeeder));

        (await act.Should().ThrowAsync<SaneException>()).Which.Status.Should().Be(SaneStatus.Jammed);
    }

    [Fact]
    public async Task Duplex_on_a_simplex_scanner_is_refused_clearly()
    {
        var scanner = new SaneScanner(DeviceLocator.ForName("test:0"));

        var act = () => Collect(scanner.ScanAsync(SmallFeeder with { Source = PaperSource.Duplex }));

        (await act.Should().ThrowAsync<SaneException>())
            .Which.Message.Should().StartWith("Máy quét không hỗ trợ thao tác này / the scanner does not support this");
    }

    [Fact]
    public async Task Cancelling_stops_a_slow_scan_mid_page()
    {
        var scanner = new SaneScanner(DeviceLocator.ForName("test:0"), SlowDown);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        var act = () => Collect(scanner.ScanAsync(new ScanRequest(Dpi: 300, Area: new ScanArea(0, 0, 80, 100)), cts.Token));

        await act.Should().ThrowAsync<OperationCanceledException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3), "the page alone would take about ten seconds");

        // The device was closed: the next scan opens it again.
        var again = await Collect(new SaneScanner(DeviceLocator.ForName("test:0")).ScanAsync(SmallFeeder with { MaxPages = 1 }));
        again.Should().ContainSingle().Which.Dispose();
    }

    [Fact]
    public async Task A_slow_consumer_holds_the_feeder_back()
    {
        var scanner = new SaneScanner(DeviceLocator.ForName("test:0"));
        var pages = new List<ScannedPage>();
        DateTimeOffset resumed = default;

        await foreach (var page in scanner.ScanAsync(SmallFeeder))
        {
            pages.Add(page);
            if (page.Number == 1)
            {
                await Task.Delay(1000);
                resumed = DateTimeOffset.UtcNow;
            }
        }

        pages.Should().HaveCount(10);
        // Pages 2 and 3 wait in the channel and page 4 waits to be written; page 5 must not have started
        // before the consumer came back.
        pages[4].Started.Should().BeOnOrAfter(resumed.AddMilliseconds(-50));
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task Stopping_early_closes_the_device()
    {
        var scanner = new SaneScanner(DeviceLocator.ForName("test:0"));

        await foreach (var page in scanner.ScanAsync(SmallFeeder))
        {
            page.Dispose();
            if (page.Number == 2) break;
        }

        var again = await Collect(scanner.ScanAsync(SmallFeeder with { MaxPages = 1 }));
        again.Should().ContainSingle().Which.Dispose();
    }

    [Fact]
    public async Task A_replugged_scanner_is_found_again_without_restarting_the_process()
    {
        // A long-lived lease, as the kiosk host keeps one: SANE stays initialised throughout, so the
        // backends only notice the unplug through a restart while leases are held.
        using var session = SaneSession.Acquire();
        var scanner = new SaneScanner(DeviceLocator.ForName("test:1"));
        var request = SmallFeeder with { MaxPages = 1 };
        try
        {
            (await Collect(scanner.ScanAsync(request))).Should().ContainSingle().Which.Dispose();

            // Unplugged: the test backend is no longer configured (the test backend cannot run with zero
            // devices, so it keeps one for when dll opens it by name).
            SaneTestBackend.Write(listed: false, devices: 1);
            session.TryRestart().Should().BeTrue();
            session.GetDevices().Should().BeEmpty();

            // Plugged back in, it comes back under another name: test:1 is gone, test:0 is the same model.
            SaneTestBackend.Write(listed: true, devices: 1);
            var pages = await Collect(scanner.ScanAsync(request));

            pages.Should().ContainSingle();
            pages[0].Source.Should().StartWith("test:0 ");
            scanner.Locator.Current.Name.Should().Be("test:0");
            pages[0].Dispose();
        }
        finally
        {
            SaneTestBackend.Write();
            session.TryRestart();
        }
    }

    [Fact]
    public void A_scanner_that_is_not_there_is_reported_missing_after_a_restart()
    {
        using var session = SaneSession.Acquire();
        var locator = new DeviceLocator(new SaneDeviceInfo("test:7", "Noname", "unplugged-model", "virtual device"));

        var act = () => locator.Open(session);

        act.Should().Throw<SaneException>()
            .Where(e => e.DeviceMissing)
            .WithMessage("Không tìm thấy máy quét*/ the scanner was not found*Noname unplugged-model*test:7*");
    }

    [Fact]
    public void Restarting_is_refused_while_a_device_is_open()
    {
        using var session = SaneSession.Acquire();
        using (session.OpenDevice("test:0"))
            session.TryRestart().Should().BeFalse();
        session.TryRestart().Should().BeTrue();
    }

    private static void SlowDown(SaneDevice device)
    {
        // 200 ms before each 64 KiB the backend sends.
        device.SetOption("read-delay", true);
        device.SetOption("read-delay-duration", 200_000);
    }

    private static async Task<List<ScannedPage>> Collect(IAsyncEnumerable<ScannedPage> pages)
    {
        var list = new List<ScannedPage>();
        await foreach (var page in pages) list.Add(page);
        return list;
    }
}
