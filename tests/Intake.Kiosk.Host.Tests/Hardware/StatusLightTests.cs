using System.Device.Gpio;
using FluentAssertions;
using Intake.Kiosk.Host.Hardware;
using Intake.Kiosk.Host.Hardware.Gpio;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Hardware;

/// <summary>The host's status light and paper sensor on a simulated GPIO chip (<see cref="SimulatedGpioDriverTestDouble"/>).</summary>
public sealed class StatusLightTests
{
    private static readonly GpioOptions Lines = new() { Chip = 0, ReadyLine = 17, BusyLine = 27, ErrorLine = 22, PaperLine = 23, PaperActiveLow = true };

    [Fact]
    public async Task The_light_goes_ready_busy_error_ready_and_follows_the_paper_sensor()
    {
        using var chip = new SimulatedGpioDriverTestDouble();
        chip.SetInput(23, PinValue.High); // active low: no paper
        using var light = new StatusLight(Lines, chip);
        var shown = new List<KioskLight>();
        light.Machine.Changed += shown.Add;
        var inserted = 0;
        light.Machine.PaperInserted += () => inserted++;
        await light.StartAsync(CancellationToken.None);

        light.Problem.Should().BeNull();
        Lamps(chip).Should().Be((true, false, false), "a started kiosk is ready");

        chip.SetInput(23, PinValue.Low); // paper arrives on the sensor
        inserted.Should().Be(1);
        light.Machine.PaperPresent.Should().BeTrue();

        light.Machine.PagesInFlight(1);
        Lamps(chip).Should().Be((false, true, false), "a page is being read");

        light.Machine.PageFailed("Không đọc được trang / a page could not be read");
        light.Machine.PagesInFlight(0);
        Lamps(chip).Should().Be((false, false, true), "the page failed, and the error holds when the pipeline empties");
        light.Machine.Error.Should().StartWith("Không đọc được trang");

        chip.SetInput(23, PinValue.High); // the applicant takes the paper away
        light.Machine.PaperPresent.Should().BeFalse();
        Lamps(chip).Should().Be((true, false, false), "taking the paper away clears the error");

        shown.Should().Equal(KioskLight.Busy, KioskLight.Error, KioskLight.Ready);
        await light.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_page_read_after_an_error_clears_it_and_pages_still_in_flight_keep_it_busy()
    {
        using var chip = new SimulatedGpioDriverTestDouble();
        using var light = new StatusLight(Lines, chip);
        await light.StartAsync(CancellationToken.None);

        light.Machine.PagesInFlight(2);
        light.Machine.PageFailed("x");
        Lamps(chip).Should().Be((false, false, true));
        light.Machine.PageRead();
        Lamps(chip).Should().Be((false, true, false), "one page is still in flight");
        light.Machine.PagesInFlight(0);
        Lamps(chip).Should().Be((true, false, false));
    }

    [Fact]
    public async Task Paper_already_on_the_sensor_at_start_is_seen()
    {
        using var chip = new SimulatedGpioDriverTestDouble();
        chip.SetInput(23, PinValue.Low);
        using var light = new StatusLight(Lines, chip);
        await light.StartAsync(CancellationToken.None);
        light.Machine.PaperPresent.Should().BeTrue();
    }

    [Fact]
    public async Task Disposing_turns_every_lamp_off()
    {
        var chip = new SimulatedGpioDriverTestDouble();
        var light = new StatusLight(Lines, chip);
        await light.StartAsync(CancellationToken.None);
        Lamps(chip).Should().Be((true, false, false));
        light.Dispose();
        chip.Level(17).Should().Be(PinValue.Low);
    }

    [Fact]
    public async Task Without_a_gpio_chip_the_light_says_why_and_the_machine_still_runs()
    {
        // This machine has no GPIO in its kernel: libgpiod finds no chip.
        using var light = new StatusLight(new GpioOptions { Chip = 0 }, driver: null);
        await light.StartAsync(CancellationToken.None);
        light.HasPanel.Should().BeFalse();
        light.Problem.Should().StartWith("Không mở được GPIO chip 0 / cannot open GPIO chip 0");
        light.Machine.PagesInFlight(1);
        light.Machine.Light.Should().Be(KioskLight.Busy);
    }

    private static (bool Ready, bool Busy, bool Error) Lamps(SimulatedGpioDriverTestDouble chip) =>
        (chip.Level(17) == PinValue.High, chip.Level(27) == PinValue.High, chip.Level(22) == PinValue.High);
}
