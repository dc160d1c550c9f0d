using FluentAssertions;
using Intake.Kiosk.Host.Cli;
using Intake.Kiosk.Host.Health;
using Intake.Kiosk.Host.Tests.Cli;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Health;

/// <summary>The scanner probe behind /readyz and the heartbeat, against SANE's own test backend.</summary>
[Collection(SaneCliGroup.Name)]
public sealed class ScannerProbeTests
{
    [Fact]
    public void The_configured_scanner_is_ready_and_a_missing_one_is_absent()
    {
        var ready = ScannerProbe.Probe("test:0");
        ready.Should().Be(new ScannerState("ready", "test:0", null));
        ScannerProbe.Probe(null).Name.Should().Be("ready", "any local scanner will do when none is configured");

        var absent = ScannerProbe.Probe("fujitsu:libusb:009:009");
        absent.Name.Should().Be("absent");
        absent.Problem.Should().Be("Không thấy máy quét fujitsu:libusb:009:009 / scanner fujitsu:libusb:009:009 not found");
    }

    [Fact]
    public void The_heartbeat_carries_the_scanner_state_the_device_watch_saw()
    {
        var vitals = new KioskVitals();
        vitals.Scanner = ScannerProbe.Probe("test:0");
        SyncVerb.ScannerStateForHeartbeat(vitals).Should().Be("ready");
        vitals.Scanner = ScannerProbe.Probe("test:7");
        SyncVerb.ScannerStateForHeartbeat(vitals).Should().Be("absent");
    }
}
