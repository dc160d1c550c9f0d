using FluentAssertions;
using Intake.Scanner.Sane;

namespace Intake.Scanner.Tests.Sane;

public sealed class DeviceLocatorTests
{
    private static readonly SaneDeviceInfo Canon = new("pixma:04A91912_A12345", "CANON", "Canon PIXMA MG5700", "multi-function peripheral");

    [Fact]
    public void Keeps_the_exact_name_when_it_is_still_listed()
    {
        var locator = new DeviceLocator(Canon);

        locator.Find([Canon with { Name = "pixma:04A91912_B99999" }, Canon]).Should().Be(Canon);
    }

    [Fact]
    public void A_usb_scanner_replugged_gets_a_new_device_number_and_is_still_found()
    {
        var fujitsu = new SaneDeviceInfo("fujitsu:libusb:001:004", "FUJITSU", "fi-7160", "scanner");
        var locator = new DeviceLocator(fujitsu);

        var found = locator.Find([
            new SaneDeviceInfo("genesys:libusb:001:009", "Canon", "LiDE 220", "flatbed scanner"),
            fujitsu with { Name = "fujitsu:libusb:002:011" },
            fujitsu with { Name = "fujitsu:libusb:001:012" },
        ]);

        found!.Name.Should().Be("fujitsu:libusb:001:012", "same model on the same bus");
    }

    [Fact]
    public void A_serial_in_the_name_picks_the_right_one_of_two_identical_scanners()
    {
        var locator = new DeviceLocator(Canon);

        var found = locator.Find([
            Canon with { Name = "pixma:04A91912_B99999" },
            Canon with { Name = "pixma:04A91912_A12345" },
        ]);

        found!.Name.Should().Be("pixma:04A91912_A12345");
    }

    [Fact]
    public void Another_model_or_backend_is_not_our_scanner()
    {
        var locator = new DeviceLocator(Canon);

        locator.Find([
            Canon with { Model = "Canon PIXMA MG3600" },
            Canon with { Name = "airscan:e0:Canon MG5700" },
        ]).Should().BeNull();
    }

    [Fact]
    public void A_name_only_locator_matches_only_that_name_until_it_learns_the_model()
    {
        var locator = DeviceLocator.ForName("test:1");

        locator.Find([new SaneDeviceInfo("test:0", "Noname", "frontend-tester", "virtual device")]).Should().BeNull();
        locator.Current.Name.Should().Be("test:1");
    }
}
