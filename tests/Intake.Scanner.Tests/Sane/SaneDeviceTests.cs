using FluentAssertions;
using Intake.Imaging;
using Intake.Scanner.Sane;
using Intake.Scanner.Sane.Native;

namespace Intake.Scanner.Tests.Sane;

[Collection(SaneTestGroup.Name)]
public sealed class SaneDeviceTests
{
    // The test backend computes (int)(dpi * mm / 25.4) for both dimensions.
    private static int Px(double dpi, double mm) => (int)(dpi * mm / 25.4);

    [Fact]
    public void Lists_the_test_devices()
    {
        using var session = SaneSession.Acquire();

        var devices = session.GetDevices();

        devices.Should().ContainEquivalentOf(new SaneDeviceInfo("test:0", "Noname", "frontend-tester", "virtual device"));
        devices.Select(d => d.Name).Should().Contain("test:1");
        SaneSession.BackendVersion!.Major.Should().Be(1);
    }

    [Fact]
    public void Options_are_plain_records_with_their_constraints()
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");

        var options = device.GetOptions();

        var resolution = options.Single(o => o.Name == "resolution");
        resolution.Unit.Should().Be(SaneUnit.Dpi);
        resolution.Range.Should().Be(new SaneRange(1, 1200, 1));
        options.Single(o => o.Name == "source").Strings.Should().Equal("Flatbed", "Automatic Document Feeder");
        options.Single(o => o.Name == "mode").Strings.Should().Contain(["Gray", "Color"]);
        options.Single(o => o.Name == "br-x").Unit.Should().Be(SaneUnit.Millimetre);
        options.Single(o => o.Name == "three-pass").IsActive.Should().BeFalse("it only applies in colour");

        device.SetMode(SaneScanMode.Color);
        device.FindOption("three-pass")!.IsActive.Should().BeTrue();
        device.SetSource(PaperSource.Adf);
        device.GetOption("source").Should().Be("Automatic Document Feeder");
        device.SetResolution(299.6).Should().Be(300);
        device.GetOption("resolution").Should().Be(300.0);
    }

    [Theory]
    [InlineData(SaneScanMode.Color, 150)]
    [InlineData(SaneScanMode.Color, 300)]
    [InlineData(SaneScanMode.Gray, 150)]
    [InlineData(SaneScanMode.Gray, 300)]
    public void Scans_a_page_with_the_geometry_of_the_area(SaneScanMode mode, int dpi)
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetMode(mode);
        device.SetResolution(dpi);
        device.SetArea(new ScanArea(10, 20, 80, 100));
        device.SetOption("test-picture", "Color pattern");

        using var image = device.ScanPage();

        image.Channels.Should().Be(mode == SaneScanMode.Color ? 3 : 1);
        image.Width.Should().BeCloseTo(Px(dpi, 80), 1);
        image.Height.Should().BeCloseTo(Px(dpi, 100), 1);
        image.DpiX.Should().Be(dpi);
        image.DpiY.Should().Be(dpi);
    }

    [Fact]
    public void Colour_comes_out_in_BGR_order()
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetMode(SaneScanMode.Color);
        device.SetResolution(50);
        device.SetOption("test-picture", "Color pattern");

        using var image = device.ScanPage();

        // The pattern's top band is red ramps: blocks of 4 pixels after 1-pixel gaps, red = block
        // number, green = blue = 0. Pixels 11-14 are block 2.
        var pixel = Pixels.Row(image, 2).AsSpan(3 * 12, 3).ToArray();
        pixel.Should().Equal([0, 0, 2], "BGR: blue, green, red");
    }

    [Fact]
    public void Sixteen_bit_samples_keep_their_high_byte_in_native_order()
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetMode(SaneScanMode.Gray);
        device.SetOption("depth", 16);
        device.SetResolution(100);
        device.SetArea(new ScanArea(0, 0, 80, 100));
        device.SetOption("test-picture", "Color pattern");

        using var image = device.ScanPage();

        image.Channels.Should().Be(1);
        image.Width.Should().Be(Px(100, 80));
        // 16-bit grey pattern: from pixel 4 on, high byte = column within a 256-wide ramp, low byte = line.
        var row = Pixels.Row(image, 10);
        for (var k = 0; k < 256 && 4 + k < image.Width; k++)
            row[4 + k].Should().Be((byte)k);
    }

    [Fact]
    public void Sixteen_bit_colour_is_a_colour_page()
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetMode(SaneScanMode.Color);
        device.SetOption("depth", 16);
        device.SetResolution(75);
        device.SetOption("test-picture", "Solid white");

        using var image = device.ScanPage();

        image.Channels.Should().Be(3);
        Pixels.All(image).Should().OnlyContain(b => b == 255);
    }

    [Fact]
    public void Three_pass_frames_make_the_same_page_as_one_pass()
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetMode(SaneScanMode.Color);
        device.SetResolution(50);
        device.SetOption("test-picture", "Color pattern");
        using var onePass = device.ScanPage();

        device.SetOption("three-pass", true);
        using var threePass = device.ScanPage();
        device.SetOption("three-pass-order", "BGR");
        using var reversed = device.ScanPage();

        threePass.Width.Should().Be(onePass.Width);
        threePass.Height.Should().Be(onePass.Height);
        Pixels.All(threePass).Should().Equal(Pixels.All(onePass));
        Pixels.All(reversed).Should().Equal(Pixels.All(onePass));
    }

    [Theory]
    [InlineData("Solid black", 0)]
    [InlineData("Solid white", 255)]
    public void One_bit_grey_means_one_is_black(string picture, byte expected)
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetMode(SaneScanMode.Gray);
        device.SetOption("depth", 1);
        device.SetResolution(75);
        device.SetOption("test-picture", picture);

        using var image = device.ScanPage();

        image.Channels.Should().Be(1);
        image.Width.Should().Be(Px(75, 80));
        Pixels.All(image).Should().OnlyContain(b => b == expected);
    }

    [Fact]
    public void One_bit_grid_matches_the_eight_bit_grid()
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetMode(SaneScanMode.Gray);
        device.SetResolution(50);
        device.SetOption("test-picture", "Grid");
        using var eight = device.ScanPage();
        device.SetOption("depth", 1);
        using var one = device.ScanPage();

        Pixels.All(one).Should().Equal(Pixels.All(eight));
    }

    [Fact]
    public void A_page_of_unknown_length_is_read_to_the_end()
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetMode(SaneScanMode.Gray);
        device.SetResolution(100);
        device.SetOption("hand-scanner", true);

        using var image = device.ScanPage();

        // A hand scanner reports lines = -1; the backend's is 110 mm wide and sends 170 mm.
        image.Width.Should().Be(Px(100, 110));
        image.Height.Should().Be(Px(100, 170));
    }

    [Fact]
    public void Padding_at_the_end_of_each_line_is_dropped()
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetMode(SaneScanMode.Color);
        device.SetResolution(100);
        device.SetOption("ppl-loss", 7);
        device.SetOption("test-picture", "Solid white");

        using var image = device.ScanPage();

        image.Width.Should().Be(Px(100, 80) - 7);
        Pixels.All(image).Should().OnlyContain(b => b == 255);
    }

    [Theory]
    [InlineData("SANE_STATUS_JAMMED", SaneStatus.Jammed, "Kẹt giấy trong khay nạp / paper is jammed")]
    [InlineData("SANE_STATUS_NO_DOCS", SaneStatus.NoDocs, "Hết giấy trong khay nạp / the document feeder is empty")]
    [InlineData("SANE_STATUS_COVER_OPEN", SaneStatus.CoverOpen, "Nắp máy quét đang mở / the scanner cover is open")]
    [InlineData("SANE_STATUS_DEVICE_BUSY", SaneStatus.DeviceBusy, "Máy quét đang bận")]
    [InlineData("SANE_STATUS_IO_ERROR", SaneStatus.IoError, "Lỗi kết nối với máy quét / error communicating")]
    [InlineData("SANE_STATUS_CANCELLED", SaneStatus.Cancelled, "Đã hủy quét / the scan was cancelled")]
    [InlineData("SANE_STATUS_UNSUPPORTED", SaneStatus.Unsupported, "không hỗ trợ")]
    [InlineData("SANE_STATUS_INVAL", SaneStatus.Inval, "không hợp lệ / invalid")]
    [InlineData("SANE_STATUS_NO_MEM", SaneStatus.NoMem, "Không đủ bộ nhớ / out of memory")]
    [InlineData("SANE_STATUS_ACCESS_DENIED", SaneStatus.AccessDenied, "Không có quyền truy cập máy quét / access to the scanner was denied")]
    [InlineData("SANE_STATUS_EOF", SaneStatus.Eof, "the scanner sent no image data")]
    public void Injected_read_errors_become_one_exception_with_a_clear_message(string injected, SaneStatus status, string message)
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetResolution(50);
        device.SetOption("read-return-value", injected);

        var act = () => device.ScanPage();

        act.Should().Throw<SaneException>()
            .Where(e => e.Status == status)
            .WithMessage($"*{message}*");
    }

    [Fact]
    public void Cancelling_stops_a_slow_page_mid_read()
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");
        device.SetMode(SaneScanMode.Color);
        device.SetResolution(300);
        device.SetArea(new ScanArea(0, 0, 80, 100));
        // 200 ms before each 64 KiB: this 3.3 MB page would take about ten seconds.
        device.SetOption("read-delay", true);
        device.SetOption("read-delay-duration", 200_000);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var act = () => device.ScanPage(cts.Token);

        act.Should().Throw<OperationCanceledException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));

        // The device is usable again straight away.
        device.SetOption("read-delay", false);
        device.SetResolution(50);
        using var next = device.ScanPage();
        next.Width.Should().Be(Px(50, 80));
    }

    [Fact]
    public async Task Pages_cut_short_or_read_to_the_end_never_deadlock_the_backend_reader()
    {
        // The test backend cancels its reader thread when a page ends and when we cancel after an error
        // straight after sane_start: the moments the reader is in free or malloc. With asynchronous
        // cancellation (no guard preloaded) some of these cycles deadlocked the process for good.
        var cycles = Task.Factory.StartNew(() =>
        {
            using var session = SaneSession.Acquire();
            using var device = session.OpenDevice("test:0");
            device.SetResolution(25);
            for (var i = 0; i < 5000; i++)
            {
                device.SetOption("read-return-value", i % 2 == 0 ? "SANE_STATUS_IO_ERROR" : "Default");
                try
                {
                    using var page = device.ScanPage();
                }
                catch (SaneException e) when (e.Status == SaneStatus.IoError)
                {
                }
            }
            device.SetOption("read-return-value", "Default");
        }, TaskCreationOptions.LongRunning);

        var first = await Task.WhenAny(cycles, Task.Delay(TimeSpan.FromSeconds(60)));
        first.Should().BeSameAs(cycles, "5000 start/cancel cycles take a few seconds unless a reader deadlocked");
        await cycles;
    }

    [Fact]
    public void Unknown_options_and_modes_are_reported_not_guessed()
    {
        using var session = SaneSession.Acquire();
        using var device = session.OpenDevice("test:0");

        var missing = () => device.SetOption("no-such-option", 1);
        var lineart = () => device.SetMode(SaneScanMode.Lineart);
        var duplex = () => device.SetSource(PaperSource.Duplex);

        missing.Should().Throw<SaneException>().Where(e => e.Status == SaneStatus.Unsupported);
        lineart.Should().Throw<SaneException>().WithMessage("*không hỗ trợ*Lineart*");
        duplex.Should().Throw<SaneException>().WithMessage("*Duplex*Flatbed, Automatic Document Feeder*");
    }

    [Fact]
    public void Opening_an_unknown_device_fails_with_a_sane_exception()
    {
        using var session = SaneSession.Acquire();

        var act = () => session.OpenDevice("test:9");

        act.Should().Throw<SaneException>().Where(e => e.Status == SaneStatus.Inval).WithMessage("*test:9*");
    }
}
